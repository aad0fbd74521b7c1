"""The rights engine: which rights a household probably misses, how much, why, and where to go.

The only package allowed to import OpenFisca. Entry points:
- `allervers.rights.engine.RightsEngine` (in-process: `assess(visit)`, `assess_batch(visits)`);
- `allervers.rights.worker.EngineClient` (the same in a spawned process, for the UI).
Results are `allervers.domain.rights.RightAssessment` values.

Flow: `household` reads a visit's answers -> `mapping` builds entity arrays and dated inputs
(`person_inputs`, with `incomes` and `csg` for net -> gross / taxable, `tax_shares`,
`reference_months`) -> `batch` runs OpenFisca-France in stages -> `statuses` decides each right's
status (`rules_minima`, `rules_housing`, `rules_health`; reasons built in `findings`;
`cheque_energie` from Aller-Vers' own dated barème; `organisations` for where to go; `parameters`
for the barème dates and whether they may be out of date). The system itself: `system` (with
`css_ceilings`, `lazy_parameters`, `lazy_variables`) and its cache, `system_cache`. The legal
sources: docs/domain.md.
"""
