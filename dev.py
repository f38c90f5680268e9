#!/usr/bin/env python3
"""Developer entry point; needs only Python 3.11+.

    python3 dev.py site    build the example site into site/
    python3 dev.py test    run all tests (extra arguments go to pytest)

Each command first makes (or refreshes) its own virtual environment in .venv/.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
# The W3C Nu Html Checker for the markup test (tests/site/test_html_valid.py), from npm.
VNU_VERSION = "26.9.27"
VNU_DIR = ROOT / ".cache" / "vnu"
VNU_JAR = VNU_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run(cmd: list[str | Path], **kwargs) -> int:
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, **kwargs)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"rapportage heeft Python 3.11 of nieuwer nodig (dit is {sys.version.split()[0]}).")
    if not PYTHON.exists():
        print("Virtuele omgeving maken in .venv/ ...", flush=True)
        venv.create(VENV, with_pip=True)
    stamp = VENV / ".rapportage-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print("Pakketten installeren (eenmalig) ...", flush=True)
    quiet = ["--quiet", "--disable-pip-version-check"]
    if run([PYTHON, "-m", "pip", "install", *quiet, "--upgrade", "pip"]) != 0:
        sys.exit("pip kon niet bijgewerkt worden.")
    if run([PYTHON, "-m", "pip", "install", *quiet, "-e", f"{ROOT}[test]"]) != 0:
        sys.exit("De pakketten konden niet geïnstalleerd worden.")
    stamp.write_text(wanted)


def ensure_chromium() -> None:
    """Browser tests use Debian's chromium; install it when we may (root with apt)."""
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        return
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        print("chromium installeren voor de browsertests ...", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update", "-qq"], env=env)
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "poppler-utils"], env=env)
    if not shutil.which("chromium"):
        print("Let op: chromium ontbreekt; de browsertests worden overgeslagen.", flush=True)


def ensure_vnu() -> None:
    """Fetch the Nu Html Checker (npm package vnu-jar, pinned) into .cache/vnu/; it runs on Java."""
    stamp = VNU_DIR / ".version"
    if VNU_JAR.is_file() and stamp.is_file() and stamp.read_text() == VNU_VERSION:
        return
    npm = shutil.which("npm")
    if npm is None:
        print("Let op: npm ontbreekt; de HTML-controle (Nu Html Checker) wordt overgeslagen.", flush=True)
        return
    print(f"Nu Html Checker (vnu-jar {VNU_VERSION}) ophalen in .cache/vnu/ ...", flush=True)
    VNU_DIR.mkdir(parents=True, exist_ok=True)
    # --ignore-scripts: the jar is in the package; its postinstall would only look for Java.
    cmd = [npm, "install", "--prefix", VNU_DIR, "--no-save", "--no-audit", "--no-fund",
           "--ignore-scripts", "--loglevel=error", f"vnu-jar@{VNU_VERSION}"]
    if run(cmd) == 0 and VNU_JAR.is_file():
        stamp.write_text(VNU_VERSION)
    else:
        print("Let op: vnu-jar kon niet opgehaald worden; de HTML-controle wordt overgeslagen.", flush=True)
    if not shutil.which("java"):
        print("Let op: java ontbreekt (apt-get install default-jre-headless); de HTML-controle wordt overgeslagen.",
              flush=True)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("site", "test"):
        print(__doc__)
        return 2
    ensure_venv()
    if argv[0] == "site":
        return run([PYTHON, "-m", "generator", "build", *argv[1:]])
    ensure_chromium()
    ensure_vnu()
    return run([PYTHON, "-m", "pytest", *argv[1:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
