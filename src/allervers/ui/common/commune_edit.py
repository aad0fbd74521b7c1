"""A commune field: type a name or an INSEE code, pick from the suggestions.

The suggestions follow `questionnaire.communes.search` (names starting with the text first, then
names containing it; codes by prefix) over a folded-name index built once per process:
`communes.search` folds all 35 000 names at each call and compares lists, which costs 0.1 to 7 s
per keystroke, far too slow to follow typing. The order and matching rules are the same.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCompleter, QLineEdit, QWidget

from allervers.questionnaire import communes
from allervers.questionnaire.communes import Commune, fold

SUGGESTIONS = 20
_CODE_IN_TEXT = re.compile(r"\((?P<code>[0-9][0-9AB][0-9]{3})\)\s*$")


@functools.cache
def _index() -> list[tuple[str, Commune]]:
    # In folded order, so that "Chemillé" sorts with "Chemille", not after "Chemilly".
    folded = ((fold(c.name), c) for c in communes.all_communes().values())
    return sorted(folded, key=lambda p: (p[0], p[1].insee))


def search(
    text: str, limit: int = SUGGESTIONS, preferred: frozenset[str] = frozenset()
) -> list[Commune]:
    """`preferred` INSEE codes (the communes of the territory's visits) come first."""
    wanted = fold(text)
    if not wanted:
        return []
    if wanted.isdigit() or wanted[:2] in ("2a", "2b"):
        found = communes.search(text, len(communes.all_communes()))  # codes: fast already
    else:
        starts: list[Commune] = []
        contains: list[Commune] = []
        for name, commune in _index():
            if name.startswith(wanted):
                starts.append(commune)
            elif wanted in name:
                contains.append(commune)
        found = starts + contains
    ours = [c for c in found if c.insee in preferred]
    return (ours + [c for c in found if c.insee not in preferred])[:limit]


def display(commune: Commune) -> str:
    return f"{commune.name} ({commune.insee})"


def commune_name(insee: str) -> str:
    """The commune's name alone ("Angers"), or the code when no commune has it."""
    commune = communes.find(insee)
    return commune.name if commune else insee


def display_code(code: str) -> str:
    commune = communes.find(code)
    return display(commune) if commune else code


def resolve(text: str) -> str | None:
    """The INSEE code meant by the text: a picked suggestion "Angers (49007)", a bare code, or a
    name only one commune has. None when it names no commune or several."""
    plain = text.strip()
    if not plain:
        return None
    match = _CODE_IN_TEXT.search(plain)
    if match and communes.find(match["code"]):
        return match["code"]
    if communes.find(plain.upper()):
        return plain.upper()
    wanted = fold(plain)
    same = [c for name, c in _index() if name == wanted]
    return same[0].insee if len(same) == 1 else None


class CommuneEdit(QLineEdit):
    """`code` is the INSEE code of the commune the text names, or None. `picked` fires when a
    suggestion is chosen (the text is then complete: no need to wait for the field to lose
    focus)."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferred: frozenset[str] = frozenset()
        self.setPlaceholderText(self.tr("nom ou code INSEE"))
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        # Our own matching (accents, hyphens, codes): the completer must show what it is given.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(10)
        self.setCompleter(completer)
        completer.activated.connect(self._activated)  # the QString overload
        # Seen first (installed after the completer's own filter): Tab in the open suggestions.
        popup = completer.popup()
        if popup is not None:
            popup.installEventFilter(self)
        self.textEdited.connect(self._suggest)
        self.editingFinished.connect(self._show_name)  # first, before the form's own handlers
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def suggesting(self) -> bool:
        popup = self.completer().popup()
        return popup is not None and popup.isVisible()

    @property
    def code(self) -> str | None:
        return resolve(self.text())

    def set_code(self, code: str | None) -> None:
        self.setText(display_code(code) if code else "")

    def _suggest(self, text: str) -> None:
        found = search(text, preferred=self.preferred) if len(fold(text)) >= 2 else []
        self._model.setStringList([display(c) for c in found])
        completer = self.completer()
        popup = completer.popup()
        if found:
            completer.complete()
        elif popup is not None:
            popup.hide()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Tab leaves the field: the suggestions must not stay open over the next one. (While the
        # popup is open the field gets no focusOutEvent, hence the application's signal.)
        popup = self.completer().popup()
        if old is self and new is not popup and popup is not None:
            was_open = popup.isVisible()
            popup.hide()
            if was_open:
                # Nor does editingFinished come: say it, so the field is taken as any field left.
                self.editingFinished.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab or Shift+Tab while the suggestions are open: take the chosen one (or the only
        one) and go to the next field, as Tab does anywhere else. Qt's completer would close
        the list and keep the keyboard here, so the street typed next landed in this field."""
        popup = self.completer().popup()
        if (
            watched is popup
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            index = popup.currentIndex()
            if not index.isValid() and self._model.rowCount() == 1:
                index = self._model.index(0, 0)
            popup.hide()
            if index.isValid():
                self._activated(str(index.data()))
            self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
            return True
        return super().eventFilter(watched, event)

    def _show_name(self) -> None:
        """A code or a unique name typed becomes "Name (code)": the person sees which commune
        was understood."""
        code = self.code
        if code and self.text() != display_code(code):
            self.setText(display_code(code))

    def _activated(self, text: str) -> None:
        self.setText(text)
        code = resolve(text)
        if code:
            self.picked.emit(code)
