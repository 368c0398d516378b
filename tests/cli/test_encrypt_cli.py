"""towndesk encrypt, and every command on an encrypted database: the device password from
TOWNDESK_KEY_PASSWORD (or a prompt), refused plainly without it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.store.encryption import is_encrypted
from app.store.eventlog import this_device
from app.store.setup import open_database
from app.sync.unlocking import unlock_database
from tests.cli.test_cli import fails, ok

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
