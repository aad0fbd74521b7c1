"""The releases' refusals in words."""

from __future__ import annotations

from allervers.domain import release as release_errors
from allervers.messages.base import Translate, identity


def describe_release(error: BaseException, translate: Translate = identity) -> str:
    """The releases' refusals (periods, revisions, microdata, merge), French first."""
    match error:
        case release_errors.ReleasePeriodInvalid(label=label, reason="not_over"):
            return translate(
                "Messages",
                "La période {0} n'est pas terminée : elle sera publiable le lendemain de son "
                "dernier jour.",
            ).format(label)
        case release_errors.ReleasePeriodInvalid(label=label, reason="microdata_month"):
            return translate(
                "Messages",
                "Pas de microdonnées pour un mois ({0}) : seulement pour un trimestre ou une "
                "année.",
            ).format(label)
        case release_errors.ReleasePeriodInvalid(label=label):
            return translate(
                "Messages",
                "« {0} » n'est pas une période publiable : un mois (2026-03), un trimestre "
                "(2026-Q1) ou une année (2026).",
            ).format(label)
        case release_errors.ReleaseRefused(period=period, reason="unchanged", earlier_at=at):
            return translate(
                "Messages",
                "Révision refusée : rien n'a changé dans {0} depuis sa publication du {1}. "
                "Rien n'a été écrit.",
            ).format(period, at[:10])
        case release_errors.ReleaseRefused(period=period, reason="too_small", earlier_at=at):
            return translate(
                "Messages",
                "Révision refusée : les changements de {0} depuis sa publication du {1} "
                "concernent trop peu de foyers (moins de 11 par case) ; les publier "
                "désignerait les visites arrivées entre-temps. La publication du {1} reste "
                "valable ; réessayez quand davantage de visites auront été synchronisées. Rien "
                "n'a été écrit.",
            ).format(period, at[:10])
        case release_errors.ReleaseRefused(period=period):
            return translate(
                "Messages",
                "Publication de {0} refusée : elle ne peut pas être protégée avec les "
                "publications précédentes. Rien n'a été écrit.",
            ).format(period)
        case release_errors.MicrodataRefused(period=period, reason="table_first"):
            return translate(
                "Messages",
                "Publiez d'abord le tableau de {0} : les microdonnées sont protégées avec lui.",
            ).format(period)
        case release_errors.MicrodataRefused(period=period, other=other):
            return translate(
                "Messages",
                "Microdonnées de {0} refusées : celles de {1} sont déjà publiées et "
                "chevauchent cette période ; deux fichiers de lignes qui se recouvrent se "
                "soustrairaient l'un de l'autre.",
            ).format(period, other)
        case release_errors.ExportSymlink(path=path):
            return translate(
                "Messages",
                "{0} est un lien symbolique : refusé, écrivez dans un vrai dossier.",
            ).format(path)
        case release_errors.ExportWrongKey(path=path, fingerprint=fingerprint):
            return translate(
                "Messages",
                "{0} est intact mais signé par une autre clé que celle donnée (empreinte de sa "
                "clé : {1}). Vérifiez la clé du territoire.",
            ).format(path, fingerprint)
        case release_errors.MergeRefused(reason="overlap", territory_code=code, first=a, second=b):
            return translate(
                "Messages",
                "Fusion refusée : {1} et {2} sont du même territoire ({0}) et leurs périodes se "
                "chevauchent ; côte à côte, elles se soustrairaient en une case masquée. "
                "Choisissez des périodes disjointes.",
            ).format(code, a, b)
        case release_errors.MergeRefused(reason="no_key", territory_code=code, first=path):
            return translate(
                "Messages",
                "Fusion refusée : aucune clé publique donnée pour le territoire {0} ({1}). "
                "Donnez-la avec --keys ou --key, ou relancez avec --unverified.",
            ).format(code, path)
        case release_errors.MergeRefused(first=path):
            return translate(
                "Messages", "Fusion refusée : {0} n'est pas un tableau d'indicateurs."
            ).format(path)
    return translate("Messages", "Opération refusée.")
