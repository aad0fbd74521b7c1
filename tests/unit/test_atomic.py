"""The one atomic writer (files/atomic.py): whole or not at all, owner-only, never over a file it
must not replace, and the only module of src/ that renames or links files into place."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

import pytest

import allervers
from allervers.domain.errors import StorageFull
from allervers.files import atomic


def test_a_written_file_is_whole_owner_only_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "workspace.json"
    target.write_bytes(b"old")
    atomic.write_atomically(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["workspace.json"]


def test_a_file_that_must_not_be_replaced_is_left_whole(tmp_path: Path) -> None:
    target = tmp_path / "sauvegarde.zip"
    target.write_bytes(b"a backup")
    with pytest.raises(FileExistsError):
        atomic.write_atomically(target, b"another", replace=False)
    assert target.read_bytes() == b"a backup"
    assert [p.name for p in tmp_path.iterdir()] == ["sauvegarde.zip"]


def test_without_hard_links_a_new_file_is_still_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object) -> None:
        raise OSError(errno.EPERM, "no hard links on this key")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "export.zip"
    atomic.write_atomically(target, b"zip", replace=False)
    assert target.read_bytes() == b"zip"
    with pytest.raises(FileExistsError):
        atomic.write_atomically(target, b"other", replace=False)
    assert target.read_bytes() == b"zip"


def test_a_full_disk_names_the_target_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"old report")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageFull) as refused:
        atomic.write_atomically(target, b"new report")
    assert refused.value.path == target
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]


def test_a_failing_writer_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "fiche.pdf"

    class Broken(Exception):
        pass

    with pytest.raises(Broken), atomic.written_beside(target) as temporary:
        temporary.write_bytes(b"half")
        raise Broken
    assert list(tmp_path.iterdir()) == []


# A folder is moved into place by a rename when a backup is restored (services/backup.py): not
# a file, so not this writer's business.
ALLOWED = {"files/atomic.py": 3, "services/backup.py": 1}


def test_no_other_module_renames_or_links_files_into_place() -> None:
    root = Path(allervers.__file__).parent
    pattern = re.compile(r"os\.replace\(|os\.rename\(|os\.link\(|mkstemp\(|NamedTemporaryFile\(")
    found = {}
    for module in root.rglob("*.py"):
        count = len(pattern.findall(module.read_text(encoding="utf-8")))
        if count:
            found[module.relative_to(root).as_posix()] = count
    assert found == ALLOWED
