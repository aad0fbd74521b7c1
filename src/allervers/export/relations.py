"""The facts linking the cells of a release, as the evaluator rebuilds them (`verify-export`) and
as the joint protection models them: margins, the order of the funnel's steps, and the links
between indicators (`allervers.domain.release.RELEASE_LINKS`)."""

from __future__ import annotations

from allervers.domain.export import Relation, table_relations
from allervers.domain.release import RELEASE_LINKS, RELEASE_ROWS

RELEASE_RELATIONS: tuple[Relation, ...] = table_relations(RELEASE_ROWS, RELEASE_LINKS)
