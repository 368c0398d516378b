"""No core dump of the program or its forked children: one would put the database key
and personal data on a disk in plaintext."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The program entered as `towndesk --help` enters it, then what the process, and a child
# forked from it, say of core dumps.
PROBE = """
import os, resource, sys
from app.__main__ import main
try:
    main(["--help"])
except SystemExit:
    pass
def told():
    return str(resource.getrlimit(resource.RLIMIT_CORE))
reading, writing = os.pipe()
if os.fork() == 0:
    os.write(writing, told().encode())
    os._exit(0)
os.close(writing)
os.wait()
print(told(), "|", os.read(reading, 100).decode(), file=sys.stderr)
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX resource limits")
def test_the_program_and_its_children_never_dump_core() -> None:
    environment = os.environ | {"PYTHONPATH": str(ROOT)}
    probe = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=environment, timeout=60
    )
    assert probe.returncode == 0, probe.stderr
    told = probe.stderr.strip().splitlines()[-1]
    assert told == "(0, 0) | (0, 0)"
