"""The few colours that carry a meaning in the interface, defined once: an error is red, a thing done
is green, a note is the palette's placeholder grey (so that it follows a dark theme)."""

from __future__ import annotations

ERROR_STYLE = "QLabel { color: #b00020; }"
DONE_STYLE = "QLabel { color: #1b5e20; }"
NOTE_STYLE = "QLabel { color: palette(placeholder-text); }"
