"""towndesk encrypt, and every command on an encrypted database: the device password from
TOWNDESK_KEY_PASSWORD (or a prompt), refused plainly without it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.cli import cmd_sync
from app.store.blob_cipher import MAGIC
from app.store.blobs import BlobStore
from app.store.encryption import is_encrypted
from app.store.eventlog import this_device
from app.store.setup import open_database
from app.sync.unlocking import unlock_database
from tests.cli.signed import run
from tests.cli.test_cli import fails, ok
from tests.images import TINY_JPEG

PASSWORD = "office-keys"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def encrypted(demo_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("TOWNDESK_KEY_PASSWORD", raising=False)
    out = ok(capsys, "encrypt", "--db", str(demo_path), "--key-password", PASSWORD)
    assert "已删除明文副本" in out and "数据库已加密" in out
    assert is_encrypted(demo_path)
    return demo_path


def test_commands_on_an_encrypted_database_need_the_device_password(
    encrypted: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(encrypted)
    err = fails(capsys, "case", "list", "--db", str(encrypted))  # no terminal to ask on
    assert "TOWNDESK_KEY_PASSWORD" in err
    monkeypatch.setenv("TOWNDESK_KEY_PASSWORD", "wrong-password")
    assert "不正确" in fails(capsys, "case", "list", "--db", str(encrypted))
    assert digest(encrypted) == before
    monkeypatch.setenv("TOWNDESK_KEY_PASSWORD", PASSWORD)
    assert "共 " in ok(capsys, "case", "list", "--db", str(encrypted), "--limit", "1")


def test_encrypting_twice_is_refused_plainly(
    encrypted: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOWNDESK_KEY_PASSWORD", PASSWORD)
    before = digest(encrypted)
    assert "已经是加密的" in fails(capsys, "encrypt", "--db", str(encrypted))
    assert digest(encrypted) == before


def test_a_missing_key_file_is_explained(encrypted: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("TOWNDESK_KEY_PASSWORD", PASSWORD)
    encrypted.with_name(encrypted.name + ".keys").unlink()
    err = fails(capsys, "case", "list", "--db", str(encrypted))
    assert "密钥文件" in err and "放回" in err


def test_a_write_on_an_encrypted_database_signs_the_chain_head_in_its_transaction(
    encrypted: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The device password that opened the database opened the device's keys too: the
    command's write signs our chain head, so verify has no unsigned tail to excuse."""
    monkeypatch.setenv("TOWNDESK_KEY_PASSWORD", PASSWORD)
    ok(capsys, "case", "add", "--db", str(encrypted), "--category", "0101", "--grid", "G01",
       "--description", "巷口有人占道经营，请核实处理")  # fmt: skip
    db = open_database(unlock_database(encrypted, PASSWORD))
    me = this_device(db).id
    newest = db.execute("SELECT max(device_seq) FROM events WHERE device_id = ?", [me])
    signed = db.execute("SELECT max(seq) FROM chain_heads WHERE device_id = ?", [me])
    assert signed.fetchone()[0] == newest.fetchone()[0]
    db.close()
    out = ok(capsys, "verify", "--db", str(encrypted), "--quick")
    assert "还没有签名担保" not in out and "未发现问题" in out


# -- evidence files ----------------------------------------------------------------------

MARK = b"EXIF 2026:11:26 14:05 QINGSHI-KNOWN-PHOTO"


def add_case_with_photo(capsys, database: Path, folder: Path, name: str) -> bytes:
    folder.mkdir(exist_ok=True)
    photo = folder / name
    photo.write_bytes(TINY_JPEG + MARK + name.encode())
    ok(capsys, "case", "add", "--db", str(database), "--category", "0101", "--grid", "G01",
       "--description", f"巷口有人占道经营（{name}）", "--photo", str(photo))  # fmt: skip
    return photo.read_bytes()


def stored(database: Path) -> list[Path]:
    return sorted(p for p in (database.parent / "blobs").rglob("*") if p.is_file())


def test_encrypt_encrypts_the_evidence_files_and_says_how_many(
    demo_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("TOWNDESK_KEY_PASSWORD", raising=False)
    photos = [
        add_case_with_photo(capsys, demo_path, tmp_path / "camera", f"现场{n}.jpg")
        for n in range(3)
    ]
    assert [p.read_bytes() for p in stored(demo_path)] == sorted(
        photos, key=lambda data: hashlib.sha256(data).hexdigest()
    )
    out = ok(capsys, "encrypt", "--db", str(demo_path), "--key-password", PASSWORD)
    assert "已加密证据文件 3 个" in out
    for path in stored(demo_path):
        data = path.read_bytes()
        assert data.startswith(MAGIC)
        assert MARK not in data and TINY_JPEG[:100] not in data
    # read back through the store, with the database's key, whole
    store = BlobStore.beside(unlock_database(demo_path, PASSWORD))
    assert sorted(store.read_bytes(p.name) for p in stored(demo_path)) == sorted(photos)


def test_an_interrupted_encryption_of_evidence_is_finished_by_running_again(
    demo_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Killed after the database and one evidence file: the other files are still plain.
    Running encrypt again encrypts them (and only them); a third time there is nothing."""
    monkeypatch.delenv("TOWNDESK_KEY_PASSWORD", raising=False)
    first = add_case_with_photo(capsys, demo_path, tmp_path / "camera", "现场一.jpg")
    second = add_case_with_photo(capsys, demo_path, tmp_path / "camera", "现场二.jpg")
    plain = {p.name: p.read_bytes() for p in stored(demo_path)}
    ok(capsys, "encrypt", "--db", str(demo_path), "--key-password", PASSWORD)
    left_plain = hashlib.sha256(second).hexdigest()
    (demo_path.parent / "blobs" / left_plain[:2] / left_plain).write_bytes(plain[left_plain])
    before = digest(demo_path)

    out = ok(capsys, "encrypt", "--db", str(demo_path), "--key-password", PASSWORD)

    assert "已加密证据文件 1 个" in out
    assert digest(demo_path) == before  # the database was encrypted already: untouched
    assert all(p.read_bytes().startswith(MAGIC) for p in stored(demo_path))
    store = BlobStore.beside(unlock_database(demo_path, PASSWORD))
    assert store.read_bytes(hashlib.sha256(first).hexdigest()) == first
    assert store.read_bytes(left_plain) == second
    monkeypatch.setenv("TOWNDESK_KEY_PASSWORD", PASSWORD)
    assert "已经是加密的" in fails(capsys, "encrypt", "--db", str(demo_path))


def test_a_photo_added_after_encryption_is_stored_encrypted(
    encrypted: Path, capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TOWNDESK_KEY_PASSWORD", PASSWORD)
    photo = add_case_with_photo(capsys, encrypted, tmp_path / "camera", "加密后.jpg")
    [path] = stored(encrypted)
    assert path.name == hashlib.sha256(photo).hexdigest()
    assert path.read_bytes().startswith(MAGIC) and MARK not in path.read_bytes()
    out = ok(capsys, "verify", "--db", str(encrypted), "--quick")
    assert "未发现问题" in out


def test_a_damaged_evidence_file_is_named_and_the_rest_encrypted(
    demo_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A stored file that no longer holds what its name says stays as it is: the database
    and the other files are encrypted, the command names it and ends with status 1, and a
    run again names it again."""
    monkeypatch.delenv("TOWNDESK_KEY_PASSWORD", raising=False)
    good = add_case_with_photo(capsys, demo_path, tmp_path / "camera", "现场一.jpg")
    bad = add_case_with_photo(capsys, demo_path, tmp_path / "camera", "现场二.jpg")
    bad_name = hashlib.sha256(bad).hexdigest()
    (demo_path.parent / "blobs" / bad_name[:2] / bad_name).write_bytes(b"changed on disk")
    argv = ["encrypt", "--db", str(demo_path), "--key-password", PASSWORD]
    for encrypted_now in (1, 0):
        assert run(argv) == 1
        out, err = capsys.readouterr()
        assert f"已加密证据文件 {encrypted_now} 个" in out and "数据库已加密" in out
        assert f"有 1 个证据文件已损坏或无法读取，未能加密，仍为明文：{bad_name[:12]}" in err
        assert "Traceback" not in err
    assert is_encrypted(demo_path)
    store = BlobStore.beside(unlock_database(demo_path, PASSWORD))
    assert store.read_bytes(hashlib.sha256(good).hexdigest()) == good
    assert not store.is_sealed(bad_name)


def test_verify_names_the_evidence_files_encrypt_has_not_reached(
    demo_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Beside an encrypted database a plain evidence file is a task left, not damage: verify
    names it (its case and file name, its hash) and says to run encrypt, and still passes.
    Beside a plain database every file is plain by design: nothing is said."""
    monkeypatch.delenv("TOWNDESK_KEY_PASSWORD", raising=False)
    first = add_case_with_photo(capsys, demo_path, tmp_path / "camera", "现场一.jpg")
    second = add_case_with_photo(capsys, demo_path, tmp_path / "camera", "现场二.jpg")
    orphan = TINY_JPEG + b"copied in, then its case refused"
    orphan_name = hashlib.sha256(orphan).hexdigest()
    (demo_path.parent / "blobs" / orphan_name[:2]).mkdir(exist_ok=True)
    (demo_path.parent / "blobs" / orphan_name[:2] / orphan_name).write_bytes(orphan)
    db = open_database(demo_path)
    [(number,)] = db.execute(
        "SELECT number FROM cases WHERE description = '巷口有人占道经营（现场二.jpg）'"
    ).fetchall()
    db.close()
    out = ok(capsys, "verify", "--db", str(demo_path), "--quick")
    assert "未发现问题" in out and "明文" not in out
    ok(capsys, "encrypt", "--db", str(demo_path), "--key-password", PASSWORD)
    left_plain = hashlib.sha256(second).hexdigest()
    (demo_path.parent / "blobs" / left_plain[:2] / left_plain).write_bytes(second)
    (demo_path.parent / "blobs" / orphan_name[:2] / orphan_name).write_bytes(orphan)
    monkeypatch.setenv("TOWNDESK_KEY_PASSWORD", PASSWORD)

    out = ok(capsys, "verify", "--db", str(demo_path), "--quick")  # exit status 0

    assert "结果：未发现问题。" in out
    assert "还有 2 个证据文件是明文" in out
    assert f"  - 案件 {number} 的“现场二.jpg”，SHA-256：{left_plain}\n" in out
    assert f"  - 没有案件记录引用的文件，SHA-256：{orphan_name}\n" in out
    assert hashlib.sha256(first).hexdigest() not in out  # encrypted: not named
    assert "请运行 towndesk encrypt 把它们加密" in out
    assert run(["verify", "--db", str(demo_path), "--quick", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["ok"] is True
    assert sorted(found["evidence_plain"], key=lambda item: item["sha256"]) == sorted(
        [
            {"sha256": left_plain, "cases": [{"number": number, "file_name": "现场二.jpg"}]},
            {"sha256": orphan_name, "cases": []},
        ],
        key=lambda item: item["sha256"],
    )

    monkeypatch.setattr(cmd_sync, "PLAIN_LINES", 1)  # many left plain: the rest counted
    out = ok(capsys, "verify", "--db", str(demo_path), "--quick")
    assert out.count("，SHA-256：") == 1 and "  - 另有 1 个未逐个列出（--json 列出全部）" in out

    ok(capsys, "encrypt", "--db", str(demo_path))
    out = ok(capsys, "verify", "--db", str(demo_path), "--quick")
    assert "明文" not in out and "未发现问题" in out
