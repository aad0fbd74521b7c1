"""The PySide6 desktop interface, one folder per feature (docs/ui-folders.md). Pages receive
services built once per unlock in `workspace_view`, never database sessions; French is the source
language of every string."""
