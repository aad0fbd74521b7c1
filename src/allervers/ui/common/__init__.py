"""What every feature folder may use: the task runner, the busy indicator, file and folder
choosers, the PDF saver, the commune field, the passphrase fields, styles and the form kit. It
imports no feature folder."""
