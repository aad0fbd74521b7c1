"""What the command line says of an error beyond the shared message (see cli/main.py)."""

from __future__ import annotations

from allervers.domain.errors import AllerVersError, OutputRefused


def unexpected(error: BaseException) -> str:
    return (
        f"erreur inattendue ({type(error).__name__}), la commande s'est arrêtée. Ce qu'elle "
        "avait fini d'enregistrer est gardé ; le reste n'a pas été modifié. Signalez cette "
        "erreur avec son nom (entre parenthèses)."
    )


def hint(error: AllerVersError) -> str:
    """What only the command line can add to a message shared with the window."""
    if isinstance(error, OutputRefused) and error.reason == "exists":
        return " Ajoutez --force pour le remplacer."
    return ""
