"""The Debian/Ubuntu package: the bundle in /opt/allervers, `allervers` on the PATH, a desktop
entry and an icon, and `Depends` worked out from the bundle itself.

Every shared library that a file of the bundle names (DT_NEEDED) and that the bundle does not
carry must come from the system: each is looked up in the build machine's package database
(`dpkg -S`), so the list follows the bundle rather than a hand-kept copy. The build fails when a
library belongs to no package (build on a machine with Qt's X11 libraries installed; see
packaging/README.md). Built with `dpkg-deb` alone, no debhelper.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from licences import debian_package

HERE = Path(__file__).resolve().parent
PREFIX = Path("opt/allervers")
MAINTAINER = "Projet Aller-Vers <contact@aller-vers.invalid>"
SUMMARY = "repérage du non-recours aux droits, en porte-à-porte, hors ligne et chiffré"
DESCRIPTION = """\
 Aller-Vers aide les bénévoles et les CCAS à aller au-devant des foyers qui ne
 demandent pas les aides auxquelles ils ont droit : questionnaire de visite,
 estimation des droits avec OpenFisca-France, orientation et suivi, chiffres
 anonymisés pour l'évaluation. Les données restent sur l'ordinateur, dans un
 espace de travail chiffré (SQLCipher).
 .
 Vérifier l'installation : allervers --self-test"""


def build(bundle: Path, version: str, dist: Path) -> Path:
    architecture = _output(["dpkg", "--print-architecture"])
    staging = bundle.parent.parent / "build" / "deb" / f"allervers_{version}_{architecture}"
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(bundle, staging / PREFIX, symlinks=True)
    (staging / "usr" / "bin").mkdir(parents=True)
    (staging / "usr" / "bin" / "allervers").symlink_to(Path("/") / PREFIX / "allervers")
    _install(HERE / "allervers.desktop", staging / "usr/share/applications/allervers.desktop")
    _install(
        HERE / "icons" / "allervers.png",
        staging / "usr/share/icons/hicolor/256x256/apps/allervers.png",
    )
    _install(
        HERE / "icons" / "allervers.svg",
        staging / "usr/share/icons/hicolor/scalable/apps/allervers.svg",
    )
    doc = staging / "usr/share/doc/allervers"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(_copyright(), encoding="utf-8")
    depends = depends_of(bundle)
    control = staging / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        "\n".join(
            [
                "Package: allervers",
                f"Version: {version}",
                "Section: misc",
                "Priority: optional",
                f"Architecture: {architecture}",
                f"Maintainer: {MAINTAINER}",
                f"Installed-Size: {_installed_size(staging)}",
                f"Depends: {', '.join(depends)}",
                f"Description: {SUMMARY}",
                DESCRIPTION,
                "",
            ]
        ),
        encoding="utf-8",
    )
    for path in staging.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or _executable(path) else 0o644)
    target = dist / f"allervers_{version}_{architecture}.deb"
    print(f"Paquet {target.name} ...", flush=True)
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"Depends: {', '.join(depends)}", flush=True)
    return target


def depends_of(bundle: Path) -> list[str]:
    carried = {p.name for p in bundle.rglob("*")}
    needed: set[str] = set()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and _is_elf(path):
            needed.update(_needed(path))
    packages: set[str] = set()
    unknown = []
    for soname in sorted(needed - carried):
        package = debian_package(soname)
        if package is None:
            unknown.append(soname)
        else:
            packages.add(package)
    if unknown:
        raise SystemExit(
            "No installed package provides: " + ", ".join(unknown) + " (install them to build)."
        )
    glibc = _output(["dpkg-query", "-W", "-f=${Version}", "libc6"]).split("-")[0]
    packages.discard("libc6")
    # Built on the oldest glibc supported: newer systems run it, older ones cannot.
    return [f"libc6 (>= {glibc})", *sorted(packages)]


def _needed(path: Path) -> list[str]:
    output = _output(["objdump", "-p", str(path)])
    return [line.split()[1] for line in output.splitlines() if line.strip().startswith("NEEDED")]


def _is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def _executable(path: Path) -> bool:
    return path.name == "allervers" and path.parent.name != "_internal"


def _install(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def _installed_size(staging: Path) -> int:
    total = sum(p.lstat().st_size for p in staging.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def _copyright() -> str:
    return """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Aller-Vers

Files: *
Copyright: the Aller-Vers contributors
License: AGPL-3.0-or-later
 The full text is /opt/allervers/LICENSE.
Comment: The components shipped in /opt/allervers/_internal keep their own
 licences: /opt/allervers/licences/LISEZMOI.txt lists each with its files
 (openfisca-france AGPL-3.0, Qt and PySide6 LGPL-3.0, Python PSF, ...).
"""


def _output(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()
