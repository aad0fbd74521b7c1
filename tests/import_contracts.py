"""A contract type of our own for import-linter (`pyproject.toml`, `contract_types`): storage
applies rules it imports from the domain, it does not hold them.

import-linter's own contracts only forbid imports; this one requires them. Each entry names a
storage module and the domain module whose pure rules it applies (the merge decision, a
household's case status): if someone writes the rule back into the storage module and drops
the import, `lint-imports` fails, and the domain's property tests would no longer be testing
what storage does. It does not prove storage holds no other rule; `docs/architecture.md` says
where rules go."""

from __future__ import annotations

from typing import Any

from importlinter import Contract, ContractCheck, fields, output


class RulesFromDomainContract(Contract):
    """Options: `appliers`, a list of "storage.module: domain.module" entries."""

    type_name = "rules_from_domain"
    appliers = fields.ListField(subfield=fields.StringField())

    def _pairs(self) -> list[tuple[str, str]]:
        entries: list[str] = self.appliers  # type: ignore[assignment]
        pairs = []
        for entry in entries:
            importer, _, imported = entry.partition(":")
            pairs.append((importer.strip(), imported.strip()))
        return pairs

    def check(self, graph: Any, verbose: bool) -> ContractCheck:
        missing = []
        for importer, imported in self._pairs():
            known = importer in graph.modules and imported in graph.modules
            if not known or not graph.direct_import_exists(importer=importer, imported=imported):
                missing.append((importer, imported))
        return ContractCheck(kept=not missing, metadata={"missing": missing})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, imported in check.metadata["missing"]:
            output.print_error(
                f"{importer} does not import {imported}: the rule it applies must come from "
                "the domain (or the module is gone: update pyproject.toml).",
                bold=False,
            )
            output.new_line()
