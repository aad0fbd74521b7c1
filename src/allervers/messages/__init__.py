"""The one place that turns typed errors into words for people, French first.

Both the GUI and the command line call `describe(error, translate)`. The GUI passes
`QCoreApplication.translate`, so the strings below are extracted by `pyside6-lupdate` (it finds the
`translate("Messages", ...)` calls) and an English translation can follow; the command line passes
the identity and prints French.
"""

from __future__ import annotations

from allervers.domain import directory as directory_errors
from allervers.messages.base import Translate, identity
from allervers.messages.directory import describe_directory_error, describe_field_problem
from allervers.messages.export import describe_export_error
from allervers.messages.inputs import describe_input_error
from allervers.messages.labels import (
    field_label,
    metadata_field_label,
    os_reason,
    reassess_failure,
    role_label,
)
from allervers.messages.problems import address_problem, describe_problem, round_problem
from allervers.messages.referrals import describe_referral_error
from allervers.messages.release import describe_release
from allervers.messages.sync import describe_sync_error
from allervers.messages.workspace import describe_workspace_error

__all__ = [
    "Translate",
    "address_problem",
    "describe",
    "describe_directory_error",
    "describe_field_problem",
    "describe_problem",
    "describe_release",
    "field_label",
    "identity",
    "metadata_field_label",
    "os_reason",
    "reassess_failure",
    "role_label",
    "round_problem",
]

# By feature, in the order their cases were first written: each tries its own errors only, and
# an error matched by two features goes to the first, as in one `match` statement.
_FEATURES = (
    describe_workspace_error,
    describe_input_error,
    describe_export_error,
    describe_sync_error,
    describe_referral_error,
)


def describe(error: BaseException, translate: Translate = identity) -> str:
    """A sentence a volunteer can act on. Never includes a passphrase or a key. The one entry
    for every typed error: the features' modules are details."""
    for feature in _FEATURES:
        text = feature(error, translate)
        if text is not None:
            return text
    match error:
        case directory_errors.DirectoryFileInvalid() | directory_errors.DirectoryEntryInvalid():
            return describe_directory_error(error, translate)
        case OSError(strerror=reason, filename=filename):
            return translate("Messages", "Erreur d'accès au fichier {0} : {1}.").format(
                filename, os_reason(error, reason, translate)
            )
    return translate("Messages", "Erreur inattendue : {0}.").format(type(error).__name__)
