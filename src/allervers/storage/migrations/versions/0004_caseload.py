"""Referrals and their history, follow-up assignments, and the caseload columns of households.

Revision ID: 0004
Revises: 0003
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

record_columns = importlib.import_module(
    "allervers.storage.migrations.versions.0001_workspace"
).record_columns


def upgrade() -> None:
    with op.batch_alter_table("households") as batch:
        batch.add_column(sa.Column("last_contact_on", sa.String(10), nullable=True))
        batch.add_column(sa.Column("flags", sa.String(120), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("case_status", sa.String(20), nullable=False, server_default="met")
        )
        batch.add_column(sa.Column("next_action_on", sa.String(10), nullable=True))
        batch.add_column(sa.Column("purged_at", sa.String(40), nullable=True))
        batch.create_index("ix_households_last_contact_on", ["last_contact_on"])
        batch.create_index("ix_households_case_status", ["case_status"])
        batch.create_index("ix_households_next_action_on", ["next_action_on"])
        batch.create_index("ix_households_created_by", ["created_by"])
        batch.create_index("ix_households_assigned_to", ["assigned_to"])
    op.create_table(
        "referrals",
        *record_columns(),
        sa.Column(
            "household_id",
            sa.String(32),
            sa.ForeignKey("households.id"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "visit_id", sa.String(32), sa.ForeignKey("visits.id"), nullable=False, index=True
        ),
        sa.Column("right_id", sa.String(20), nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("organisation", sa.String(20), nullable=True),
        sa.Column("referred_on", sa.String(10), nullable=True),
        sa.Column("contact", sa.Text, nullable=True),
        sa.Column("appointment_at", sa.String(16), nullable=True),
        sa.Column("filed_on", sa.String(10), nullable=True),
        sa.Column("opened_amount", sa.Float, nullable=True),
        sa.Column("opened_from", sa.String(10), nullable=True),
        sa.Column("outcome_reason", sa.Text, nullable=True),
        sa.Column("check_due_on", sa.String(10), nullable=True, index=True),
        sa.Column("checked_on", sa.String(10), nullable=True),
        sa.Column("closed_on", sa.String(10), nullable=True),
        sa.Column("assigned_to", sa.String(32), sa.ForeignKey("users.id"), nullable=True),
    )
    op.create_table(
        "referral_events",
        *record_columns(),
        sa.Column(
            "referral_id", sa.String(32), sa.ForeignKey("referrals.id"), nullable=False, index=True
        ),
        sa.Column("user_id", sa.String(32), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("on_date", sa.String(10), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=True),
        sa.Column("to_status", sa.String(20), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("referral_events")
    op.drop_table("referrals")
    with op.batch_alter_table("households") as batch:
        for index in (
            "last_contact_on",
            "case_status",
            "next_action_on",
            "created_by",
            "assigned_to",
        ):
            batch.drop_index(f"ix_households_{index}")
        for column in ("purged_at", "next_action_on", "case_status", "flags", "last_contact_on"):
            batch.drop_column(column)
