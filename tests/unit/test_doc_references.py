"""Every document the code cites is in the repository: a path like `docs/domain.md`, or a bare
`NAME.md`, in src/, the tests, the benchmarks, pyproject.toml or the README (issue 12: the code
cited guides the repository did not have)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CITED = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.md)\b")


def _sources() -> list[Path]:
    files = [ROOT / "pyproject.toml", ROOT / "README.md"]
    for folder in ("src/allervers", "tests", "benchmarks"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return [f for f in files if f != Path(__file__).resolve()]  # this file names missing ones


def _exists(cited: str) -> bool:
    return (ROOT / cited).is_file() or (ROOT / "docs" / cited).is_file()


def test_every_cited_document_exists() -> None:
    missing = {}
    for source in _sources():
        for cited in CITED.findall(source.read_text(encoding="utf-8")):
            if not _exists(cited):
                missing.setdefault(cited, []).append(source.relative_to(ROOT).as_posix())
    assert missing == {}


def test_the_check_sees_the_citations_it_must_see() -> None:
    found = {c for s in _sources() for c in CITED.findall(s.read_text(encoding="utf-8"))}
    assert {"docs/architecture.md", "docs/domain.md", "docs/sync-format.md"} <= found
    assert not _exists("docs/ARCHITECTURE.md") and not _exists("DOMAIN.md")
    assert CITED.findall("see DOMAIN.md and docs/ARCHITECTURE.md.") == [
        "DOMAIN.md",
        "docs/ARCHITECTURE.md",
    ]
