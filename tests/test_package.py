"""The double-click app: the PyInstaller bundle starts, passes its self-test, installs and
uninstalls cleanly, reports start-up failures, and its desktop metadata validates."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from ashore import __version__
from ashore.app.paths import APP_ID

pytestmark = pytest.mark.package

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
BUNDLE = ROOT / "dist" / "Ashore"
EXE = BUNDLE / ("Ashore.exe" if sys.platform == "win32" else "Ashore")
ARCHIVE_GLOB = f"Ashore-{__version__}-*"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# One line per check, as `ashore self-test` prints them: "ok   window: ...", "FAIL database: ...",
# "info audio: ...".
SELF_TEST_LINE = re.compile(r"^(ok|FAIL|info)\s+([\w][\w .-]*):\s")
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the installer is for Linux")


def _newest_source_mtime() -> float:
    roots = [ROOT / "src" / "ashore", PACKAGING, ROOT / "resources", ROOT / "pyproject.toml"]
    newest = 0.0
    for root in roots:
        paths = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in paths:
            if "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


def _bundle_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "ASHORE_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def bundle() -> Path:
    """dist/Ashore, built now unless the one there is newer than every source file."""
    if not EXE.exists() or EXE.stat().st_mtime < _newest_source_mtime():
        result = subprocess.run(
            [sys.executable, str(PACKAGING / "build.py")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    assert EXE.is_file()
    assert os.access(EXE, os.X_OK)
    return BUNDLE


def test_bundle_prints_its_version(bundle: Path) -> None:
    result = subprocess.run(
        [str(EXE), "--version"], capture_output=True, text=True, env=_bundle_env(), timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Ashore {__version__}"


def _source_can_play_audio() -> bool:
    """Whether the source tree's QtMultimedia plays here (then the bundle must too)."""
    probe = "from ashore.ui.audio.probe import audio_backend_status as s; print(s()[0])"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    return result.stdout.strip().endswith("True")


def test_bundle_self_test_passes(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = subprocess.run(
        [str(EXE), "self-test", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=_bundle_env(),
        timeout=600,
    )
    report = f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    # Besides the checks the output has a heading and a closing summary line.
    checks = [m for m in map(SELF_TEST_LINE.match, result.stdout.splitlines()) if m]
    assert len(checks) >= 3, report
    failed = [m.group(0) for m in checks if m.group(1) == "FAIL"]
    assert failed == [], report
    passed = {m.group(2) for m in checks if m.group(1) == "ok"}
    # the main window is the check that proves Qt, the platform plugin and our UI made it in
    assert "window" in passed, report
    audio = [m.group(0) for m in checks if m.group(2) == "audio"]
    assert audio, report
    if _source_can_play_audio():
        # QtMultimedia's FFmpeg plugin and libraries made it into the bundle
        assert "playback available" in result.stdout, report
    assert result.returncode == 0, report


def test_bundle_opens_the_window_and_keeps_running(bundle: Path, tmp_path: Path) -> None:
    # The double-click path (no command): the window's own imports are not all in the self-test.
    data = tmp_path / "data"
    proc = subprocess.Popen(
        [str(EXE), "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_bundle_env(),
    )
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=15)
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert not (data / "logs" / "startup.log").exists(), err
    assert not (data / "logs" / "errors.log").exists(), err
    assert data.is_dir()  # the app made its data dir on start


@pytest.fixture
def x_display() -> Iterator[str]:
    """A virtual X server (Xvfb) for the real desktop path: the xcb plugin and the system's libs."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb not installed (apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # Xvfb writes its display number once it is ready
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _x_windows(env: dict[str, str]) -> str:
    """The X server's window tree (names and WM_CLASS), or "" without xwininfo."""
    if shutil.which("xwininfo") is None:
        return ""
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"], capture_output=True, text=True, env=env, timeout=30
    )
    return tree.stdout


def _wait_for(condition: Callable[[], bool], proc: subprocess.Popen[str], seconds: float) -> None:
    """Poll until ``condition`` holds while ``proc`` keeps running (a loaded CI machine is slow)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert proc.poll() is None, f"the app exited with {proc.returncode}"
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)


@linux_only
def test_bundle_window_on_x11(bundle: Path, tmp_path: Path, x_display: str) -> None:
    data = tmp_path / "data"
    env = _bundle_env(QT_QPA_PLATFORM="xcb", DISPLAY=x_display)
    env.pop("WAYLAND_DISPLAY", None)
    proc = subprocess.Popen(
        [str(EXE), "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        if shutil.which("xwininfo"):
            # the desktop entry's StartupWMClass=Ashore matches the window's WM_CLASS
            _wait_for(lambda: '("Ashore" "Ashore")' in _x_windows(env), proc, 90)
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=10)  # and it stays open
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert not (data / "logs" / "startup.log").exists(), err


@linux_only
def test_bundle_shows_why_it_did_not_start(bundle: Path, tmp_path: Path, x_display: str) -> None:
    # A double-click start that fails (here: a bad --today): a message box, not silence.
    data = tmp_path / "data"
    log = data / "logs" / "startup.log"
    env = _bundle_env(QT_QPA_PLATFORM="xcb", DISPLAY=x_display)
    proc = subprocess.Popen(
        [str(EXE), "--data-dir", str(data), "--today", "2026-13-45"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        _wait_for(log.exists, proc, 90)  # written before the message box opens
        assert "'2026-13-45' is not a date" in log.read_text(encoding="utf-8")
        if shutil.which("xwininfo"):
            _wait_for(lambda: '"Ashore": ("Ashore" "Ashore")' in _x_windows(env), proc, 60)
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=3)  # the message box waits for the user
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def test_bundle_contents(bundle: Path) -> None:
    internal = bundle / "_internal"
    # alembic runs the migrations from files, so they must be there as .py files
    migrations = internal / "ashore" / "store" / "migrations"
    assert (migrations / "env.py").is_file()
    assert list((migrations / "versions").glob("*.py")), "no migration scripts in the bundle"
    assert (internal / "resources" / "icons" / f"{APP_ID}.svg").is_file()
    assert (internal / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    # babel's data for the two interface languages, and not for the other 700 locales
    locale_data = internal / "babel" / "locale-data"
    for name in ("root.dat", "en.dat", "zh.dat", "zh_Hans_CN.dat"):
        assert (locale_data / name).is_file(), name
    assert not (locale_data / "de.dat").exists()
    qt = internal / "PySide6"
    for module in ("QtCore", "QtGui", "QtWidgets", "QtMultimedia"):
        assert list(qt.glob(f"{module}.*")), f"{module} is missing"
    for module in ("QtWebEngineCore", "Qt3DCore", "QtQml", "QtQuick", "QtPdf", "QtCharts"):
        assert not list(qt.glob(f"{module}.*")), f"{module} should have been excluded"
    if sys.platform == "linux":
        platforms = {p.name for p in (qt / "Qt" / "plugins" / "platforms").iterdir()}
        assert {"libqoffscreen.so", "libqxcb.so", "libqwayland.so"} <= platforms
        assert "libqvnc.so" not in platforms
        assert (qt / "Qt" / "plugins" / "multimedia" / "libffmpegmediaplugin.so").is_file()
        # every symlink PyInstaller made must still point at a file we kept
        dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
        assert dangling == []
    assert not (internal / "tkinter").exists()


@linux_only
def test_release_archive_holds_the_bundle(bundle: Path) -> None:
    archives = sorted((ROOT / "dist").glob(f"{ARCHIVE_GLOB}.tar.gz"))
    assert archives, "make package writes dist/Ashore-<version>-linux-<arch>.tar.gz"
    with tarfile.open(archives[-1]) as tar:
        names = set(tar.getnames())
    assert {"Ashore/Ashore", "Ashore/install-linux.sh"} <= names


@linux_only
def test_bundle_logs_a_platform_plugin_failure(bundle: Path, tmp_path: Path) -> None:
    # Opening the window with a platform Qt cannot load: Qt aborts, but the launcher logs why first.
    data = tmp_path / "data"
    result = subprocess.run(
        [str(EXE), "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=_bundle_env(QT_QPA_PLATFORM="no-such-platform"),
        timeout=120,
    )
    assert result.returncode == 1
    log = data / "logs" / "startup.log"
    assert log.is_file(), result.stderr
    text = log.read_text(encoding="utf-8")
    assert "no Qt platform plugin could be initialized" in text
    assert '"no-such-platform"' in text
    assert "startup.log" in result.stderr


def test_launcher_logs_a_qt_that_cannot_load(tmp_path: Path) -> None:
    # A PySide6 that fails the way a missing system library makes it fail.
    fake = tmp_path / "fake" / "PySide6"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        'raise ImportError("libEGL.so.1: cannot open shared object file")\n', encoding="utf-8"
    )
    data = tmp_path / "data"
    env = _bundle_env(PYTHONPATH=os.pathsep.join([str(fake.parent), str(ROOT / "src")]))
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "launch.py"), "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Qt could not be loaded: libEGL.so.1" in result.stderr
    log = (data / "logs" / "startup.log").read_text(encoding="utf-8")
    assert "libEGL.so.1: cannot open shared object file" in log
    assert "Traceback" in log
    if sys.platform == "linux":
        assert "libxcb-cursor0" in log  # the hint names the packages to install

    # Commands never need the window, so a broken Qt does not stop --version.
    version = subprocess.run(
        [sys.executable, str(PACKAGING / "launch.py"), "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert version.returncode == 0
    assert version.stdout.strip() == f"Ashore {__version__}"


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ashore_build", PACKAGING / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icon_pngs_are_the_svg_rendered(tmp_path: Path) -> None:
    from PIL import Image, ImageChops, ImageStat

    build = _build_module()
    for size in ICON_SIZES:
        committed = Image.open(build.png_path(size)).convert("RGBA")
        assert committed.size == (size, size)
        # the corners are outside the rounded tile, the middle is the picture
        assert committed.getpixel((0, 0))[3] == 0
        assert committed.getpixel((size // 2, size // 2))[3] == 255
    # the committed 64 px PNG matches a fresh rendering of the SVG (an edited SVG needs new PNGs)
    fresh = tmp_path / "64.png"
    render = build._render_with_rsvg if shutil.which("rsvg-convert") else build._render_with_qt
    render(64, fresh)
    diff = ImageChops.difference(
        Image.open(fresh).convert("RGBA"), Image.open(build.png_path(64)).convert("RGBA")
    )
    # librsvg and Qt differ only in anti-aliased edges (mean 0.4); a changed colour or shape is more
    mean = sum(ImageStat.Stat(diff).mean) / 4
    assert mean <= 2, "resources/icons PNGs are stale: run packaging/build.py --force-icons"


def test_ico_and_icns_hold_every_size(tmp_path: Path) -> None:
    from PIL import Image

    build = _build_module()
    with Image.open(build.make_ico(tmp_path / "a.ico")) as ico:
        assert set(ico.info["sizes"]) == {(s, s) for s in build.ICO_SIZES}
    with Image.open(build.make_icns(tmp_path / "a.icns")) as icns:
        assert {(w, h) for w, h, _scale in icns.info["sizes"]} >= {(16, 16), (256, 256), (512, 512)}


def test_launcher_logs_a_failed_start(tmp_path: Path) -> None:
    # Offscreen nobody could click a message box, so the log and stderr carry the reason.
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "launch.py"), "--data-dir", str(data), "--today", "x"],
        capture_output=True,
        text=True,
        env=_bundle_env(PYTHONPATH=str(ROOT / "src")),
        timeout=120,
    )
    assert result.returncode == 1
    assert "--today: 'x' is not a date" in result.stderr
    log = (data / "logs" / "startup.log").read_text(encoding="utf-8")
    assert "--today: 'x' is not a date (YYYY-MM-DD)" in log


def _validate_desktop(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate not installed (apt-get install desktop-file-utils)")
    result = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout, result.stdout + result.stderr


def test_desktop_file_validates() -> None:
    _validate_desktop(DESKTOP)
    text = DESKTOP.read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in text
    assert "Categories=Office;Finance;\n" in text


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli not installed (apt-get install appstream)")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    assert f'<release version="{__version__}"' in text


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


def _installed_files(home: Path) -> list[Path]:
    share = home / ".local" / "share"
    files = [
        share / "applications" / f"{APP_ID}.desktop",
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    ]
    hicolor = share / "icons" / "hicolor"
    files += [hicolor / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in ICON_SIZES]
    return files


@linux_only
def test_install_and_uninstall_for_one_user(bundle: Path, home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    script = bundle / "install-linux.sh"  # the copy a user of the release archive runs
    done = subprocess.run([str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr

    opt = home / ".local" / "opt" / "ashore"
    exe = opt / "Ashore"
    assert os.access(exe, os.X_OK)
    for path in _installed_files(home):
        assert path.is_file(), path
    desktop = _installed_files(home)[0]
    assert f'Exec="{exe}"' in desktop.read_text(encoding="utf-8").splitlines()
    if shutil.which("desktop-file-validate"):
        _validate_desktop(desktop)
    version = subprocess.run(
        [str(exe), "--version"], capture_output=True, text=True, env=_bundle_env(), timeout=120
    )
    assert version.stdout.strip() == f"Ashore {__version__}"

    gone = subprocess.run(
        [str(script), "--uninstall"], capture_output=True, text=True, env=env, timeout=120
    )
    assert gone.returncode == 0, gone.stderr
    assert not opt.exists()
    left = [p for p in home.rglob("*") if p.is_file() and APP_ID in p.name]
    assert left == []
    assert not any(p.exists() for p in _installed_files(home))
