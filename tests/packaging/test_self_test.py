"""`allervers --self-test` from the source install (packaging/check_bundle.sh runs the same on the
built bundle): real workspace, real engine process, real PDF, real window offscreen."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from allervers.services import self_test
from allervers.ui.self_test import run_self_test
from tests.integration.cli import cli_env

CHECKS = ("Espace de travail chiffré", "RSA 573,49 €", "Feuille du foyer", "Fenêtre principale")


@pytest.mark.slow
def test_self_test_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    home = tmp_path / "home"
    done = subprocess.run(
        [sys.executable, "-m", "allervers", "--self-test"],
        env=cli_env(home, QT_QPA_PLATFORM="offscreen", TMPDIR=str(temporary)),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Autotest d'Aller-Vers")
    for check in CHECKS:
        assert any(line.startswith("OK") and check in line for line in lines), check
    assert "Traductions de l'interface (français, anglais) chargées." in done.stdout
    assert lines[-1].startswith("Autotest réussi : 5 vérifications")
    assert "ÉCHEC" not in done.stdout and "Traceback" not in done.stderr
    assert list(temporary.iterdir()) == []  # the throw-away workspace and PDF are gone
    assert not home.exists()  # nothing written where the person's workspaces live


@pytest.mark.slow
def test_a_wrong_amount_fails_with_both_amounts_in_french(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(self_test, "EXPECTED_RSA", 600.0)
    out = io.StringIO()
    assert run_self_test(out) == 1
    text = out.getvalue()
    assert "OK     Espace de travail chiffré" in text
    assert (
        "ÉCHEC  Calcul des droits : RSA attendu 600,00 € pour le foyer de référence, "
        "obtenu 573,49 €." in text
    )
    assert text.splitlines()[-1].startswith("Autotest échoué")
    assert "Feuille du foyer" not in text  # stops at the first failure
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_error_is_a_french_sentence(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))

    def broken(self: self_test.SelfTest) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(self_test.SelfTest, "open_workspace", broken)
    out = io.StringIO()
    assert run_self_test(out) == 1
    assert "ÉCHEC  Espace de travail : erreur inattendue (OSError" in out.getvalue()
    assert list(tmp_path.iterdir()) == []


def test_amounts_are_written_the_french_way() -> None:
    assert self_test.euros(573.49) == "573,49 €"
    assert self_test.euros(1234.5) == "1 234,50 €"
    assert self_test.EXPECTED_RSA == 573.49


def test_x11_without_a_display_fails_before_qt_aborts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    out = io.StringIO()
    assert run_self_test(out) == 1
    assert "ÉCHEC  Aller-Vers ne trouve pas d'écran" in out.getvalue()
    assert "Espace de travail" not in out.getvalue()  # checked first, before any work
