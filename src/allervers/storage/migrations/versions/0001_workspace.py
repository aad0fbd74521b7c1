"""Workspace, users, audit log, device clock.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def record_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    """Identity and change stamp carried by every record (see storage.models.Record)."""
    return [
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("origin_device", sa.String(32), nullable=False),
        sa.Column("change_seq", sa.Integer, nullable=False, index=True),
    ]


def upgrade() -> None:
    op.create_table(
        "device_clock",
        sa.Column("device_id", sa.String(32), primary_key=True),
        sa.Column("counter", sa.Integer, nullable=False),
    )
    op.create_table(
        "workspace_info", *record_columns(), sa.Column("territory", sa.Text, nullable=False)
    )
    op.create_table(
        "users",
        *record_columns(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("slot_id", sa.String(32), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.UniqueConstraint("name_key"),
    )
    op.create_table(
        "audit_log",
        *record_columns(),
        sa.Column("seq", sa.Integer, nullable=False, unique=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor_id", sa.String(32), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("entity", sa.String(60), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for table in ("audit_head", "audit_log", "users", "workspace_info", "device_clock"):
        op.drop_table(table)
