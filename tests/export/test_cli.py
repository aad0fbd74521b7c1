"""The release commands as `allervers` runs them (in this process, with the light test key
derivation): exit codes 0 done, 1 refused, 2 wrong command line, 3 a broken promise; French
sentences; a free date range only in the internal report, marked "usage interne"."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from allervers.cli.main import run
from allervers.crypto import signing
from allervers.domain.rights import RightId
from allervers.export.build import sign
from allervers.export.package import INDICATORS, MANIFEST, read_members
from allervers.services.paths import AppPaths
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from tests.conftest import COORDINATOR, PASSPHRASE
from tests.export.workspace import add_visits

JANUARY = [f"2026-01-{d:02d}" for d in range(1, 29)]


@pytest.fixture
def cli(
    created: CreatedWorkspace,
    paths: AppPaths,
    service: WorkspaceService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):  # type: ignore[no-untyped-def]
    """28 interviews in January 2026; then `allervers ARGS` -> (exit code, stdout, stderr)."""
    add_visits(created.workspace, tmp_path, JANUARY, (RightId.RSA,))
    created.workspace.lock()
    monkeypatch.setenv("ALLERVERS_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ALLERVERS_USER", COORDINATOR)

    def call(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = run(list(argv), paths, service)
        except SystemExit as exit_:  # argparse
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        assert isinstance(code, int)
        return code, out, err

    return call


def test_a_free_date_range_is_not_a_release_and_asks_for_nothing(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ALLERVERS_PASSPHRASE")  # refused before any passphrase is asked
    code, out, err = cli("export", "--from", "2026-01-01", "--to", "2026-01-02")
    assert code == 2 and out == ""
    assert "jamais sur une plage libre" in err and "usage interne" in err


def test_the_internal_report_is_marked_and_never_a_release(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _err = cli(
        "report", "--from", "2026-01-03", "--to", "2026-01-05", "--format", "json"
    )
    figures = json.loads(out)
    assert code == 0 and figures["households_met"] == 3  # exact: no threshold, internal
    assert (figures["marking"], figures["signed"]) == ("usage interne", False)
    pdf = tmp_path / "interne.pdf"
    code, out, _err = cli("report", "--from", "2026-01-03", "--to", "2026-01-05", "--out", str(pdf))
    assert code == 0 and "usage interne, non signé" in out
    reader = PdfReader(pdf)
    assert all("USAGE INTERNE" in page.extract_text() for page in reader.pages)
    assert pdf.read_bytes()[:4] == b"%PDF"  # a report, not a signed release


def test_release_verify_and_refusals_with_their_exit_codes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out_dir = tmp_path / "envoi"
    code, out, _err = cli("export", "--period", "2026-01", "--out", str(out_dir))
    assert code == 0 and "première publication" in out
    (release,) = out_dir.glob("*.zip")
    key = tmp_path / "cle.pem"
    code, out, _err = cli("export-key", "--out", str(key))
    assert code == 0 and "Empreinte" in out
    code, out, _err = cli("verify-export", str(release), "--key", str(key))
    assert code == 0 and out.rstrip().endswith("Résultat : export intact, seuils respectés.")
    assert "Signature vérifiée avec la clé fournie (--key)." in out

    code, _out, err = cli("export", "--period", "2026-01", "--out", str(out_dir))
    assert code == 1 and "existe déjà : rien n'a été écrasé" in err
    code, _out, _err = cli("export", "--period", "2026-01", "--out", str(out_dir), "--force")
    assert code == 0 and len(list(out_dir.glob("*.zip"))) == 1
    code, _out, err = cli("export", "--period", "2026-01", "--revise", "--out", str(out_dir))
    assert code == 1 and "Révision refusée : rien n'a changé dans 2026-01" in err
    code, _out, err = cli("export-microdata", "--period", "2026-01", "--out", str(out_dir))
    assert code == 1 and "Pas de microdonnées pour un mois (2026-01)" in err
    today = dt.date.today()
    code, _out, err = cli("export", "--period", f"{today:%Y-%m}", "--out", str(out_dir))
    assert code == 1 and "n'est pas terminée" in err
    assert "Traceback" not in err


def test_a_file_re_signed_with_a_small_count_shown_exits_3(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out_dir = tmp_path / "envoi"
    assert cli("export", "--period", "2026-01", "--out", str(out_dir))[0] == 0
    (release,) = out_dir.glob("*.zip")
    members = dict(read_members(release.read_bytes()))
    csv = members[INDICATORS]
    assert b",s\r\n" in csv  # something is hidden in a month of 28 interviews
    forged_csv = csv.replace(b",s\r\n", b",3\r\n", 1)
    manifest = json.loads(members[MANIFEST])
    manifest["files"][INDICATORS] = {
        "sha256": hashlib.sha256(forged_csv).hexdigest(),
        "bytes": len(forged_csv),
    }
    forger = signing.new_private_key()
    manifest["signing_key"]["fingerprint"] = signing.fingerprint(signing.public_key(forger))
    files = {n: c for n, c in members.items() if n.endswith((".csv", ".pdf"))}
    files[INDICATORS] = forged_csv
    forged = tmp_path / "forged.zip"
    forged.write_bytes(sign(forger, json.dumps(manifest).encode("utf-8"), files))
    code, out, _err = cli("verify-export", str(forged))
    assert code == 3, out
    assert "NON CONFORME" in out and "Résultat : ÉCHEC" in out
    # With the territory's real key, it is refused as signed by another key, exit 1.
    key = tmp_path / "cle.pem"
    assert cli("export-key", "--out", str(key))[0] == 0
    code, _out, err = cli("verify-export", str(forged), "--key", str(key))
    assert code == 1 and "signé par une autre clé" in err
