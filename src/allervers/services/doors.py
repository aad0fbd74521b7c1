"""Doors and their passes: what a volunteer records at a door without an interview, the next
doors of their rounds, a door's history, "absent" for a whole street, and coverage figures.

A volunteer sees the doors of the rounds given to them (their laptop holds only those); the
coordinator sees every door of the territory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from allervers.domain.coverage import Coverage, WeekFigures, coverage, weekly
from allervers.domain.doors import Door, DoorPass, DoorState, DoorStatus, door_states
from allervers.domain.errors import InvalidInput, PermissionDenied, UnknownRecord
from allervers.domain.rounds import Round
from allervers.domain.walking import NextDoor, next_doors, walking_order
from allervers.services.workspace import OpenWorkspace
from allervers.storage import doors_repo, repositories, rounds_repo
from allervers.storage.doors_repo import NewPass

# Recorded with the door form's buttons; an interview is a visit (services/visits.py).
QUICK_STATUSES = (
    DoorStatus.ABSENT,
    DoorStatus.REFUSED,
    DoorStatus.COME_BACK,
    DoorStatus.DO_NOT_DISTURB,
    DoorStatus.VACANT,
    DoorStatus.NOT_DWELLING,
)


@dataclass(frozen=True, slots=True)
class DoorView:
    door: Door
    state: DoorState


@dataclass(frozen=True, slots=True)
class RoundCoverage:
    round: Round
    coverage: Coverage
    volunteers: tuple[str, ...]  # names


@dataclass(frozen=True, slots=True)
class CoverageReport:
    total: Coverage
    weeks: list[WeekFigures]
    rounds: list[RoundCoverage] = field(default_factory=list)


class DoorService:
    def __init__(self, workspace: OpenWorkspace, today: dt.date | None = None) -> None:
        self._workspace = workspace
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @property
    def _user_id(self) -> str:
        return self._workspace.user.id

    def _rounds(self, session: Any) -> list[Round]:
        volunteer = None if self._workspace.user.is_coordinator else self._user_id
        return rounds_repo.all_rounds(session, volunteer)

    def _round(self, session: Any, name: str) -> Round:
        found = rounds_repo.find(session, name)
        if found is None:
            raise UnknownRecord("round", name)
        chosen = rounds_repo.to_round(session, found)
        if not self._workspace.user.is_coordinator and self._user_id not in chosen.volunteer_ids:
            raise PermissionDenied("round")
        return chosen

    def _visible_doors(self, session: Any, round_name: str | None) -> list[Door]:
        if round_name is not None:
            chosen = self._round(session, round_name)
            return list(doors_repo.doors_by_id(session, chosen.door_ids).values())
        if self._workspace.user.is_coordinator:
            return doors_repo.doors(session)
        ids = {d for r in self._rounds(session) for d in r.door_ids}
        return list(doors_repo.doors_by_id(session, ids).values())

    def rounds(self) -> list[Round]:
        """Every round for the coordinator; the rounds given to them for a volunteer."""
        with self._workspace.db.session() as session:
            return self._rounds(session)

    def doors(
        self, round_name: str | None = None, status: DoorStatus | None = None
    ) -> list[DoorView]:
        """Doors in walking order with their state."""
        with self._workspace.db.session() as session:
            found = self._visible_doors(session, round_name)
            states = door_states(
                [d.id for d in found], doors_repo.passes(session, [d.id for d in found])
            )
            repositories.append_audit(session, self._user_id, "doors_listed", "door")
        views = [DoorView(d, states[d.id]) for d in walking_order(found)]
        return [v for v in views if status is None or v.state.status is status]

    def add_beside(self, door_id: str, label: str = "") -> Door:
        """Another door at the same address, found on the spot ("porte 2"): it joins the rounds
        that have the address without reshaping them (storage/rounds_repo.py)."""
        from allervers.services.addresses import AddressService

        return AddressService(self._workspace, self._today).add_door("", "", None, label, door_id)

    def history(self, door_id: str) -> tuple[Door, list[DoorPass]]:
        with self._workspace.db.session() as session:
            door = doors_repo.get_door(session, door_id)
            passes = sorted(
                doors_repo.passes(session, [door_id]), key=lambda p: (p.on, p.recorded_at)
            )
            repositories.append_audit(session, self._user_id, "door_viewed", "door", door_id)
        return door, passes

    def record(
        self,
        door_id: str,
        status: DoorStatus,
        come_back_on: dt.date | None = None,
        round_id: str | None = None,
    ) -> DoorPass:
        """One pass without an interview (an interview is a visit, which makes its own pass)."""
        if status not in QUICK_STATUSES:
            raise InvalidInput("status", "not_quick")
        if (status is DoorStatus.COME_BACK) != (come_back_on is not None):
            raise InvalidInput("date", "come_back")
        if come_back_on is not None and come_back_on < self.today:
            raise InvalidInput("date", "past")
        with self._workspace.db.session() as session:
            doors_repo.get_door(session, door_id)
            [made] = doors_repo.add_passes(
                session,
                [
                    NewPass(
                        door_id,
                        self.today.isoformat(),
                        status,
                        self._user_id,
                        round_id,
                        come_back_on=come_back_on.isoformat() if come_back_on else None,
                    )
                ],
            )
            repositories.append_audit(session, self._user_id, "door_pass_recorded", "door", door_id)
        return made

    def absent_street(
        self, way: str, round_name: str | None = None, commune: str | None = None
    ) -> int:
        """ "Nobody opened" for every door of a street (or lieu-dit) still to knock today, in
        one action and one transaction (Zetkin's bulk "no one opened"). Doors met, refused, with
        a later date, or knocked today are left as they are. Returns the doors recorded."""
        from allervers.domain.walking import due

        with self._workspace.db.session() as session:
            round_id = None
            if round_name is not None:
                chosen = self._round(session, round_name)
                round_id = chosen.id
                pool = list(doors_repo.doors_by_id(session, chosen.door_ids).values())
            else:
                pool = self._visible_doors(session, None)
            street = [
                d
                for d in pool
                if way in (d.street, d.lieu_dit) and (commune is None or d.commune_insee == commune)
            ]
            states = door_states(
                [d.id for d in street], doors_repo.passes(session, [d.id for d in street])
            )
            todo = [d for d in street if due(states[d.id], self.today) is not None]
            doors_repo.add_passes(
                session,
                [
                    NewPass(
                        d.id, self.today.isoformat(), DoorStatus.ABSENT, self._user_id, round_id
                    )
                    for d in todo
                ],
            )
            repositories.append_audit(
                session, self._user_id, "street_absent", "door", str(len(todo))
            )
        return len(todo)

    def next_doors(self, round_name: str | None = None) -> list[NextDoor]:
        """The doors to knock today, of one round or of every round given to this user."""
        with self._workspace.db.session() as session:
            if round_name is not None:
                ids: Iterable[str] = self._round(session, round_name).door_ids
            else:
                ids = {d for r in self._rounds(session) for d in r.door_ids}
            found = doors_repo.doors_by_id(session, ids)
            states = door_states(found, doors_repo.passes(session, found))
        return next_doors(found.values(), states, self.today)

    def coverage(self, round_name: str | None = None) -> CoverageReport:
        """Figures of the territory (or of one round): overall, per week, and per round."""
        with self._workspace.db.session() as session:
            doors = self._visible_doors(session, round_name)
            ids = [d.id for d in doors]
            passes = doors_repo.passes(session, ids)
            states = door_states(ids, passes)
            rounds = [self._round(session, round_name)] if round_name else self._rounds(session)
            names = {u.id: u.name for u in repositories.list_users(session)}
            all_states = states
            missing = {d for r in rounds for d in r.door_ids} - set(states)
            if missing:
                all_states = {**states, **door_states(missing, doors_repo.passes(session, missing))}
            repositories.append_audit(session, self._user_id, "coverage_computed", "door")
        return CoverageReport(
            total=coverage(ids, states),
            weeks=weekly(ids, passes),
            rounds=[
                RoundCoverage(
                    r,
                    coverage(r.door_ids, all_states),
                    tuple(names.get(v, "?") for v in r.volunteer_ids),
                )
                for r in rounds
            ],
        )
