"""The release register: frozen month tables and every signed release (issue 15).

Revision ID: 0008
Revises: 0007
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

record_columns = importlib.import_module(
    "allervers.storage.migrations.versions.0001_workspace"
).record_columns


def upgrade() -> None:
    op.create_table(
        "release_months",
        *record_columns(),
        sa.Column("month", sa.String(7), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("frozen_at", sa.String(40), nullable=False),
        sa.Column("cells", sa.Text, nullable=False),
        sa.Column("largest", sa.Text, nullable=False),
        sa.UniqueConstraint("month", "version"),
    )
    op.create_table(
        "releases",
        *record_columns(),
        sa.Column("user_id", sa.String(32), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("period", sa.String(10), nullable=False, index=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("destination", sa.Text, nullable=False),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("versions", sa.Text, nullable=False),
        sa.Column("published", sa.Text, nullable=False),
        sa.Column("withheld", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("releases")
    op.drop_table("release_months")
