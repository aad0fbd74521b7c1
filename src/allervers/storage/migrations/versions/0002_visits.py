"""Households, visits and the history of edits.

Revision ID: 0002
Revises: 0001
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

record_columns = importlib.import_module(
    "allervers.storage.migrations.versions.0001_workspace"
).record_columns


def upgrade() -> None:
    op.create_table(
        "households",
        *record_columns(),
        sa.Column("commune_insee", sa.String(5), nullable=False, index=True),
        sa.Column("street", sa.Text, nullable=True),
        sa.Column("number", sa.String(12), nullable=True),
        sa.Column("contact_name", sa.Text, nullable=True),
        sa.Column("contact_phone", sa.String(20), nullable=True),
        sa.Column("created_by", sa.String(32), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("assigned_to", sa.String(32), sa.ForeignKey("users.id"), nullable=True),
    )
    op.create_table(
        "visits",
        *record_columns(),
        sa.Column(
            "household_id",
            sa.String(32),
            sa.ForeignKey("households.id"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "volunteer_id", sa.String(32), sa.ForeignKey("users.id"), nullable=False, index=True
        ),
        sa.Column("questionnaire_id", sa.String(40), nullable=False),
        sa.Column("questionnaire_version", sa.Integer, nullable=False),
        sa.Column("visited_on", sa.String(10), nullable=False, index=True),
        sa.Column("status", sa.String(10), nullable=False, index=True),
        sa.Column("door_outcome", sa.String(20), nullable=True),
        sa.Column("answers", sa.Text, nullable=False),
        sa.Column("finished_at", sa.String(40), nullable=True),
    )
    op.create_table(
        "visit_changes",
        *record_columns(),
        sa.Column(
            "visit_id", sa.String(32), sa.ForeignKey("visits.id"), nullable=False, index=True
        ),
        sa.Column("user_id", sa.String(32), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("path", sa.String(80), nullable=False),
        sa.Column("old_value", sa.Text, nullable=False),
        sa.Column("new_value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("visit_changes", "visits", "households"):
        op.drop_table(table)
