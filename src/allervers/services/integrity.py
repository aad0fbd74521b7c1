"""`allervers check`: are the cipher pages, the schema and the audit chain intact?"""

from __future__ import annotations

from allervers.domain.workspace import CheckReport
from allervers.services.workspace import OpenWorkspace
from allervers.storage import migrate, repositories
from allervers.storage.database import cipher_integrity_problems, integrity_problems


def check(workspace: OpenWorkspace) -> CheckReport:
    db = workspace.db
    cipher = cipher_integrity_problems(db.engine)
    structure = integrity_problems(db.engine)
    with db.session() as session:
        entries, audit_problem = repositories.verify_audit_chain(session)
        users = repositories.count_users(session)
    return CheckReport(
        path=workspace.path,
        cipher_pages="; ".join(cipher[:3]) if cipher else None,
        integrity="; ".join(structure[:3]) if structure else None,
        schema_revision=migrate.current_revision(db.engine) or "",
        schema_expected=migrate.head_revision(),
        audit_entries=entries,
        audit_problem=audit_problem,
        users=users,
    )
