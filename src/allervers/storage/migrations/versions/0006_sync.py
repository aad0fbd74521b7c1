"""Team sync: enrolled peers, imported bundles, conflicts kept for the coordinator.

Revision ID: 0006
Revises: 0005
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

record_columns = importlib.import_module(
    "allervers.storage.migrations.versions.0001_workspace"
).record_columns


def upgrade() -> None:
    op.create_table(
        "sync_peers",
        *record_columns(),
        sa.Column("device_id", sa.String(32), nullable=False, unique=True),
        sa.Column("workspace_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("sign_public", sa.LargeBinary, nullable=False),
        sa.Column("box_public", sa.LargeBinary, nullable=False),
        sa.Column("acked_out", sa.Integer, nullable=False),
        sa.Column("acked_in", sa.Integer, nullable=False),
    )
    op.create_table(
        "sync_imported",
        *record_columns(),
        sa.Column("bundle_id", sa.String(32), nullable=False, unique=True),
        sa.Column("device_id", sa.String(32), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_table(
        "sync_conflicts",
        *record_columns(),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(32), nullable=False, index=True),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("local_value", sa.Text, nullable=False),
        sa.Column("remote_value", sa.Text, nullable=False),
        sa.Column("remote_device", sa.String(32), nullable=False),
        sa.Column("remote_seq", sa.Integer, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_imported")
    op.drop_table("sync_peers")
