"""Rights assessments of visits, and what the household said about each flagged right.

Revision ID: 0003
Revises: 0002
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

record_columns = importlib.import_module(
    "allervers.storage.migrations.versions.0001_workspace"
).record_columns


def upgrade() -> None:
    op.create_table(
        "assessments",
        *record_columns(),
        sa.Column(
            "visit_id", sa.String(32), sa.ForeignKey("visits.id"), nullable=False, index=True
        ),
        sa.Column("right_id", sa.String(20), nullable=False),
        sa.Column("status", sa.String(30), nullable=False, index=True),
        sa.Column("amount", sa.Float, nullable=True),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("openfisca_france_version", sa.String(20), nullable=False),
        sa.Column("parameter_date", sa.String(10), nullable=True),
        sa.Column("assessed_at", sa.String(40), nullable=False),
        sa.Column("current", sa.Boolean, nullable=False, index=True),
        sa.Column("nonrecours_reason", sa.String(30), nullable=True),
        sa.Column("nonrecours_detail", sa.String(30), nullable=True),
        sa.Column("decision", sa.String(20), nullable=True),
    )
    op.create_table(
        "places",
        *record_columns(),
        sa.Column("organisation", sa.String(20), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("phone", sa.String(30), nullable=False),
        sa.Column("hours", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("places")
    op.drop_table("assessments")
