"""``python -m tests.kill.pinned ARGS``: exactly ``python -m app ARGS`` (the real command line,
its parser, its error handling and exit codes), with what would differ between two runs
pinned, so a complete run of a writing command always writes the same bytes and a killed
one can be compared in full with it:

- the clock stands at ``TOWNDESK_PINNED_MS`` (epoch ms);
- event and record ids (UUIDv7) are that moment and a counter;
- the operating system's random bytes (argon2 salts, generated passwords, temporary names)
  come from a generator seeded with that moment.

Cryptography in C or Rust (device keys, sync files) keeps its own randomness; the commands
killed here only decrypt and verify with it, which is deterministic.
"""

from __future__ import annotations

import itertools
import os
import random
import runpy
import sys

PINNED_ENV = "TOWNDESK_PINNED_MS"


def pin(now_ms: int) -> None:
    randomness = random.Random(now_ms)

    def urandom(size: int) -> bytes:
        return randomness.randbytes(size)

    os.urandom = urandom
    random._urandom = urandom  # type: ignore[attr-defined]  # SystemRandom, secrets

    import uuid6

    counter = itertools.count(1)

    def uuid7() -> uuid6.UUID:
        return uuid6.UUID(int=((now_ms & 0xFFFFFFFFFFFF) << 80) | next(counter), version=7)

    uuid6.uuid7 = uuid7  # before app.store.eventlog imports it

    import app.wall_clock

    app.wall_clock.system_wall = lambda: now_ms


if __name__ == "__main__":
    pin(int(os.environ[PINNED_ENV]))
    sys.argv[0] = "towndesk"
    runpy.run_module("app", run_name="__main__", alter_sys=True)
