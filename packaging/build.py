"""Build Ashore's double-click app: icons from the SVG, the PyInstaller one-folder bundle, archive.

Run with the project's venv: ``.venv/bin/python packaging/build.py`` (``make package``).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.ashore.Ashore"
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / f"{APP_ID}.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# .ico/.icns are build products only: they are made from the committed PNGs on every build.
BUILD = ROOT / "build"
ICON_BUILD = BUILD / "icons"
DIST = ROOT / "dist"
SPEC = ROOT / "packaging" / "ashore.spec"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    """Where the committed PNG of one size lives (the freedesktop hicolor layout)."""
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def version() -> str:
    """The app's version, read from the source so the build needs no import of ashore."""
    text = (ROOT / "src" / "ashore" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("build: src/ashore/__init__.py has no __version__")
    return match.group(1)


def _render_with_rsvg(size: int, out: Path) -> None:
    subprocess.run(
        ["rsvg-convert", "--width", str(size), "--height", str(size), "-o", str(out), str(SVG)],
        check=True,
    )


def _render_with_qt(size: int, out: Path) -> None:
    # Qt's renderer is the fallback where librsvg is not installed (Windows, macOS).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    if not image.save(str(out)):  # the format follows the .png suffix
        raise SystemExit(f"build: could not write {out}")


def render_pngs(force: bool = False) -> list[Path]:
    """(Re)make the PNG sizes from the SVG when the SVG is newer or a PNG is missing."""
    made: list[Path] = []
    render = _render_with_rsvg if shutil.which("rsvg-convert") else _render_with_qt
    for size in PNG_SIZES:
        out = png_path(size)
        if not force and out.exists() and out.stat().st_mtime >= SVG.stat().st_mtime:
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        render(size, out)
        made.append(out)
    return made


def make_ico(dest: Path) -> Path:
    """A Windows .ico holding each size rendered from the SVG (not scaled down from one PNG)."""
    from PIL import Image

    images = [Image.open(png_path(size)).convert("RGBA") for size in ICO_SIZES]
    dest.parent.mkdir(parents=True, exist_ok=True)
    largest = images[-1]
    largest.save(
        dest,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=images[:-1],
    )
    return dest


def make_icns(dest: Path) -> Path:
    """A macOS .icns; Pillow writes it on any platform."""
    from PIL import Image

    images = [Image.open(png_path(size)).convert("RGBA") for size in ICNS_SIZES]
    dest.parent.mkdir(parents=True, exist_ok=True)
    images[-1].save(dest, format="ICNS", append_images=images[:-1])
    return dest


def make_icons() -> tuple[Path, Path]:
    return make_ico(ICON_BUILD / "ashore.ico"), make_icns(ICON_BUILD / "ashore.icns")


def run_pyinstaller() -> Path:
    """Build dist/Ashore (one folder) from the spec; return the folder."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    folder = DIST / "Ashore"
    if sys.platform == "linux":
        strip_libpython(folder)
        # so a user with only the release archive can add Ashore to their menu
        installer = folder / "install-linux.sh"
        shutil.copy2(ROOT / "packaging" / "install-linux.sh", installer)
        installer.chmod(0o755)
    return folder


def folder_size(folder: Path) -> int:
    """Bytes in the folder's files (symlinks counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def strip_libpython(folder: Path) -> None:
    """Drop libpython's debug symbols (23 MB -> 6 MB). Only libpython: stripping the wheels'
    libraries (patched by auditwheel/patchelf) breaks them, so PyInstaller's strip stays off."""
    if shutil.which("strip") is None:
        return
    for lib in (folder / "_internal").glob("libpython3*.so*"):
        if lib.is_file() and not lib.is_symlink():
            subprocess.run(["strip", "--strip-debug", "--strip-unneeded", str(lib)], check=True)


def platform_tag() -> str:
    names = {"linux": "linux", "win32": "windows", "darwin": "macos"}
    system = names.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{system}-{machine}"


def make_archive(folder: Path) -> Path:
    """dist/Ashore-<version>-<os>-<arch>.tar.gz (a .zip on Windows and macOS), one top folder."""
    base = DIST / f"Ashore-{version()}-{platform_tag()}"
    if sys.platform == "linux":
        archive = base.parent / f"{base.name}.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=folder.name)
        return archive
    archive = base.parent / f"{base.name}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, Path(folder.name) / path.relative_to(folder))
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--icons-only", action="store_true", help="make the icons, no bundle")
    parser.add_argument("--force-icons", action="store_true", help="re-render every PNG")
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz/.zip")
    args = parser.parse_args(argv)

    started = time.monotonic()
    for png in render_pngs(force=args.force_icons):
        print(f"build: rendered {png.relative_to(ROOT)}")
    ico, icns = make_icons()
    print(f"build: wrote {ico.relative_to(ROOT)} and {icns.relative_to(ROOT)}")
    if args.icons_only:
        return 0
    folder = run_pyinstaller()
    size_mb = folder_size(folder) / 1e6
    print(f"build: bundle in {folder.relative_to(ROOT)} ({size_mb:.0f} MB)")
    if not args.no_archive:
        archive = make_archive(folder)
        size_mb = archive.stat().st_size / 1e6
        print(f"build: archive {archive.relative_to(ROOT)} ({size_mb:.0f} MB)")
    print(f"build: done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
