"""Crafted ``secrets.jsonl`` members (issue 12): a secret that does not hash to its ref, a
line too long, more secrets than the cap or than signed, a member the manifest names but
the file lacks, a member the manifest does not name. Each is refused with its class, by
verify and import alike, and the laptop's database is exactly as it was (``refused``).
Files are forged from a genuine office file and re-signed with the office's own key
(tests/sync/forge.py), so only the checks after the signature can refuse them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from app.core.events import canonical_json
from app.core.secrets import secret_ref
from app.store.reference import password_hash
from tests.sync import forge
from tests.sync.conftest import Node
from tests.sync.test_bad_files import recipients, refused, small_limits


@pytest.fixture
def parts(office: Node, laptop: Node, tmp_path: Path) -> forge.Parts:
    """A genuine file from the office to the grid worker's laptop, taken apart: it carries
    the grid workers' password (one hash, shared by the demo's grid workers)."""
    source = tmp_path / "down.tdsync"
    office.export_to(laptop, source)
    parts = forge.open_parts(source, laptop.keys)
    assert parts.secrets is not None and parts.manifest["secrets"]["count"] == 1
    return parts


def lines_of(parts: forge.Parts) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (parts.secrets or b"").splitlines()]


def with_secrets(
    parts: forge.Parts, office: Node, lines: list[dict[str, Any]], count: int | None = None
) -> forge.Parts:
    """The member as ``lines``, named in the manifest (its hash, ``count`` or the number of
    lines) and signed again by the office."""
    data = "".join(canonical_json(line) + "\n" for line in lines).encode()
    parts.secrets = data
    parts.manifest["secrets"] = {
        "count": len(lines) if count is None else count,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    return forge.sign(parts, office.keys)


def secret(value: str) -> dict[str, str]:
    return {"ref": secret_ref(value), "value": value}


def build(parts: forge.Parts, laptop: Node, tmp_path: Path) -> Path:
    return forge.build(tmp_path / "crafted.tdsync", parts, recipients(laptop))


def test_the_rebuilt_genuine_file_imports_and_the_laptop_keeps_only_what_it_needs(
    office: Node, laptop: Node, parts: forge.Parts, tmp_path: Path
) -> None:
    """The control, with one more genuine secret the office had no business sending (the
    clerk's password): well signed, so accepted, yet the laptop does not keep it."""
    clerk = password_hash(office.db, "clerk")
    assert clerk
    with_secrets(parts, office, [*lines_of(parts), secret(clerk)])
    laptop.import_file(build(parts, laptop, tmp_path))
    held = [value for (value,) in laptop.db.execute("SELECT value FROM secrets")]
    assert held == [password_hash(office.db, "wgy01")]


def test_a_secret_that_does_not_hash_to_its_ref_is_refused(
    office: Node, laptop: Node, parts: forge.Parts, tmp_path: Path
) -> None:
    [line] = lines_of(parts)
    forged = {"ref": line["ref"], "value": password_hash(office.db, "admin")}
    with_secrets(parts, office, [forged])
    error = refused(laptop, build(parts, laptop, tmp_path), "sync_secret_mismatch")
    assert line["ref"][:12] in str(error)


def test_a_secret_line_too_long_is_refused(
    office: Node, laptop: Node, parts: forge.Parts, tmp_path: Path
) -> None:
    with_secrets(parts, office, [*lines_of(parts), secret("$argon2id$" + "x" * 9000)])
    error = refused(laptop, build(parts, laptop, tmp_path), "sync_limits")
    assert "a line too long" in str(error)


def test_more_secrets_than_the_cap_are_refused_before_any_is_read(
    office: Node, laptop: Node, parts: forge.Parts, tmp_path: Path
) -> None:
    extra = [secret(f"$argon2id$fake-{n}") for n in range(2)]
    with_secrets(parts, office, [*lines_of(parts), *extra])
    source = build(parts, laptop, tmp_path)
    with small_limits(secrets=2):
        assert "3 secrets" in str(refused(laptop, source, "sync_limits"))


def test_more_secret_lines_than_signed_are_refused(
    office: Node, laptop: Node, parts: forge.Parts, tmp_path: Path
) -> None:
    with_secrets(parts, office, [*lines_of(parts), secret("$argon2id$fake")], count=1)
    error = refused(laptop, build(parts, laptop, tmp_path), "sync_damaged")
    assert "secret count" in str(error)


def test_a_secrets_member_changed_after_signing_is_refused(
    office: Node, laptop: Node, parts: forge.Parts, tmp_path: Path
) -> None:
    signed_hash = parts.manifest["secrets"]["sha256"]
    with_secrets(parts, office, [*lines_of(parts), secret("$argon2id$fake")])
    parts.manifest["secrets"]["sha256"] = signed_hash  # the member differs from what is signed
    forge.sign(parts, office.keys)
    error = refused(laptop, build(parts, laptop, tmp_path), "sync_damaged")
    assert "secrets.jsonl hash" in str(error)


def test_a_secrets_member_named_in_the_manifest_but_missing_is_refused(
    laptop: Node, parts: forge.Parts, tmp_path: Path
) -> None:
    parts.secrets = None  # the manifest, signed as it was, still names it
    error = refused(laptop, build(parts, laptop, tmp_path), "sync_damaged")
    assert "secrets.jsonl missing" in str(error)


def test_a_secrets_member_the_manifest_does_not_name_is_refused(
    office: Node, laptop: Node, parts: forge.Parts, tmp_path: Path
) -> None:
    del parts.manifest["secrets"]
    forge.sign(parts, office.keys)
    error = refused(laptop, build(parts, laptop, tmp_path), "sync_unexpected_member")
    assert "secrets.jsonl" in str(error)
