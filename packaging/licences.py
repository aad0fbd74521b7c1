"""The licences of what the bundle ships, written into it: `licences/` beside the executable.

    LICENSE                        Aller-Vers itself: AGPL-3.0-or-later (the repository's LICENSE)
    licences/LISEZMOI.txt          one line per component: name, version, licence, files
    licences/<distribution>/...    each shipped Python distribution's licence files, as published
    licences/python/LICENSE.txt    the Python interpreter (PSF)
    licences/qt/                   Qt and PySide6 (LGPL-3.0, whose text adds to the GPL-3.0's)
    licences/system/<package>      Linux: the Debian copyright file of each system library copied
                                   into the bundle (OpenSSL, libffi, SQLite, zlib, xz, bzip2...)

The shipped distributions are found from the bundle itself (the archived modules and the folders
of `_internal`), so a new dependency brings its licence without anyone editing a list.
"""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
import sys
from pathlib import Path

import bundle_rules

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)
QT_DISTRIBUTIONS = {"pyside6-essentials", "shiboken6"}
"""Their wheels carry no licence file; their metadata says LGPL-3.0-only OR GPL-2.0/3.0-only."""


def write(bundle: Path) -> None:
    target = bundle / "licences"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir()
    shutil.copy2(ROOT / "LICENSE", bundle / "LICENSE")
    lines = [
        "Aller-Vers et les composants qu'il contient, avec leurs licences.",
        "Aller-Vers and the components it ships, with their licences.",
        "",
        f"allervers {_version('allervers')}: AGPL-3.0-or-later — ../LICENSE",
    ]
    top_level = {m.split(".")[0] for m in bundle_rules.archived_modules(bundle)}
    top_level |= {p.name.split(".")[0] for p in bundle_rules.internal(bundle).iterdir()}
    owners = importlib.metadata.packages_distributions()
    distributions = sorted({d for name in top_level for d in owners.get(name, [])} - {"allervers"})
    for name in distributions:
        lines.append(_distribution(name, target))
    lines.append(_python(target))
    if sys.platform.startswith("linux"):
        lines.extend(_system_libraries(bundle_rules.internal(bundle), target))
    (target / "LISEZMOI.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"Licences written: {len(distributions)} Python distributions.", flush=True)


def _version(name: str) -> str:
    return importlib.metadata.version(name)


def _licence_name(metadata: importlib.metadata.PackageMetadata) -> str:
    expression = metadata.get("License-Expression")
    if expression:
        return str(expression)
    text = metadata.get("License") or ""
    if text and len(text) < 100 and "\n" not in text:
        return str(text)
    classifiers = [
        c.split("::")[-1].strip()
        for c in metadata.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    return "; ".join(classifiers) or "voir les fichiers / see the files"


def _distribution(name: str, target: Path) -> str:
    distribution = importlib.metadata.distribution(name)
    metadata = distribution.metadata
    folder = target / f"{metadata['Name']}-{distribution.version}"
    folder.mkdir()
    copied = []
    for file in distribution.files or []:
        if LICENCE_FILE.search(str(file)) and ".dist-info" in str(file):
            source = Path(str(file.locate()))
            if source.is_file():
                shutil.copy2(source, folder / source.name)
                copied.append(source.name)
    if _normalise(name) in QT_DISTRIBUTIONS:
        for text in ("LGPL-3.0.txt", "GPL-3.0.txt"):
            shutil.copy2(HERE / "licences" / text, folder / text)
            copied.append(text)
    if not copied:
        # No licence file in the wheel: its declared licence, as published.
        (folder / "LICENCE-METADATA.txt").write_text(
            f"{metadata['Name']} {distribution.version}\nLicence : {_licence_name(metadata)}\n"
            f"{metadata.get('License') or ''}\n",
            encoding="utf-8",
        )
        copied.append("LICENCE-METADATA.txt")
    return (
        f"{metadata['Name']} {distribution.version}: {_licence_name(metadata)} — "
        f"{folder.name}/{', '.join(copied)}"
    )


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _python(target: Path) -> str:
    folder = target / "python"
    folder.mkdir()
    version = ".".join(map(str, sys.version_info[:2]))
    candidates = [
        Path(sys.base_prefix) / "lib" / f"python{version}" / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",
        Path("/usr/share/doc") / f"python{version}" / "copyright",
    ]
    source = next((c for c in candidates if c.is_file()), None)
    if source is None:
        raise SystemExit("The Python interpreter's licence file was not found.")
    shutil.copy2(source, folder / "LICENSE.txt")
    return f"Python {sys.version.split()[0]}: PSF-2.0 — python/LICENSE.txt"


def _system_libraries(internal: Path, target: Path) -> list[str]:
    """Linux: each library PyInstaller copied from the build machine (not from a wheel), with its
    Debian package's copyright file (`dpkg -S`)."""
    if not shutil.which("dpkg"):
        return ["(bibliothèques du système : licences non relevées, système sans dpkg)"]
    folder = target / "system"
    folder.mkdir()
    packages: dict[str, list[str]] = {}
    for library in sorted(internal.glob("lib*.so*")):
        if library.is_symlink() or library.name.startswith(("libpython", "libpyside", "libshib")):
            continue
        package = debian_package(library.name)
        if package is None:
            continue  # from a wheel's own .libs folder: its licence is its distribution's
        packages.setdefault(package, []).append(library.name)
    lines = []
    for package, libraries in sorted(packages.items()):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            shutil.copy2(copyright_file, folder / package)
        lines.append(f"{package} ({', '.join(libraries)}): Debian copyright — system/{package}")
    return lines


def debian_package(soname: str) -> str | None:
    """The Debian package that installed the library `soname` here, if any."""
    for path in _system_paths(soname):
        found = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        if found.returncode == 0:
            return found.stdout.split(":")[0]
    return None


def _system_paths(soname: str) -> list[str]:
    """Where the dynamic loader finds `soname`, spelled every way dpkg may have recorded it
    (/lib and /usr/lib are one folder on merged-/usr systems, files are often symlinks)."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    paths: list[str] = []
    for line in listing.splitlines():
        name, _, path = line.strip().partition(" => ")
        if name.split(" ")[0] != soname or not path:
            continue
        for candidate in (Path(path), Path(path).resolve()):
            text = str(candidate)
            paths.append(text)
            if text.startswith("/usr/"):
                paths.append(text[4:])
            else:
                paths.append("/usr" + text)
    return paths
