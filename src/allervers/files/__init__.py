"""Writing files whole or not at all (the one atomic writer: `allervers.files.atomic`)."""
