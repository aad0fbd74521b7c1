"""Team sync: the last common state of each shared record (three-way merge), and the received
values of a conflict kept as JSON so that taking it restores its type (a null stays a null).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_base",
        sa.Column("peer_device", sa.String(32), primary_key=True),
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("record_id", sa.String(32), primary_key=True),
        sa.Column("digests", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_sent",
        sa.Column("peer_device", sa.String(32), primary_key=True),
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("record_id", sa.String(32), primary_key=True),
        sa.Column("change_seq", sa.Integer, nullable=False),
        sa.Column("digests", sa.Text, nullable=False),
    )
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.add_column(sa.Column("local_json", sa.Text, nullable=True))
        batch.add_column(sa.Column("remote_json", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.drop_column("remote_json")
        batch.drop_column("local_json")
    op.drop_table("sync_sent")
    op.drop_table("sync_base")
