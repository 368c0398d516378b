"""The one-folder program builds with PyInstaller and passes its own self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_pyinstaller_build_passes_its_self_test(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "work"),
            str(ROOT / "build.spec"),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    program = tmp_path / "dist" / "towndesk" / "towndesk"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    version = subprocess.run([program, "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0 and "TownDesk" in version.stdout
    result = subprocess.run(
        [program, "self-test"], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "自检通过" in result.stdout
