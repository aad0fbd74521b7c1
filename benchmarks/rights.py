#!/usr/bin/env python3
"""Rights engine benchmark: `.venv/bin/python -m benchmarks.rights [HOUSEHOLDS]` (default 10 000),
or `python3 dev.py bench rights`.

Prints figures; asserts nothing.

1. engine ready from cold, each time in a new process: import + tax-benefit system + one synthetic
   household (`RightsEngine.warm_up`, what the worker does before saying "ready"), with the engine
   cache (`allervers.rights.system_cache`, prepared by a first process) and without it; the
   process's wall time too (interpreter start included);
   `allervers assess` of one household (the example file), wall time, with and without the cache;
2. one household, warm: median of `RightsEngine.assess` over varied households;
3. a batch of synthetic households, all rights, built from arrays (`RightsEngine.assess_batch`,
   which uses `SimulationBuilder.declare_person_entity` / `declare_entity` / `join_with_persons` and
   `set_input`), against the same situation given as one big dict to
   `SimulationBuilder.build_from_entities`, both computed the same way, in the same run;
4. the engine in its spawned worker process (`EngineClient`), as the UI uses it.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

VISITED_ON = "2026-10-14"
COMMUNES = ("49092", "49007", "49099", "75056", "13055", "23096", "35238")


def _incomes(rng: random.Random, activity: str) -> dict[str, Any]:
    def money(low: int, high: int) -> Any:
        if rng.random() < 0.3:
            return [rng.randint(low, high) for _ in range(3)]
        return rng.randint(low, high)

    return {
        "salary": money(300, 2600) if activity == "employed" else 0,
        "unemployment": money(300, 1300) if activity == "unemployed" else 0,
        "pension": money(400, 2000) if activity == "retired" else 0,
        "alimony": money(50, 400) if rng.random() < 0.1 else 0,
        "other_income": 0,
    }


def synthetic_visit(rng: random.Random) -> dict[str, Any]:
    """Mixed households: singles, couples, children, every housing status and activity."""
    activity = rng.choice(["employed", "employed", "unemployed", "retired", "inactive"])
    age = rng.randint(66, 90) if activity == "retired" else rng.randint(20, 64)
    persons: list[dict[str, Any]] = [
        {
            "relationship": "reference",
            "age": age,
            "activity": activity,
            "nationality": rng.choice(["fr", "fr", "fr", "eu", "other"]),
            "residence_permit_years": rng.randint(0, 20),
            "disability": "no",
            **_incomes(rng, activity),
        }
    ]
    if rng.random() < 0.45:
        spouse_activity = rng.choice(["employed", "inactive", "unemployed"])
        persons.append(
            {
                "relationship": "spouse",
                "age": max(20, age + rng.randint(-5, 5)),
                "activity": spouse_activity,
                "nationality": "fr",
                **_incomes(rng, spouse_activity),
            }
        )
    if age < 60:
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            persons.append({"relationship": "child", "age": rng.randint(0, 19)})
    if rng.random() < 0.05:
        persons[0]["disability"] = "yes"
        persons[0]["incapacity_rate"] = rng.choice([50, 80])
    housing = rng.choice(
        ["private_tenant", "social_tenant", "owner", "owner_with_loan", "hosted_free"]
    )
    answers: dict[str, Any] = {
        "door_outcome": "interview",
        "address_insee": rng.choice(COMMUNES),
        "persons": persons,
        "social_regime": "agricultural" if rng.random() < 0.1 else "general",
        "housing_status": housing,
        "tax_return_filed": "yes" if rng.random() < 0.85 else "no",
        "rights_received": rng.choice([["none"], ["aide_logement"], ["rsa", "css"], ["dont_know"]]),
    }
    if housing in ("private_tenant", "social_tenant"):
        answers["rent"] = rng.randint(250, 900)
        answers["charges"] = rng.randint(0, 120)
    if answers["tax_return_filed"] == "yes" and rng.random() < 0.8:
        answers["rfr"] = rng.randint(0, 40_000)
    return {"format": "allervers-visit/1", "visited_on": VISITED_ON, "answers": answers}


READY = """
import time
start, cpu = time.perf_counter(), time.process_time()
from allervers.rights.engine import RightsEngine
engine = RightsEngine()
engine.warm_up()
print(time.perf_counter() - start, time.process_time() - cpu)
"""
EXAMPLE = ROOT / "examples" / "households" / "personne-seule-sans-revenu.json"
REPEAT = 5


def _in_new_processes(cache: str) -> None:
    """`cache`: a folder for `ALLERVERS_ENGINE_CACHE`, or "off"."""
    env = dict(os.environ, ALLERVERS_ENGINE_CACHE=cache, PYTHONPATH=str(ROOT / "src"))
    label = "with the cache" if cache != "off" else "without the cache"
    inside, cpu, wall = [], [], []
    for _ in range(REPEAT):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", READY], env=env, capture_output=True, text=True, check=True
        )
        wall.append(time.perf_counter() - start)
        seconds, processor = out.stdout.strip().splitlines()[-1].split()
        inside.append(float(seconds))
        cpu.append(float(processor))
    print(
        f"engine ready from cold (new process), {label}: median {statistics.median(inside):.2f} s"
        f" (min {min(inside):.2f}, max {max(inside):.2f}, n={REPEAT}; CPU time median "
        f"{statistics.median(cpu):.2f} s); process wall time median {statistics.median(wall):.2f} s"
    )
    command = [str(Path(sys.executable).parent / "allervers"), "assess", str(EXAMPLE)]
    times, cpu = [], []
    for _ in range(REPEAT):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(
        f"`allervers assess` of one household, {label}: wall time median "
        f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}; CPU time "
        f"median {statistics.median(cpu):.2f} s)"
    )


def _seconds(function: Callable[[], object]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    count = int(args[0]) if args else 10_000
    print(f"load average: {' '.join(f'{v:.1f}' for v in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        cache = str(Path(folder) / "engine")
        env = dict(os.environ, ALLERVERS_ENGINE_CACHE=cache, PYTHONPATH=str(ROOT / "src"))
        subprocess.run([sys.executable, "-c", READY], env=env, check=True, capture_output=True)
        _in_new_processes(cache)
    _in_new_processes("off")

    from openfisca_core.simulation_builder import SimulationBuilder

    from allervers.rights.batch import build_simulation, compute, household_figures
    from allervers.rights.engine import RightsEngine
    from allervers.rights.household import read_visit
    from allervers.rights.mapping import build_situation

    engine = RightsEngine(cache=False)  # a complete system: the dict baseline walks every variable
    engine.warm_up()

    rng = random.Random(20261014)
    singles = [synthetic_visit(rng) for _ in range(20)]
    times = [_seconds(lambda v=v: engine.assess(v))[0] for v in singles]
    print(
        f"one household, all rights, warm: median {statistics.median(times):.3f} s "
        f"(min {min(times):.3f}, max {max(times):.3f}, n={len(times)})"
    )

    visits = [synthetic_visit(rng) for _ in range(count)]
    total, _ = _seconds(lambda: engine.assess_batch(visits))
    print(f"{count} households, all rights, assess_batch (arrays): {total:.2f} s")

    households = [read_visit(v) for v in visits]
    month = households[0].month
    situation = build_situation(households, month, engine.scales)
    persons = situation.structure.n_persons
    start = time.perf_counter()
    simulation = build_simulation(engine.system, situation)
    arrays_build = time.perf_counter() - start
    start = time.perf_counter()
    results = compute(engine.system, simulation, situation)
    arrays_compute = time.perf_counter() - start
    print(
        f"  from arrays: build {arrays_build:.2f} s + compute {arrays_compute:.2f} s "
        f"({persons} persons)"
    )
    del simulation  # keep one simulation in memory at a time
    to_dict, entities = _seconds(situation.to_entities_dict)
    dict_build, dict_simulation = _seconds(
        lambda: SimulationBuilder().build_from_entities(engine.system, entities)
    )
    dict_compute, dict_results = _seconds(
        lambda: compute(engine.system, dict_simulation, situation)
    )
    print(
        f"  from one big dict: build_from_entities {dict_build:.2f} s + compute "
        f"{dict_compute:.2f} s (making the dict: {to_dict:.2f} s)"
    )
    arrays_total = arrays_build + arrays_compute
    dict_total = dict_build + dict_compute
    print(
        f"  arrays vs dict: build {dict_build / arrays_build:.1f}x faster, "
        f"build + compute {dict_total / arrays_total:.1f}x faster"
    )
    difference = max(
        abs(mine.famille[name] - theirs.famille[name])
        for mine, theirs in zip(
            household_figures(results, situation),
            household_figures(dict_results, situation),
            strict=True,
        )
        for name in mine.famille
    )
    print(f"  largest difference between the two ways: {difference:.4f} €")

    from allervers.rights.worker import EngineClient

    start = time.perf_counter()
    client = EngineClient()
    client.start()
    client.wait_ready(600)
    worker_ready = time.perf_counter() - start
    round_trips = [_seconds(lambda v=v: client.assess(v).result(60))[0] for v in singles]
    client.close()
    print(
        f"worker process (EngineClient, spawn): ready in {worker_ready:.2f} s, one household "
        f"round trip median {statistics.median(round_trips):.3f} s"
    )


if __name__ == "__main__":
    main()
