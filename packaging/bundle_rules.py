"""What goes into the bundle and what must stay out: read by the spec and by the build's checks.

Kept apart from the spec so that the same rules decide the build and check its result.
"""

from __future__ import annotations

import fnmatch
import importlib.metadata
import posixpath
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# openfisca-core declares its web API (Flask, gunicorn) and its test runner (pytest) as runtime
# requirements; Aller-Vers uses neither. Flask's own requirements go with it.
NOT_SHIPPED = (
    "flask",
    "flask_cors",
    "gunicorn",
    "werkzeug",
    "itsdangerous",
    "blinker",
    "click",
    "jinja2",
    "pytest",
    "_pytest",
    "pluggy",
    "iniconfig",
    # Never imported by Aller-Vers; PyInstaller would follow optional imports into them.
    "tkinter",
    "IPython",
    "matplotlib",
    # The interactive prompt's line editing: it would bring GNU readline and ncurses.
    "readline",
    "curses",
    "_curses",
)
"""Import names the spec excludes, on top of the development extras' packages."""

MUST_BE_ABSENT = ("flask", "gunicorn", "pytest", "_pytest", "werkzeug", "flask_cors")
"""Checked on the built bundle: the issue's promise, whatever the exclusions above become."""

DEVELOPMENT_EXTRAS = ("test", "package")


def project() -> dict[str, object]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project: dict[str, object] = data["project"]
    return project


def version() -> str:
    return str(project()["version"])


def _distribution_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group(0)).lower()


def development_modules() -> list[str]:
    """Top-level import names of the packages of the `test` and `package` extras (pytest,
    hypothesis, mypy, pandas, PyInstaller...): installed in .venv, never shipped."""
    extras = project().get("optional-dependencies", {})
    assert isinstance(extras, dict)
    wanted = {
        _distribution_name(requirement)
        for extra in DEVELOPMENT_EXTRAS
        for requirement in extras.get(extra, [])
    }
    modules = set()
    for module, distributions in importlib.metadata.packages_distributions().items():
        if any(_distribution_name(d) in wanted for d in distributions):
            modules.add(module)
    return sorted(modules)


def excluded_modules() -> list[str]:
    return sorted(set(NOT_SHIPPED) | set(development_modules()))


# Qt plugins the application never loads: other display servers than X11 (XWayland serves Wayland
# sessions; one platform to test), image formats (the interface shows no pictures), network and
# input-device plugins, the GTK theme (it would bring GTK, cairo and pango, ~15 MB).
# Linux and macOS wheels keep Qt under PySide6/Qt/, Windows wheels directly under PySide6/: the
# patterns match both ("*" crosses folders in fnmatch).
DROPPED_QT = (
    "PySide6/*plugins/wayland-*/*",
    "PySide6/*plugins/egldeviceintegrations/*",
    "PySide6/*plugins/generic/*",
    "PySide6/*plugins/networkinformation/*",
    "PySide6/*plugins/tls/*",
    "PySide6/*plugins/imageformats/*",
    "PySide6/*plugins/platformthemes/*gtk3*",
    "PySide6/*plugins/platforms/*eglfs*",
    "PySide6/*plugins/platforms/*linuxfb*",
    "PySide6/*plugins/platforms/*minimalegl*",
    "PySide6/*plugins/platforms/*vkkhrdisplay*",
    "PySide6/*plugins/platforms/*vnc*",
    "PySide6/*plugins/platforms/*wayland*",
)
QT_TRANSLATIONS = "PySide6/*translations/*"
KEPT_QT_TRANSLATIONS = ("qtbase_fr.qm", "qtbase_en.qm", "qt_fr.qm", "qt_en.qm")
"""Qt's own strings in the two languages of the interface (`allervers.ui.i18n`)."""

# Linux: libraries every desktop has, tied to its display server, fonts and graphics drivers.
# They come from the system (the .deb's Depends, README's list) rather than from the build machine:
# a copy from an older distribution next to the system's newer drivers is the classic cause of
# crashes of bundled applications (libstdc++ too old for the GL driver, fontconfig too old for the
# system's configuration).
SYSTEM_LIBRARIES = re.compile(
    r"^lib("
    r"X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|Xi|Xfixes|xcb.*|xkbcommon.*"
    r"|fontconfig|freetype|harfbuzz|graphite2|png16|brotli(common|dec|enc)|expat|uuid|bsd|md"
    r"|glib-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0|gthread-2\.0|pcre2-8|mount|blkid|selinux"
    r"|dbus-1|systemd|cap|lz4|zstd|gcrypt|gpg-error"
    r"|GL|GLX|GLdispatch|OpenGL|EGL|drm|gbm"
    r"|stdc\+\+|gcc_s"
    r")\.so(\.[0-9.]+)?$"
)


def _posix(path: str) -> str:
    return path.replace("\\", "/")


def keep(destination: str, source: str) -> bool:
    """Whether a file PyInstaller collected (`destination` inside the bundle) ships."""
    name = _posix(destination)
    if any(fnmatch.fnmatch(name, pattern) for pattern in DROPPED_QT):
        return False
    if fnmatch.fnmatch(name, QT_TRANSLATIONS):
        return name.rsplit("/", 1)[-1] in KEPT_QT_TRANSLATIONS
    from_system = _posix(source).startswith(("/usr/lib", "/lib"))
    return not (from_system and "/" not in name and SYSTEM_LIBRARIES.match(name))


def _needed(path: str) -> list[str]:
    """The shared libraries an ELF file names (DT_NEEDED), read with binutils' objdump, which
    PyInstaller itself needs on Linux."""
    output = subprocess.run(
        ["objdump", "-p", path], capture_output=True, text=True, check=True
    ).stdout
    return [line.split()[1] for line in output.splitlines() if line.strip().startswith("NEEDED")]


Entry = tuple[str, str, str]  # PyInstaller's TOC entries: (destination, source, typecode)


def prune(binaries: list[Entry], datas: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """Linux: keeps only the libraries that something shipped still links to.

    PyInstaller collects the dependencies of every Qt plugin before the spec drops the plugins
    (`keep`), so the libraries only those plugins needed (GTK, cairo, Kerberos, Qt's Wayland and
    EGL libraries...) would ship for nothing. The roots are the Python extension modules, the
    Qt plugins kept and the Python library; everything else ships only if a root needs it,
    directly or not. A symbolic link ships only with its target."""
    if sys.platform.startswith("linux"):
        binaries = _reachable(binaries)
    shipped = {_posix(e[0]) for e in [*binaries, *datas] if e[2] != "SYMLINK"}

    def alive(entry: Entry) -> bool:
        return entry[2] != "SYMLINK" or _symlink_target(entry) in shipped

    return [e for e in binaries if alive(e)], [e for e in datas if alive(e)]


def _reachable(binaries: list[Entry]) -> list[Entry]:
    files = [e for e in binaries if e[2] != "SYMLINK"]
    by_name: dict[str, list[Entry]] = {}
    for entry in files:
        by_name.setdefault(_posix(entry[0]).rsplit("/", 1)[-1], []).append(entry)
    todo = [
        entry
        for entry in files
        if entry[2] == "EXTENSION"
        or "/plugins/" in _posix(entry[0])
        or _posix(entry[0]).rsplit("/", 1)[-1].startswith("libpython")
    ]
    kept: set[Entry] = set()
    while todo:
        entry = todo.pop()
        if entry in kept:
            continue
        kept.add(entry)
        for name in _needed(entry[1]):
            todo.extend(e for e in by_name.get(name, []) if e not in kept)
    return [e for e in binaries if e in kept or e[2] == "SYMLINK"]


def _symlink_target(entry: Entry) -> str:
    # For a SYMLINK entry the source is the target, relative to the link's folder.
    folder = _posix(entry[0]).rpartition("/")[0]
    target = f"{folder}/{_posix(entry[1])}" if folder else _posix(entry[1])
    return posixpath.normpath(target)


def strip_interpreter(binaries: list[Entry], workdir: Path) -> list[Entry]:
    """Linux: the interpreter's own libraries without their debugging information.

    A Python built from source (pyenv, python-build) keeps it: 36 MB of the bundle for libpython
    and `lib-dynload`. Only those files are stripped, into copies: wheels' libraries are left as
    published (stripping a library that auditwheel patched can break it)."""
    if not sys.platform.startswith("linux"):
        return binaries
    interpreter = Path(sys.base_prefix).resolve()
    result = []
    for destination, source, typecode in binaries:
        if typecode != "SYMLINK" and Path(source).resolve().is_relative_to(interpreter):
            copy = workdir / "stripped" / destination
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
            subprocess.run(["strip", "--strip-debug", str(copy)], check=True)
            source = str(copy)
        result.append((destination, source, typecode))
    return result


def internal(bundle: Path) -> Path:
    """The bundle's folder of libraries and data (PyInstaller's "contents directory")."""
    return bundle / "_internal"


def archived_modules(bundle: Path) -> set[str]:
    """Module names inside the bundle's executable (its PYZ archive)."""
    from PyInstaller.archive.readers import CArchiveReader

    name = str(project()["name"])
    executable = bundle / (name + (".exe" if sys.platform == "win32" else ""))
    archive = CArchiveReader(str(executable))
    names: set[str] = set()
    for entry in archive.toc:
        if entry.endswith(".pyz"):
            names.update(archive.open_embedded_archive(entry).toc)
    return names
