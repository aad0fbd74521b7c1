"""The workspace's own keys (export signing; device keys for sync) and the log of exports sent.

Revision ID: 0005
Revises: 0004
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

record_columns = importlib.import_module(
    "allervers.storage.migrations.versions.0001_workspace"
).record_columns


def upgrade() -> None:
    op.create_table(
        "workspace_keys",
        *record_columns(),
        sa.Column("purpose", sa.String(30), nullable=False, unique=True),
        sa.Column("private_key", sa.LargeBinary, nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "export_log",
        *record_columns(),
        sa.Column("user_id", sa.String(32), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("period", sa.String(30), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("destination", sa.Text, nullable=False),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("microdata", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("export_log")
    op.drop_table("workspace_keys")
