"""The versioned matching table of the directory (`resources/directory/matching.json`), read once."""

from __future__ import annotations

import functools
import json
from importlib import resources

from allervers.domain.directory_matching import MatchingTable, table_from_json


@functools.cache
def matching_table() -> MatchingTable:
    text = (
        resources.files("allervers.resources")
        .joinpath("directory")  # one name per joinpath: in the bundle it is a MultiplexedPath
        .joinpath("matching.json")
        .read_text(encoding="utf-8")
    )
    return table_from_json(json.loads(text))
