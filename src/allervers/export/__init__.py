"""The anonymised, signed export for the TZNR evaluation, and the evaluators' tools.

Pure Python (csv, json, hmac, zip) over `allervers.domain.export`; signatures come from
`allervers.crypto.signing` and the PDFs from `allervers.reports`. No workspace, no database: the
evaluators' commands (`verify-export`, `merge-exports`) run on the files alone.
"""

from allervers.export.build import build_export
from allervers.export.merge import merge_exports
from allervers.export.verify import verify_export

__all__ = ["build_export", "merge_exports", "verify_export"]
