"""The rights engine: which rights a household probably misses, how much, why, and where to go.

The only package allowed to import OpenFisca. Entry points:
- `allervers.rights.engine.RightsEngine` (in-process: `assess(visit)`, `assess_batch(visits)`);
- `allervers.rights.worker.EngineClient` (the same in a spawned process, for the UI).
Results are `allervers.domain.rights.RightAssessment` values.

Flow: `household` reads a visit's answers -> `mapping` builds entity arrays and dated inputs (with
`incomes` for net -> gross / taxable) -> `batch` runs OpenFisca-France in stages -> `statuses`
decides each right's status and reasons (`cheque_energie` from Aller-Vers' own dated barème,
`organisations` for where to go, `parameters` for the barème dates).
"""
