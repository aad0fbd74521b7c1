#!/usr/bin/env bash
# Refreshes the English translation after interface strings changed.
#
# 1. pyside6-lupdate scans src/allervers for self.tr(...) and translate("Context", ...) calls and
#    merges new or changed French source strings into the .ts file (translations already written
#    are kept; strings that vanished are dropped). Then write the English for every message marked
#    type="unfinished", in Qt Linguist (.venv/bin/pyside6-linguist) or any text editor.
# 2. pyside6-lrelease compiles the .ts into the .qm shipped inside the package and loaded at run
#    time (allervers.ui.i18n). Commit both files.
#
# tests/ui/test_translations.py fails while a string has no English or the .qm is stale.
# No line numbers in the .ts (-locations none): they would change the file at every code edit.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

"$BIN/pyside6-lupdate" -extensions py -source-language fr -target-language en \
    -locations none -no-obsolete src/allervers -ts translations/allervers_en.ts
"$BIN/pyside6-lrelease" translations/allervers_en.ts \
    -qm src/allervers/resources/i18n/allervers_en.qm
# Qt's own French, where qtbase_fr.qm leaves strings in English (written by hand).
"$BIN/pyside6-lrelease" translations/qtbase_extra_fr.ts \
    -qm src/allervers/resources/i18n/qtbase_extra_fr.qm
