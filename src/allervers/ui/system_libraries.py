"""Before Qt starts: are the system libraries of its X11 platform (xcb) installed?

Without one of them (most often `libxcb-cursor0`, absent from many fresh installs) Qt aborts with
its own English message, "Could not load the Qt platform plugin "xcb"", after the program has done
its start-up work. This module loads the platform plugin the way Qt will (same file, same library
search path) and, when that fails, names each missing library with the packages that provide it on
Debian/Ubuntu and Fedora, in French. It imports nothing of Qt: it must run before Qt is loaded.

The list follows the libraries that Qt 6's xcb plugin (`libqxcb.so`, `libQt6XcbQpa.so.6`) and
`libQt6Gui`/`libQt6Core` need and that the Python packages do not ship (`readelf -d`); the README
and the .deb's `Depends` (packaging/build_deb.py) give the same packages.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class SystemLibrary:
    soname: str
    debian: str  # Debian and Ubuntu package
    fedora: str  # Fedora package


XCB_LIBRARIES = (
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    SystemLibrary("libxcb.so.1", "libxcb1", "libxcb"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    SystemLibrary("libX11.so.6", "libx11-6", "libX11"),
    SystemLibrary("libGL.so.1", "libgl1", "libglvnd-glx"),
    SystemLibrary("libEGL.so.1", "libegl1", "libglvnd-egl"),
    SystemLibrary("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    SystemLibrary("libfreetype.so.6", "libfreetype6", "freetype"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    SystemLibrary("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
    SystemLibrary("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    SystemLibrary("libzstd.so.1", "libzstd1", "libzstd"),
)

Loader = Callable[[str], object]
"""Loads a shared library by path or name, raising OSError when it cannot (`ctypes.CDLL`)."""


def uses_xcb(environ: Mapping[str, str] | None = None) -> bool:
    """Whether Qt will start on X11: Linux, and either asked for (`QT_QPA_PLATFORM=xcb`) or by
    default outside a Wayland session. Offscreen, Wayland and the other systems need none of this
    (the packaged app ships no Wayland plugin: on a Wayland session it runs through XWayland, so
    there the check applies)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    requested = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested:
        return requested == "xcb"
    wayland_session = bool(env.get("WAYLAND_DISPLAY")) and env.get("XDG_SESSION_TYPE") == "wayland"
    return not (wayland_session and _plugin("libqwayland.so") is not None)


def _plugin(name: str) -> Path | None:
    spec = importlib.util.find_spec("PySide6")  # finds the package without loading Qt
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / "Qt" / "plugins" / "platforms" / name
        if candidate.is_file():
            return candidate
    return None


def _load(path: str) -> object:
    return ctypes.CDLL(path)


def missing_libraries(
    environ: Mapping[str, str] | None = None, load: Loader | None = None
) -> list[SystemLibrary]:
    """The system libraries Qt's xcb plugin lacks here; empty when it loads (or is not used).
    `load` replaces `ctypes.CDLL` (tests)."""
    load = load or _load
    if not uses_xcb(environ):
        return []
    plugin = _plugin("libqxcb.so")
    if plugin is None:
        return []  # not this module's problem: Qt will say that its plugin is not installed
    try:
        load(str(plugin))
    except OSError as error:
        missing = [lib for lib in XCB_LIBRARIES if not _loadable(lib.soname, load)]
        return missing or [_unknown(str(error))]
    return []


def _loadable(soname: str, load: Loader) -> bool:
    try:
        load(soname)
    except OSError:
        return False
    return True


def _unknown(error: str) -> SystemLibrary:
    """A library outside the list: dlopen's message names it (`libfoo.so.1: cannot open...`)."""
    found = re.search(r"(lib[\w.+-]+\.so[\w.]*)", error)
    return SystemLibrary(found.group(1) if found else error, "", "")


def no_display(environ: Mapping[str, str] | None = None) -> str | None:
    """The French message when Qt would start on X11 with no display to draw on (a terminal
    without a desktop session, ssh without -X); None when there is one or X11 is not used."""
    env = os.environ if environ is None else environ
    if not uses_xcb(env) or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "Aller-Vers ne trouve pas d'écran où ouvrir sa fenêtre (la variable DISPLAY est vide) : "
        "lancez-le depuis une session de bureau."
    )


def install_advice(missing: Sequence[SystemLibrary]) -> str:
    """The French message for the terminal."""
    names = "\n".join(f"  {lib.soname}" for lib in missing)
    debian = " ".join(dict.fromkeys(lib.debian for lib in missing if lib.debian))
    fedora = " ".join(dict.fromkeys(lib.fedora for lib in missing if lib.fedora))
    lines = [
        "Aller-Vers ne peut pas ouvrir sa fenêtre : il manque des bibliothèques du système "
        "pour l'affichage (Qt, plateforme X11/xcb) :",
        names,
    ]
    if debian or fedora:
        lines.append("Installez-les, puis relancez Aller-Vers :")
        if debian:
            lines.append(f"  Debian, Ubuntu : sudo apt install {debian}")
        if fedora:
            lines.append(f"  Fedora : sudo dnf install {fedora}")
    else:
        lines.append(
            "Installez le paquet de votre système qui la fournit, puis relancez Aller-Vers."
        )
    return "\n".join(lines)
