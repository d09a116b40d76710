"""Headless Chromium for the tests that look at what a person sees (the Dagster UI, the HTML report).

The browser is Debian's `chromium` package. A fresh machine does not have it, so the first test
that needs it installs it with apt-get (the project's own files install what it needs; CI runs as
root). A machine where it cannot be installed fails the test with the reason, it does not skip.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def _find() -> str | None:
    for name in _CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_path() -> str:
    """Path of a Chromium binary, installing Debian's package first when none is on PATH."""
    path = _find()
    if path:
        return path
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    apt = ["apt-get"] if os.geteuid() == 0 else ["sudo", "-n", "apt-get"]
    for cmd in (apt + ["update", "-qq"], apt + ["install", "-y", "-qq", "--no-install-recommends", "chromium"]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            raise RuntimeError(f"could not install chromium ({' '.join(cmd)}): {done.stderr.strip()[-500:]}")
    path = _find()
    if not path:
        raise RuntimeError("chromium was installed but is not on PATH")
    return path


def screenshot(url: str, out: Path, width: int = 1400, height: int = 900, wait_ms: int = 8000) -> Path:
    """Render `url` headless and save a PNG; returns the path. Raises when nothing was written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [chromium_path(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--hide-scrollbars", f"--window-size={width},{height}", f"--virtual-time-budget={wait_ms}",
           f"--screenshot={out}", url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"chromium could not render {url}: {done.stderr.strip()[-500:]}")
    return out


def dump_dom(url: str, wait_ms: int = 8000) -> str:
    """The DOM of `url` after scripts ran, as HTML text."""
    cmd = [chromium_path(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           f"--virtual-time-budget={wait_ms}", "--dump-dom", url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"chromium could not load {url}: {done.stderr.strip()[-500:]}")
    return done.stdout
