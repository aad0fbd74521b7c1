"""The files a command will write, checked before anything is unlocked or changed."""

from __future__ import annotations

import argparse
from pathlib import Path

from allervers.services.output_files import check_output, check_output_folder

# Their --out may be a folder (or a .zip): the release service checks each file it writes there.
_FOLDER_OUTPUTS = {"export", "export-microdata", "merge-exports"}


def check_outputs(args: argparse.Namespace) -> None:
    """The files a command will write, checked before it unlocks or changes anything (each is
    checked again when written: see services/output_files)."""
    if not hasattr(args, "force") or args.command in _FOLDER_OUTPUTS:
        return  # the command writes no file, or checks its own (see _FOLDER_OUTPUTS)
    if getattr(args, "person_command", None) == "export":
        check_output_folder(args.out)
        from allervers.services.retention import person_export_paths  # reportlab: only here

        for path in person_export_paths(args.out, args.household):
            check_output(path, args.force)
        return
    if getattr(args, "format", "pdf") != "pdf":
        return  # report --format json: printed, not written
    for name in ("out", "to", "recovery_sheet"):
        written: Path | None = getattr(args, name, None)
        if written is not None:
            check_output(written, args.force)
