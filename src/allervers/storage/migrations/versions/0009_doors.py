"""Doors of the territory: addresses (BAN / BAL), doors, passes, rounds with their versions,
doors and volunteers (issue 16).

Revision ID: 0009
Revises: 0008
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

record_columns = importlib.import_module(
    "allervers.storage.migrations.versions.0001_workspace"
).record_columns


def upgrade() -> None:
    op.create_table(
        "addresses",
        *record_columns(),
        sa.Column("cle_interop", sa.String(40), nullable=False, unique=True),
        sa.Column("ban_id", sa.String(40), nullable=False),
        sa.Column("bal_uid", sa.String(40), nullable=False),
        sa.Column("commune_insee", sa.String(5), nullable=False, index=True),
        sa.Column("commune_name", sa.Text, nullable=False),
        sa.Column("street", sa.Text, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("suffix", sa.String(12), nullable=False),
        sa.Column("lieu_dit", sa.Text, nullable=False),
        sa.Column("postcode", sa.String(5), nullable=False),
        sa.Column("x", sa.Float, nullable=False),
        sa.Column("y", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("removed_on", sa.String(10), nullable=True),
    )
    op.create_table(
        "doors",
        *record_columns(),
        sa.Column("address_id", sa.String(32), nullable=True, index=True),
        sa.Column("cle_interop", sa.String(40), nullable=True, index=True),
        sa.Column("commune_insee", sa.String(5), nullable=False, index=True),
        sa.Column("street", sa.Text, nullable=False),
        sa.Column("number", sa.Integer, nullable=True),
        sa.Column("suffix", sa.String(12), nullable=False),
        sa.Column("lieu_dit", sa.Text, nullable=False),
        sa.Column("label", sa.String(40), nullable=False),
        sa.Column("x", sa.Float, nullable=True),
        sa.Column("y", sa.Float, nullable=True),
        sa.Column("added_by", sa.String(32), nullable=True),
        sa.Column("removed_on", sa.String(10), nullable=True),
    )
    op.create_table(
        "door_passes",
        *record_columns(),
        sa.Column("door_id", sa.String(32), sa.ForeignKey("doors.id"), nullable=False, index=True),
        sa.Column("on_date", sa.String(10), nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("volunteer_id", sa.String(32), nullable=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("round_id", sa.String(32), nullable=True),
        sa.Column("household_id", sa.String(32), nullable=True, index=True),
        sa.Column("visit_id", sa.String(32), nullable=True, index=True),
        sa.Column("come_back_on", sa.String(10), nullable=True),
    )
    op.create_table(
        "rounds",
        *record_columns(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("commune_insee", sa.String(5), nullable=False),
        sa.Column("created_by", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("version_id", sa.String(32), nullable=False),
        sa.Column("archived", sa.Boolean, nullable=False),
    )
    op.create_table(
        "round_versions",
        *record_columns(),
        sa.Column(
            "round_id", sa.String(32), sa.ForeignKey("rounds.id"), nullable=False, index=True
        ),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("made_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "round_doors",
        *record_columns(),
        sa.Column(
            "version_id",
            sa.String(32),
            sa.ForeignKey("round_versions.id"),
            nullable=False,
            index=True,
        ),
        sa.Column("door_id", sa.String(32), sa.ForeignKey("doors.id"), nullable=False, index=True),
    )
    op.create_table(
        "round_assignments",
        *record_columns(),
        sa.Column(
            "round_id", sa.String(32), sa.ForeignKey("rounds.id"), nullable=False, index=True
        ),
        sa.Column("user_id", sa.String(32), nullable=False, index=True),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("door_id", sa.String(32), nullable=True))
        batch.create_index("ix_visits_door_id", ["door_id"])


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_index("ix_visits_door_id")
        batch.drop_column("door_id")
    for table in (
        "round_assignments",
        "round_doors",
        "round_versions",
        "rounds",
        "door_passes",
        "doors",
        "addresses",
    ):
        op.drop_table(table)
