"""The address importer fuzzed: whatever the file, either it is imported or it is refused with a
line number, in French, and nothing stored changes; never a traceback."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allervers.domain.addresses import AddressFileInvalid
from allervers.domain.errors import AllerVersError
from allervers.messages import describe
from allervers.services import address_samples as samples
from allervers.services.addresses import AddressService
from allervers.services.doors import DoorService
from allervers.services.workspace import CreatedWorkspace

BASE = samples.commune_addresses("49092", 25)
BAN = samples.ban_rows(BASE)
BAL = samples.bal_rows(BASE)


def _text(header: tuple[str, ...], rows: list[list[str]]) -> str:
    return "\n".join(";".join(r) for r in [list(header), *rows]) + "\n"


cells = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    from allervers.domain.addresses import BAL_COLUMNS, BAN_COLUMNS

    bal = draw(st.booleans())
    header, rows = (BAL_COLUMNS, BAL) if bal else (BAN_COLUMNS, BAN)
    rows = [list(r) for r in rows]
    for _ in range(draw(st.integers(0, 4))):
        row = draw(st.integers(0, len(rows) - 1))
        column = draw(st.integers(0, len(header) - 1))
        rows[row][column] = draw(cells)
    data = _text(header, rows).encode("utf-8")
    kind = draw(st.sampled_from(["cells", "cut", "flip", "insert", "header"]))
    if kind == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif kind == "flip":
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    elif kind == "insert":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=20)) + data[at:]
    elif kind == "header":
        data = data.replace(b"numero", draw(st.sampled_from([b"num", b"", b"numero;numero"])), 1)
    return data


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(damaged())
def test_any_file_is_imported_or_refused_without_change(
    created: CreatedWorkspace, tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "adresses.csv"
    path.write_bytes(data)
    doors = DoorService(created.workspace)
    service = AddressService(created.workspace)
    before = [(d.door, d.state) for d in doors.doors()]
    try:
        service.import_file(path)
    except AddressFileInvalid as error:
        assert error.line >= 1
        assert "ligne" in describe(error)
        assert [(d.door, d.state) for d in doors.doors()] == before
    except AllerVersError as error:  # pragma: no cover - any other refusal must say why too
        raise AssertionError(describe(error)) from error
    try:
        service.import_file(path, skip_invalid=True)
    except AddressFileInvalid as error:
        # Only a file whose header or encoding is unusable is refused whole.
        assert error.reason in ("header", "encoding", "empty"), error
