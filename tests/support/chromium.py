"""Headless Chromium for the tests that look at what a person sees (the Dagster UI, the HTML report).

The tests never install anything: without a browser on PATH they skip, saying how to get one
(`apt-get install chromium` on Debian). `.ci/run` installs it for CI and sets REQUIRE_BROWSER, which
turns the skip into a failure there. Set `CHROMIUM` to the path of
another Chromium or Chrome binary to use that one.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
# headless, and nothing that reaches for the network on its own (the machine has none)
_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync")
PICTURES = Path(__file__).resolve().parents[2] / "docs" / "img"
HOW_TO_GET_ONE = ("no Chromium on PATH: install one (Debian: `sudo apt-get install chromium`) "
                  "or set CHROMIUM to a Chromium binary to run the browser tests")


def find_chromium() -> str | None:
    """The browser named by CHROMIUM, else the first Chromium on PATH, else None."""
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for name in _CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_path() -> str:
    """Path of a Chromium binary; skips the calling test when there is none (fails it under REQUIRE_BROWSER, as in CI)."""
    path = find_chromium()
    if path is None:
        (pytest.fail if os.environ.get("REQUIRE_BROWSER") else pytest.skip)(HOW_TO_GET_ONE)
    return path


def picture_path(tmp_path: Path, name: str) -> Path:
    """Where a test saves a screenshot: the README's docs/img/ when REFRESH_PICTURES is set, else tmp_path.

    So `make test` never rewrites committed files; `make pictures` does, on purpose.
    """
    return PICTURES / name if os.environ.get("REFRESH_PICTURES") else tmp_path / name


def screenshot(url: str, out: Path, width: int = 1400, height: int = 900, wait_ms: int = 8000) -> Path:
    """Render `url` headless and save a PNG; returns the path. Raises when nothing was written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [chromium_path(), *_FLAGS, "--hide-scrollbars", f"--window-size={width},{height}", f"--virtual-time-budget={wait_ms}",
           f"--screenshot={out}", url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"chromium could not render {url}: {done.stderr.strip()[-500:]}")
    return out


def dump_dom(url: str, wait_ms: int = 8000) -> str:
    """The DOM of `url` after scripts ran, as HTML text."""
    cmd = [chromium_path(), *_FLAGS, f"--virtual-time-budget={wait_ms}", "--dump-dom", url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"chromium could not load {url}: {done.stderr.strip()[-500:]}")
    return done.stdout


if __name__ == "__main__":  # `python -m tests.support.chromium URL OUT.png [HEIGHT]`: used by `make pictures`
    import sys

    if find_chromium() is None:
        sys.exit(HOW_TO_GET_ONE)
    screenshot(sys.argv[1], Path(sys.argv[2]), height=int(sys.argv[3]) if len(sys.argv) > 3 else 900)
