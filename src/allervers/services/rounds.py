"""Rounds: cut by the coordinator (a commune, some streets or lieux-dits, or a shape drawn on
the map), given to a volunteer or a pair; reshaped as a new version once walked
(domain/rounds.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from allervers.domain.errors import UnknownRecord, UnknownUser
from allervers.domain.geometry import Point, point_in_polygon
from allervers.domain.rounds import (
    Round,
    RoundInvalid,
    RoundKind,
    check_doors,
    check_volunteers,
    clean_round_name,
    reshape,
)
from allervers.domain.walking import walking_order
from allervers.questionnaire import communes as commune_list
from allervers.services.workspace import OpenWorkspace
from allervers.storage import doors_repo, repositories, rounds_repo


class RoundService:
    def __init__(self, workspace: OpenWorkspace, today: dt.date | None = None) -> None:
        self._workspace = workspace
        self._today = today

    def _user_ids(self, session: Any, names: Sequence[str]) -> tuple[str, ...]:
        ids = []
        for name in names:
            found = repositories.find_user(session, name)
            if found is None:
                raise UnknownUser(name)
            ids.append(found[0].id)
        return check_volunteers(ids)

    def doors_for(
        self,
        commune: str,
        ways: Sequence[str] = (),
        polygon: Sequence[Point] | None = None,
    ) -> list[str]:
        """The doors a round would take, in walking order: a commune's, or some of its streets
        and lieux-dits', or those inside a shape drawn on the map (Lambert-93 metres)."""
        with self._workspace.db.session() as session:
            found = doors_repo.doors(session, [commune] if commune else [], list(ways))
            if ways:
                known = {w for w, _n in doors_repo.ways_of(session, commune)}
                unknown = [w for w in ways if w not in known]
                if unknown:
                    raise RoundInvalid("unknown_street", unknown[0])
        if polygon is not None:
            found = [
                d
                for d in found
                if d.x is not None and d.y is not None and point_in_polygon((d.x, d.y), polygon)
            ]
        return [d.id for d in walking_order(found)]

    def create(
        self,
        name: str,
        commune: str,
        ways: Sequence[str] = (),
        volunteers: Sequence[str] = (),
        kind: RoundKind = RoundKind.SPOTTING,
        polygon: Sequence[Point] | None = None,
    ) -> Round:
        self._workspace.require_coordinator("rounds")
        name = clean_round_name(name)
        if commune and commune_list.find(commune) is None:
            raise RoundInvalid("unknown_commune", commune)
        door_ids = check_doors(self.doors_for(commune, ways, polygon))
        with self._workspace.db.session() as session:
            if not commune:  # drawn across communes: named after the commune of most doors
                found = doors_repo.doors_by_id(session, door_ids).values()
                codes = [d.commune_insee for d in found]
                commune = max(set(codes), key=codes.count)
            if rounds_repo.find(session, name) is not None:
                raise RoundInvalid("name_taken", name)
            user_ids = self._user_ids(session, volunteers)
            round_id = rounds_repo.add_round(
                session, name, kind, commune, self._workspace.user.id, door_ids
            )
            if user_ids:
                rounds_repo.set_volunteers(session, round_id, user_ids)
            repositories.append_audit(
                session, self._workspace.user.id, "round_created", "round", round_id
            )
            return rounds_repo.to_round(session, rounds_repo.row(session, round_id))

    def rounds(self) -> list[Round]:
        volunteer = None if self._workspace.user.is_coordinator else self._workspace.user.id
        with self._workspace.db.session() as session:
            return rounds_repo.all_rounds(session, volunteer)

    def get(self, name: str) -> Round:
        with self._workspace.db.session() as session:
            found = rounds_repo.find(session, name)
            if found is None:
                raise UnknownRecord("round", name)
            return rounds_repo.to_round(session, found)

    def assign(self, name: str, volunteers: Sequence[str]) -> Round:
        """Gives the round to one volunteer or a pair (replacing those it had)."""
        self._workspace.require_coordinator("rounds")
        with self._workspace.db.session() as session:
            found = rounds_repo.find(session, name)
            if found is None:
                raise UnknownRecord("round", name)
            rounds_repo.set_volunteers(session, found.id, self._user_ids(session, volunteers))
            repositories.append_audit(
                session, self._workspace.user.id, "round_assigned", "round", found.id
            )
            return rounds_repo.to_round(session, found)

    def reshape(self, name: str, door_ids: Sequence[str]) -> Round:
        """New doors for a round: in place while none of its doors was knocked since its
        current version was made, else as a new version (the walked one stays as it was)."""
        self._workspace.require_coordinator("rounds")
        with self._workspace.db.session() as session:
            found = rounds_repo.find(session, name)
            if found is None:
                raise UnknownRecord("round", name)
            current = rounds_repo.to_round(session, found)
            made_at = rounds_repo.version_made_at(session, current.version_id)
            visited = any(
                p.recorded_at >= made_at for p in doors_repo.passes(session, current.door_ids)
            )
            change = reshape(current, door_ids, visited)
            if change is None:
                return current
            if change.new_version:
                rounds_repo.new_version(session, found.id, change.version, change.door_ids)
            else:
                rounds_repo.replace_doors(session, found.id, change.door_ids)
            repositories.append_audit(
                session, self._workspace.user.id, "round_reshaped", "round", found.id
            )
            return rounds_repo.to_round(session, found)

    def ways(self, commune: str) -> list[tuple[str, int]]:
        with self._workspace.db.session() as session:
            return doors_repo.ways_of(session, commune)
