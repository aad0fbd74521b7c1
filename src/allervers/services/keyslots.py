"""Key slots: the database key wrapped by each user's passphrase and by the recovery key."""

from __future__ import annotations

from allervers.crypto import kdf, keywrap, recovery
from allervers.crypto.hashing import slot_hint
from allervers.domain.users import normalise_user_name
from allervers.storage.metadata_file import KeySlot, RecoverySlot, WorkspaceMetadata


def _slot_aad(workspace_id: str, slot_id: str) -> bytes:
    return f"allervers:{workspace_id}:slot:{slot_id}".encode()


def _recovery_aad(workspace_id: str) -> bytes:
    return f"allervers:{workspace_id}:recovery".encode()


def hint_for(metadata: WorkspaceMetadata, user_name: str) -> str:
    return slot_hint(metadata.hint_salt, normalise_user_name(user_name))


def make_slot(
    metadata: WorkspaceMetadata,
    user_name: str,
    passphrase: str,
    data_key: bytes,
    params: kdf.KdfParams,
    slot_id: str | None = None,
) -> KeySlot:
    from allervers.storage.models import new_id  # SQLAlchemy: loaded after the unlock window shows

    slot_id = slot_id or new_id()
    salt = kdf.new_salt()
    kek = kdf.derive_key(passphrase, salt, params)
    wrapped = keywrap.wrap(kek, data_key, _slot_aad(metadata.workspace_id, slot_id))
    return KeySlot(slot_id, hint_for(metadata, user_name), params, salt, wrapped)


def open_slots(
    metadata: WorkspaceMetadata, user_name: str, passphrase: str
) -> tuple[str, bytes] | None:
    """(slot id, database key) for the first slot of this user's hint that the passphrase opens."""
    hint = hint_for(metadata, user_name)
    candidates = [s for s in metadata.slots if s.hint == hint]
    if not candidates:
        # Spend the same time as a real attempt, so the delay does not tell which names exist.
        kdf.derive_key(passphrase, kdf.new_salt(), kdf.DEFAULT_PARAMS)
        return None
    for slot in candidates:
        kek = kdf.derive_key(passphrase, slot.salt, slot.kdf)
        try:
            aad = _slot_aad(metadata.workspace_id, slot.slot_id)
            return slot.slot_id, keywrap.unwrap(kek, slot.wrapped, aad)
        except keywrap.UnwrapError:
            continue
    return None


def make_recovery(workspace_id: str, data_key: bytes) -> tuple[RecoverySlot, str]:
    """A new recovery slot and the recovery key to show once."""
    key = recovery.new_recovery_key()
    salt = kdf.new_salt()
    wrapped = keywrap.wrap(recovery.recovery_kek(key, salt), data_key, _recovery_aad(workspace_id))
    return RecoverySlot(salt, wrapped), key


def open_recovery(metadata: WorkspaceMetadata, recovery_key: str) -> bytes | None:
    try:
        kek = recovery.recovery_kek(recovery_key, metadata.recovery.salt)
        return keywrap.unwrap(kek, metadata.recovery.wrapped, _recovery_aad(metadata.workspace_id))
    except (recovery.MalformedRecoveryKey, keywrap.UnwrapError):
        return None
