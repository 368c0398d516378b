"""Kill -9 at random moments of every writing command: ``case add``, ``case act`` (five
steps of a case's path), ``setup import``, ``lists import``, ``sync import`` and ``demo``,
each run as the real command line in its own process (``tests.kill.trials`` says what
every trial checks, ``tests.kill.worlds`` what each command works on).

How many: ``TOWNDESK_KILL_TRIALS`` in all, shared evenly between the commands (at least
``MIN_PER_COMMAND`` each): 30 in ``make test``, 200 in ``make kill-trials``.

When: each command's complete run is measured first (the mean of two). Trial ``i`` of a
command kills it at a moment drawn from a seeded generator (``random.Random`` of the
command's name and ``i``: the same moments every run). Two trials in three are timed from
the start, stratified so they spread: alternately over the whole run and a little beyond
(0 to 1.1 times its length: from before Python has started to after it has exited) and
over its last part (0.6 to 1.05 times: where the command writes, after its imports and
its sign-in). Every third trial waits for a moment seen from outside instead (the
command's ``phases``: an evidence file being written or stored whole, the database's
write-ahead log growing, decrypted sync data on disk, the demo renamed into place) and
kills 0 to 20 ms after it, so the short moments that matter are hit whatever the load.

Known bugs (evidence a killed command leaves) are strict xfails of their own below; a
trial that meets one of them is reported with what it left, and its command's test then
ends as xfail, after every trial has passed every other check.
"""

from __future__ import annotations

import math
import os
import random
from pathlib import Path

import pytest

from tests.kill.trials import EVIDENCE, STORED, Outcome, Phase, Scenario, judge, kill_after
from tests.kill.worlds import BUILDERS, Worlds

TRIALS_ENV = "TOWNDESK_KILL_TRIALS"
TRIALS = int(os.environ.get(TRIALS_ENV, "30"))
MIN_PER_COMMAND = 2
COMMANDS = list(BUILDERS)
PER_COMMAND = max(MIN_PER_COMMAND, math.ceil(TRIALS / len(COMMANDS)))
WHOLE_RUN, LATE_PART = (0.0, 1.1), (0.6, 1.05)
PHASE_DELAY_S = 0.020

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL (POSIX)"),
]


def kill_moments(name: str, seconds: float, count: int) -> list[float]:
    """Seconds after the start, ``count`` of them, stratified over the two spans."""
    moments = []
    for i in range(count):
        lo, hi = WHOLE_RUN if i % 2 == 0 else LATE_PART
        strata = (count + 1) // 2 if i % 2 == 0 else count // 2
        width = (hi - lo) / strata
        fraction = lo + (i // 2 + random.Random(f"{name}:{i}").random()) * width
        moments.append(fraction * seconds)
    return moments


def trial_plan(scene: Scenario, count: int) -> list[tuple[float, Phase | None]]:
    """(delay, phase) per trial: every third waits for a phase, the others are timed."""
    phased = count // 3
    timed = iter(kill_moments(scene.name, scene.seconds, count - phased))
    plan: list[tuple[float, Phase | None]] = []
    for i in range(count):
        if i % 3 == 2:
            phase = scene.phases[(i // 3) % len(scene.phases)]
            plan.append((random.Random(f"{scene.name}:{i}").uniform(0, PHASE_DELAY_S), phase))
        else:
            plan.append((next(timed), None))
    return plan


def test_moments_spread_over_the_run_early_and_late() -> None:
    moments = kill_moments("case add", 1.0, 20)
    assert moments == kill_moments("case add", 1.0, 20)  # the same every run
    assert min(moments) < 0.11 and max(moments) > 0.99
    assert sum(m >= 0.6 for m in moments) >= 10


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_killed_at_any_moment_leaves_before_or_after(
    worlds: Worlds, tmp_path: Path, command: str
) -> None:
    scene = worlds.get(command)
    outcomes: list[Outcome] = []
    for n, (delay, phase) in enumerate(trial_plan(scene, PER_COMMAND)):
        db, pid, killed = kill_after(scene, delay, tmp_path / f"trial-{n}", phase)
        moment = f"{delay * 1000:.0f} ms after " + (phase.name if phase else "its start")
        outcomes.append(judge(scene, db, pid, killed, moment))
    states = {state: sum(o.state == state for o in outcomes) for state in ("before", "after")}
    print(
        f"\n{command}: {len(outcomes)} kills over a {scene.seconds * 1000:.0f} ms run: "
        f"{states['before']} before, {states['after']} after, "
        f"{sum(not o.killed for o in outcomes)} finished first"
    )
    for outcome in outcomes:
        print(f"  {outcome.words()}")
    left = [o.words() for o in outcomes if o.leftovers]
    if left:
        pytest.xfail(f"{HALF_WRITTEN}; or {RECORDED_NOWHERE}: " + "; ".join(left))


class EvidenceLeft(AssertionError):
    """Evidence files a killed command left beside the database after the next start."""


HALF_WRITTEN = (
    "bug: a command killed while copying a photo in leaves its half-written "
    "blobs/.incoming-* copy for good (BlobStore.sweep_leftovers runs only in sync import)"
)
RECORDED_NOWHERE = (
    "bug: a command killed after copying a photo in but before its commit leaves the whole "
    "copy, which no record names, for good: nothing on the command line sweeps such "
    "copies (nor a half-written one beside it)"
)


@pytest.mark.parametrize(
    ("command", "phase"),
    [
        pytest.param(
            "case add",
            EVIDENCE,
            marks=pytest.mark.xfail(strict=True, raises=EvidenceLeft, reason=HALF_WRITTEN),
        ),
        pytest.param(
            "case add",
            STORED,
            marks=pytest.mark.xfail(strict=True, raises=EvidenceLeft, reason=RECORDED_NOWHERE),
        ),
        pytest.param(
            "case act feedback",
            STORED,
            marks=pytest.mark.xfail(strict=True, raises=EvidenceLeft, reason=RECORDED_NOWHERE),
        ),
    ],
    ids=["half-written", "stored-whole", "feedback-stored-whole"],
)
def test_evidence_of_a_command_killed_while_storing_it_is_swept_at_the_next_start(
    worlds: Worlds, tmp_path: Path, command: str, phase: Phase
) -> None:
    """Killed as soon as ``phase`` is seen. The photos come first, a small one and then a
    large one (5 MB of noise): on the first copy being written, that copy is half-written;
    on the first stored whole, it is recorded nowhere and the large one is half-written."""
    scene = worlds.get(command)
    db, pid, killed = kill_after(scene, 0.0, tmp_path, phase)
    assert killed, "the kill came too late: the command had finished"
    outcome = judge(scene, db, pid, killed, f"as soon as {phase.name}")
    assert outcome.state == "before"
    if outcome.leftovers:
        raise EvidenceLeft(outcome.words())
