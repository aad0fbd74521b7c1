"""System errors are said in French, whatever the language of the laptop's system."""

from __future__ import annotations

import errno
from pathlib import Path

from allervers.messages import describe


def test_a_read_only_usb_key_is_said_in_french() -> None:
    error = OSError(errno.EROFS, "Read-only file system", "/media/cle/export.avsync")
    text = describe(error)
    assert text == (
        "Erreur d'accès au fichier /media/cle/export.avsync : support en lecture seule "
        "(clé USB verrouillée ?)."
    )
    assert "Read-only" not in text


def test_a_refused_folder_and_an_unusual_error_keep_a_readable_reason(tmp_path: Path) -> None:
    try:
        (tmp_path / "absent" / "fichier.json").read_text()
    except OSError as error:
        assert describe(error).endswith(": fichier ou dossier introuvable.")
    unusual = OSError(errno.EXDEV, "Invalid cross-device link", "/a")
    assert describe(unusual) == "Erreur d'accès au fichier /a : Invalid cross-device link."
