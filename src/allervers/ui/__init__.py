"""The PySide6 desktop interface. Widgets receive services and `OpenWorkspace` objects, never
database sessions; French is the source language of every string."""
