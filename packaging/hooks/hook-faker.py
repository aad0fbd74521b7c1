"""PyInstaller hook for Faker, in place of the contributed one: the demo's synthetic households
speak French, so only the French and the default (English) locales ship, not Faker's ~90 others
(about 10 MB).

Faker lists its providers and locales from the files on disk when frozen (`faker.utils.loading`
globs `*/__init__.py` under `sys._MEIPASS`), so the packages' `__init__.py` files go as data as
well as into the archive.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

KEPT_LOCALES = {"fr_FR", "fr", "en_US", "en"}


def _kept(module: str) -> bool:
    # faker.providers.<provider>.<locale>[...]
    parts = module.split(".")
    return len(parts) < 4 or parts[3] in KEPT_LOCALES


hiddenimports = collect_submodules("faker.providers", filter=_kept)
datas = [
    (source, target)
    for source, target in collect_data_files("faker.providers", include_py_files=True)
    if source.endswith(".py") and _kept(target.replace("/", ".").replace("\\", "."))
]
