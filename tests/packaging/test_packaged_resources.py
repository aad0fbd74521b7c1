"""Shipped files are found the way the packaged app finds them.

In a PyInstaller bundle running Python 3.11, `importlib.resources.files()` of a package gives a
`MultiplexedPath`, whose `joinpath` takes one name and whose `str()` is not a path: the first
build could not load its questionnaire ("questionnaire inconnu") nor its English translation.
These tests give each reader that kind of path, over the real files.
"""

from __future__ import annotations

import importlib
from importlib.readers import MultiplexedPath
from pathlib import Path
from types import ModuleType

import pytest

import allervers
import allervers.resources
from allervers.questionnaire import epci, loader
from allervers.rights import cheque_energie, dated_tables
from allervers.services import directory_table
from allervers.ui import i18n

SOURCE = Path(allervers.__file__).parent


def _as_packaged(monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> None:
    real_files = importlib.resources.files

    def files(package: str) -> MultiplexedPath:
        return MultiplexedPath(str(real_files(package)))

    monkeypatch.setattr(module.resources, "files", files)


def test_questionnaire_is_found_as_in_the_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    _as_packaged(monkeypatch, loader)
    questionnaire = loader._load_shipped.__wrapped__("visite", 1)
    assert (questionnaire.id, questionnaire.version) == ("visite", 1)


def test_cheque_energie_table_is_found_as_in_the_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    _as_packaged(monkeypatch, dated_tables)
    assert len(cheque_energie.baremes.__wrapped__()) >= 1


def test_every_dated_table_is_found_as_in_the_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    _as_packaged(monkeypatch, dated_tables)
    for name in dated_tables.TABLES:
        assert dated_tables.table.__wrapped__(name)["entry"], name


def test_directory_matching_table_is_found_as_in_the_bundle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The packaged self-test failed here ("MultiplexedPath.joinpath() takes 2 positional
    # arguments but 3 were given") while every test of the source tree passed.
    _as_packaged(monkeypatch, directory_table)
    assert directory_table.matching_table.__wrapped__() is not None


def test_epci_table_is_found_as_in_the_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    _as_packaged(monkeypatch, epci)
    assert "49092" in {c for e in epci.all_epci.__wrapped__().values() for c in e.communes}


def test_no_reader_joins_two_names_at_once() -> None:
    """`joinpath(a, b)` works on a folder and fails in the bundle: one name per call."""
    import ast

    found = []
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "joinpath"
                and (len(node.args) > 1 or any(isinstance(a, ast.Starred) for a in node.args))
            ):
                found.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    assert found == []


def test_translations_folder_is_a_real_folder_in_the_bundle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _as_packaged(monkeypatch, i18n)
    folder = i18n.translations_folder()
    assert folder == Path(allervers.__file__).parent / "resources" / "i18n"
    assert (folder / "allervers_en.qm").is_file()
    assert (folder / "qtbase_extra_fr.qm").is_file()  # Qt's French, completed


def test_resources_package_is_the_one_shipped() -> None:
    # The three readers above look in allervers/resources, which pyproject.toml and the spec ship.
    assert Path(allervers.resources.__file__).parent.name == "resources"
