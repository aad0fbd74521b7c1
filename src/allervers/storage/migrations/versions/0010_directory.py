"""The local services directory: data·inclusion structures and services, the coordinator's own
entries, the import history; the referral's frozen copy of the service it points to. The offices
typed with `allervers places set` (table `places`) become the coordinator's office entries.

Revision ID: 0010
Revises: 0009
"""

import importlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

record_columns = importlib.import_module(
    "allervers.storage.migrations.versions.0001_workspace"
).record_columns


def _place_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("postal_code", sa.String(5), nullable=False),
        sa.Column("commune_name", sa.Text, nullable=False),
        sa.Column("code_insee", sa.String(5), nullable=True, index=True),
        sa.Column("epci", sa.String(9), nullable=True),
        sa.Column("departement", sa.String(3), nullable=False, index=True),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("hours", sa.Text, nullable=False),
        sa.Column("date_maj", sa.String(10), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("archived_on", sa.String(10), nullable=True, index=True),
    ]


def _offer_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("structure_name", sa.Text, nullable=False),
        sa.Column("siret", sa.String(14), nullable=False),
        sa.Column("networks", sa.Text, nullable=False),
        sa.Column("link", sa.Text, nullable=False),
        sa.Column("thematiques", sa.Text, nullable=False),
        sa.Column("publics", sa.Text, nullable=True),
        sa.Column("zone", sa.Text, nullable=True),
        sa.Column("modes_accueil", sa.Text, nullable=False),
        sa.Column("frais", sa.String(20), nullable=True),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("conditions", sa.Text, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "directory_structures",
        *record_columns(),
        *_place_columns(),
        sa.Column("di_id", sa.Text, nullable=False, unique=True),
        sa.Column("source", sa.String(60), nullable=False),
        sa.Column("siret", sa.String(14), nullable=False, index=True),
        sa.Column("networks", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
    )
    op.create_table(
        "directory_services",
        *record_columns(),
        *_place_columns(),
        *_offer_columns(),
        sa.Column("di_id", sa.Text, nullable=False, unique=True),
        sa.Column("source", sa.String(60), nullable=False),
        sa.Column("structure_di_id", sa.Text, nullable=False, index=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
    )
    local = op.create_table(
        "directory_local_entries",
        *record_columns(),
        *_place_columns(),
        *_offer_columns(),
        sa.Column("office", sa.String(20), nullable=True, index=True),
        sa.Column("created_by", sa.String(32), sa.ForeignKey("users.id"), nullable=True),
    )
    op.create_table(
        "directory_imports",
        *record_columns(),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user_id", sa.String(32), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("files", sa.Text, nullable=False),
        sa.Column("departement", sa.String(3), nullable=True),
        sa.Column("schema_version", sa.String(20), nullable=False),
        sa.Column("records_read", sa.Integer, nullable=False),
        sa.Column("records_outside", sa.Integer, nullable=False),
        sa.Column("structures_added", sa.Integer, nullable=False),
        sa.Column("structures_changed", sa.Integer, nullable=False),
        sa.Column("structures_removed", sa.Integer, nullable=False),
        sa.Column("services_added", sa.Integer, nullable=False),
        sa.Column("services_changed", sa.Integer, nullable=False),
        sa.Column("services_removed", sa.Integer, nullable=False),
    )
    with op.batch_alter_table("referrals") as batch:
        batch.add_column(sa.Column("service_snapshot", sa.Text, nullable=True))
    # The offices typed by hand become office entries of the directory, with their record ids.
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT id, created_at, updated_at, origin_device, change_seq, organisation, name, "
            "address, phone, hours FROM places"
        )
    ).fetchall()
    if rows:
        op.bulk_insert(
            local,
            [
                {
                    "id": row[0],
                    "created_at": row[1],
                    "updated_at": row[2],
                    "origin_device": row[3],
                    "change_seq": row[4],
                    "office": row[5],
                    "name": row[6],
                    "address": row[7],
                    "phone": row[8],
                    "hours": row[9],
                    "postal_code": "",
                    "commune_name": "",
                    "departement": "",
                    "email": "",
                    "date_maj": row[2][:10],
                    "record": json.dumps({"nom": row[6]}, ensure_ascii=False),
                    "structure_name": row[6],
                    "siret": "",
                    "networks": "",
                    "link": "",
                    "thematiques": "",
                    "modes_accueil": "",
                    "conditions": "",
                }
                for row in rows
            ],
        )
    op.drop_table("places")


def downgrade() -> None:
    places = op.create_table(
        "places",
        *record_columns(),
        sa.Column("organisation", sa.String(20), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("phone", sa.String(30), nullable=False),
        sa.Column("hours", sa.Text, nullable=False),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT id, created_at, updated_at, origin_device, change_seq, office, name, "
            "address, phone, hours FROM directory_local_entries "
            "WHERE office IS NOT NULL AND archived_on IS NULL ORDER BY updated_at"
        )
    ).fetchall()
    kept = {row[5]: row for row in rows if row[5] != "france_services"}  # not an organisation
    if kept:
        keys = ("id", "created_at", "updated_at", "origin_device", "change_seq", "organisation")
        op.bulk_insert(
            places,
            [
                {
                    **dict(zip(keys, row[:6], strict=True)),
                    "name": row[6],
                    "address": row[7],
                    "phone": row[8][:30],
                    "hours": row[9],
                }
                for row in kept.values()
            ],
        )
    with op.batch_alter_table("referrals") as batch:
        batch.drop_column("service_snapshot")
    op.drop_table("directory_imports")
    op.drop_table("directory_local_entries")
    op.drop_table("directory_services")
    op.drop_table("directory_structures")
