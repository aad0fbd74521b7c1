"""Plain dataclasses, enums and typed errors. No I/O, no UI text."""
