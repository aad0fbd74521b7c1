"""The team commands end to end, as real subprocesses. The hub is a copy of the session's
template workspace (tests/integration/cli.py); the volunteer's laptop is made by `team join`
with the production Argon2id parameters."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE, keys_and_settings
from tests.integration.cli import CLI_USER as HUB_USER
from tests.integration.cli import Result, Template, copy_workspace
from tests.integration.cli import run_cli as _run_cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "households"
VOLUNTEER = "Alice Marchand"


def run_cli(home: Path, *args: str | Path, **env: str) -> Result:
    return _run_cli(home, *args, **env)  # type: ignore[arg-type]  # env holds no timeout


def test_invite_join_enrol_and_one_bundle_each_way(cli_template: Template, tmp_path: Path) -> None:
    home = tmp_path / "home"
    hub, laptop = copy_workspace(cli_template, tmp_path / "hub"), tmp_path / "laptop"
    as_hub = {"ALLERVERS_USER": HUB_USER, "ALLERVERS_PASSPHRASE": PASSPHRASE}
    as_volunteer = {"ALLERVERS_USER": VOLUNTEER, "ALLERVERS_PASSPHRASE": OTHER_PASSPHRASE}
    invite = run_cli(
        home,
        "team",
        "invite",
        "--workspace",
        hub,
        "--volunteer",
        VOLUNTEER,
        "--out",
        tmp_path / "alice.invite",
        ALLERVERS_NEW_PASSPHRASE=OTHER_PASSPHRASE,
        **as_hub,
    )
    assert invite.code == 0, invite.err
    hub_fp = invite.out.split("vive voix) : ")[1].split()[0]
    joined = run_cli(
        home,
        "team",
        "join",
        tmp_path / "alice.invite",
        "--workspace",
        laptop,
        "--out",
        tmp_path / "alice.reply",
        **as_volunteer,
    )
    assert joined.code == 0, joined.err
    assert hub_fp in joined.out
    enrol = run_cli(home, "team", "enrol", tmp_path / "alice.reply", "--workspace", hub, **as_hub)
    assert enrol.code == 0, enrol.err
    laptop_fp = enrol.out.split("vive voix) : ")[1].split()[0]
    assert laptop_fp in joined.out

    visit = json.loads((EXAMPLE / "couple-deux-enfants-salarie.json").read_text("utf-8"))
    visit["answers"]["contact_name"] = "Gaëlle Tourmente"
    source = tmp_path / "visits.jsonl"
    source.write_text(json.dumps(visit, ensure_ascii=False) + "\n", encoding="utf-8")
    imported = run_cli(home, "visits", "import", source, "--workspace", laptop, **as_volunteer)
    assert imported.code == 0, imported.err
    bundle = tmp_path / "alice.avsync"
    out = run_cli(home, "sync", "out", "--to", bundle, "--workspace", laptop, **as_volunteer)
    assert out.code == 0, out.err
    assert "Gaëlle".encode() not in bundle.read_bytes()

    data = bundle.read_bytes()
    flipped = tmp_path / "flipped.avsync"
    flipped.write_bytes(data[:-200] + bytes([data[-200] ^ 0x40]) + data[-199:])
    refused = run_cli(home, "sync", "in", flipped, "--workspace", hub, **as_hub)
    assert refused.code == 1
    assert "a été modifié ou abîmé" in refused.err and "Traceback" not in refused.err

    merged = run_cli(home, "sync", "in", bundle, "--workspace", hub, **as_hub)
    assert merged.code == 0, merged.err
    assert "conflit" in merged.out
    again = run_cli(home, "sync", "in", bundle, "--workspace", hub, **as_hub)
    assert again.code == 1 and "déjà été importé" in again.err
    listed = run_cli(home, "visits", "list", "--json", "--workspace", hub, **as_hub)
    assert "Gaëlle Tourmente" in listed.out

    back = tmp_path / "hub.avsync"
    out = run_cli(home, "sync", "out", "--to", back, "--workspace", hub, **as_hub)
    assert out.code == 0, out.err
    into = run_cli(home, "sync", "in", back, "--workspace", laptop, **as_volunteer)
    assert into.code == 0, into.err
    conflicts = run_cli(home, "sync", "conflicts", "--workspace", hub, **as_hub)
    assert conflicts.code == 0, conflicts.err


def test_settings_are_read_and_changed_by_the_coordinator_within_bounds(
    cli_template: Template, tmp_path: Path
) -> None:
    home, hub = tmp_path / "home", copy_workspace(cli_template, tmp_path / "hub")
    as_hub = {"ALLERVERS_USER": HUB_USER, "ALLERVERS_PASSPHRASE": PASSPHRASE}
    shown = run_cli(home, "settings", "--workspace", hub, **as_hub)
    assert shown.code == 0, shown.err
    assert "Délai avant retrait d'un portable bénévole (jours) : 30" in shown.out
    changed = run_cli(home, "settings", "--workspace", hub, "--sync-grace-days", "10", **as_hub)
    assert changed.code == 0, changed.err
    assert "(jours) : 10" in changed.out
    metadata = keys_and_settings(hub)
    settings = metadata["settings"]
    assert isinstance(settings, dict) and settings["sync_grace_days"] == 10
    # An impossible value is refused in French, and the file stays as it was.
    refused = run_cli(home, "settings", "--workspace", hub, "--sync-grace-days", "-4", **as_hub)
    assert refused.code != 0
    assert "de 0 à 365 jours" in refused.err
    assert keys_and_settings(hub) == metadata
