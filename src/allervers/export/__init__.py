"""Signed releases for the TZNR evaluation, and the evaluators' tools.

Pure Python (csv, json, hmac, zip) over `allervers.domain.release`, with HiGHS (through scipy) for
the integer programs of the joint protection; signatures come from `allervers.crypto.signing` and
the PDFs from `allervers.reports`. No workspace, no database: the evaluators' commands
(`verify-export`, `merge-exports`) run on the files alone.
"""
