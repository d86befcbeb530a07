"""The README's examples run, and the commands it names exist (docs kept honest)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def test_readme_python_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks, "the README should show the Python API"
    for block in blocks:
        proc = subprocess.run(
            [sys.executable, "-c", block], capture_output=True, text=True, timeout=300, cwd=ROOT
        )
        assert proc.returncode == 0, proc.stderr


def test_readme_names_only_real_commands() -> None:
    from typer.main import get_command

    from wiretag.cli import _register, app

    _register()
    commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    named = set(re.findall(r"^wiretag (\w+)", README, re.M))
    assert named, "the README should show the command line"
    assert named <= commands, named - commands
    assert commands <= named, f"commands missing from the README: {commands - named}"


@pytest.mark.parametrize("target", ["demo", "test"])
def test_readme_setup_commands_are_make_targets(target: str) -> None:
    assert re.search(rf"^make {target}\b", README, re.M)
    assert re.search(rf"^{target}:", (ROOT / "Makefile").read_text("utf-8"), re.M)


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")
