"""The command line, in French, over the same services as the GUI."""
