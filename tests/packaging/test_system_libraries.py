"""A laptop without Qt's X11 libraries gets, in French, the packages to install: not Qt's abort in
English after the start-up work (issue: `dev.py run` died after 25 s without libxcb-cursor0)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from allervers import app
from allervers.ui import system_libraries as libs
from tests.integration.cli import cli_env

X11 = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}


def without(*missing: str) -> libs.Loader:
    """A loader for which these libraries, and so the plugin linked to them, are not installed."""

    def load(name: str) -> object:
        if Path(name).name in missing or name.endswith("libqxcb.so"):
            raise OSError(f"{Path(name).name}: cannot open shared object file")
        return ctypes.CDLL(name)

    return load


def test_nothing_is_missing_on_this_machine() -> None:
    assert libs.missing_libraries(X11) == []


def test_a_missing_library_is_named_with_its_packages() -> None:
    missing = libs.missing_libraries(X11, load=without("libxcb-cursor.so.0"))
    assert missing == [
        libs.SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor")
    ]
    advice = libs.install_advice(missing)
    assert "Aller-Vers ne peut pas ouvrir sa fenêtre" in advice
    assert "sudo apt install libxcb-cursor0" in advice
    assert "sudo dnf install xcb-util-cursor" in advice


def test_several_missing_libraries_give_each_package_once() -> None:
    missing = libs.missing_libraries(
        X11, load=without("libxcb-shape.so.0", "libxcb-xkb.so.1", "libxkbcommon-x11.so.0")
    )
    advice = libs.install_advice(missing)
    assert "sudo apt install libxkbcommon-x11-0 libxcb-shape0 libxcb-xkb1" in advice
    assert "sudo dnf install libxkbcommon-x11 libxcb\n" in advice + "\n"


def test_a_library_outside_the_list_is_named_from_the_loader_message() -> None:
    def load(name: str) -> object:
        if name.endswith("libqxcb.so"):
            raise OSError("libxcb-newthing.so.2: cannot open shared object file")
        return ctypes.CDLL(name)

    missing = libs.missing_libraries(X11, load=load)
    assert missing == [libs.SystemLibrary("libxcb-newthing.so.2", "", "")]
    assert "libxcb-newthing.so.2" in libs.install_advice(missing)
    assert "sudo" not in libs.install_advice(missing)


@pytest.mark.parametrize(
    ("environ", "xcb"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb;offscreen"}, True),
        ({"QT_QPA_PLATFORM": "wayland"}, False),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
    ],
)
def test_only_x11_needs_them(environ: dict[str, str], xcb: bool) -> None:
    assert libs.uses_xcb(environ) is xcb
    if not xcb:
        assert libs.missing_libraries(environ, load=without("libxcb-cursor.so.0")) == []


def test_no_display_is_said_in_french() -> None:
    message = libs.no_display({"QT_QPA_PLATFORM": "xcb"})
    assert message is not None and "DISPLAY" in message
    assert libs.no_display(X11) is None
    assert libs.no_display({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_the_window_is_refused_before_qt_starts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    for name, value in X11.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(libs, "_load", without("libxcb-cursor.so.0"))
    monkeypatch.setattr(
        "allervers.ui.launch.run_gui", lambda *a: pytest.fail("the window was started")
    )
    assert app.main([]) == app.EXIT_REFUSED
    assert "sudo apt install libxcb-cursor0" in capsys.readouterr().err
    assert not home.exists()  # refused before anything was created


@pytest.mark.slow
def test_allervers_says_which_package_when_the_library_is_really_missing(home: Path) -> None:
    """The real program, its real plugin and loader, on a system where libxcb-cursor.so.0 is
    made unreadable for this process only (a private mount namespace, an empty file mounted on
    it), as on a fresh install without the package."""
    found = ctypes.util.find_library("xcb-cursor")
    hide = ""
    if found is not None:  # when the package is really absent there is nothing to hide
        library = subprocess.run(
            ["sh", "-c", f"ldconfig -p | sed -n 's|.*{found} .*=> ||p' | head -1"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        hide = f"mount --bind /dev/null {os.path.realpath(library)} && "
    done = subprocess.run(
        ["unshare", "--mount", "--", "sh", "-c", f'{hide}exec "$0" -m allervers', sys.executable],
        env=cli_env(home, DISPLAY=":0", QT_QPA_PLATFORM="xcb"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "libxcb-cursor.so.0" in done.stderr
    assert "sudo apt install libxcb-cursor0" in done.stderr
    assert "sudo dnf install xcb-util-cursor" in done.stderr
    assert "qt.qpa" not in done.stderr and "Traceback" not in done.stderr
