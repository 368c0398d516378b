"""A device's keys: Ed25519 to sign what it sends, age X25519 to open what it receives.

The private keys live in a key file beside the database (``towndesk.db.keys``), never in
the database itself, so a copy or backup of the database carries no secret. The key file
is sealed with ChaCha20-Poly1305 under a key stretched from the device password by
argon2id; its parameters are stored in the file so tests can choose cheap ones.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyrage
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.core.errors import DomainError
from app.store import encryption

KEY_FILE_FORMAT = "towndesk-keys"
MIN_PASSWORD = 6


@dataclass(frozen=True)
class KdfCost:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


STRONG = KdfCost()
CHEAP = KdfCost(time_cost=1, memory_kib=8, parallelism=1)  # for tests and benchmarks only


@dataclass(frozen=True)
class PublicKeys:
    sign_key: str  # Ed25519 public key, hex
    box_key: str  # age recipient, age1...

    @property
    def fingerprint(self) -> str:
        """Short and readable, to compare on the phone: the first 16 hex of the sign key."""
        return ":".join(self.sign_key[i : i + 4] for i in range(0, 16, 4)).upper()


@dataclass(frozen=True)
class DeviceKeys:
    device_id: str
    sign: Ed25519PrivateKey
    box: pyrage.x25519.Identity
    escrow: pyrage.x25519.Identity | None = None  # the office holds the escrow key
    # SQLCipher's raw key of this device's database (store/encryption.py); None: plain
    database_key: bytes | None = field(default=None, repr=False)

    @classmethod
    def generate(cls, device_id: str, with_escrow: bool = False) -> DeviceKeys:
        escrow = pyrage.x25519.Identity.generate() if with_escrow else None
        return cls(
            device_id, Ed25519PrivateKey.generate(), pyrage.x25519.Identity.generate(), escrow
        )

    @property
    def public(self) -> PublicKeys:
        raw = self.sign.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKeys(raw.hex(), str(self.box.to_public()))

    @property
    def escrow_recipient(self) -> str | None:
        return str(self.escrow.to_public()) if self.escrow else None

    def signature(self, data: bytes) -> str:
        return self.sign.sign(data).hex()

    def identities(self) -> list[pyrage.x25519.Identity]:
        return [self.box] + ([self.escrow] if self.escrow else [])

    def secrets_json(self) -> bytes:
        raw_sign = self.sign.private_bytes_raw().hex()
        escrow = str(self.escrow) if self.escrow else None
        body = {"device_id": self.device_id, "sign": raw_sign, "box": str(self.box)}
        if self.database_key is not None:
            body["database"] = self.database_key.hex()
        return json.dumps(body | {"escrow": escrow}).encode()

    @classmethod
    def from_secrets_json(cls, data: bytes) -> DeviceKeys:
        body = json.loads(data)
        escrow, database = body.get("escrow"), body.get("database")
        return cls(
            body["device_id"],
            Ed25519PrivateKey.from_private_bytes(bytes.fromhex(body["sign"])),
            pyrage.x25519.Identity.from_str(body["box"]),
            pyrage.x25519.Identity.from_str(escrow) if escrow else None,
            bytes.fromhex(database) if database else None,
        )


def signature_valid(sign_key_hex: str, signature_hex: str, data: bytes) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(sign_key_hex))
        key.verify(bytes.fromhex(signature_hex), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def key_file_beside(database: Path) -> Path:
    return encryption.key_file_beside(database)  # named once, in the store


def _stretch(password: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(
        password.encode(),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def seal(secret: bytes, password: str, label: str, cost: KdfCost = STRONG) -> bytes:
    """``secret`` encrypted under ``password``; ``label`` is bound to it (what it is for)."""
    if len(password) < MIN_PASSWORD:
        raise DomainError("key_password_short", limit=MIN_PASSWORD)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    box = ChaCha20Poly1305(_stretch(password, salt, cost))
    sealed = {
        "format": KEY_FILE_FORMAT,
        "version": 1,
        "label": label,
        "kdf": {
            "name": "argon2id",
            "time_cost": cost.time_cost,
            "memory_kib": cost.memory_kib,
            "parallelism": cost.parallelism,
            "salt": salt.hex(),
        },
        "nonce": nonce.hex(),
        "ciphertext": box.encrypt(nonce, secret, label.encode()).hex(),
    }
    return json.dumps(sealed, indent=1).encode()


def unseal(data: bytes, password: str, label: str) -> bytes:
    try:
        sealed = json.loads(data)
        if sealed.get("format") != KEY_FILE_FORMAT or sealed.get("label") != label:
            raise ValueError(label)
        kdf = sealed["kdf"]
        cost = KdfCost(kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"])
        key = _stretch(password, bytes.fromhex(kdf["salt"]), cost)
        nonce, ciphertext = bytes.fromhex(sealed["nonce"]), bytes.fromhex(sealed["ciphertext"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise DomainError("key_file_damaged") from error
    try:
        return ChaCha20Poly1305(key).decrypt(nonce, ciphertext, label.encode())
    except InvalidTag:
        raise DomainError("key_password_wrong") from None


def save_keys(keys: DeviceKeys, path: Path, password: str, cost: KdfCost = STRONG) -> None:
    """Write the key file atomically, readable by this user only."""
    sealed = seal(keys.secrets_json(), password, f"device {keys.device_id}", cost)
    write_private_file(path, sealed)


def key_file_device(path: Path) -> str:
    """The device a key file belongs to, read from its (unencrypted) label: what opens an
    encrypted database before the database can say which device it is."""
    if not path.is_file():
        raise DomainError("key_file_missing", value=str(path))
    try:
        label = json.loads(path.read_bytes())["label"]
        if not isinstance(label, str) or not label.startswith("device "):
            raise ValueError(label)
    except (ValueError, KeyError, TypeError) as error:
        raise DomainError("key_file_damaged") from error
    return label.removeprefix("device ")


def load_keys(path: Path, device_id: str, password: str) -> DeviceKeys:
    if not path.is_file():
        raise DomainError("key_file_missing", value=str(path))
    keys = DeviceKeys.from_secrets_json(unseal(path.read_bytes(), password, f"device {device_id}"))
    if keys.device_id != device_id:
        raise DomainError("key_file_damaged")
    return keys


def write_private_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".keys-")
    try:
        os.chmod(temporary, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def self_test() -> list[str]:
    """Sign, verify, seal and encrypt once: proves the crypto libraries are bundled."""
    try:
        keys = DeviceKeys.generate("self-test", with_escrow=True)
        if not signature_valid(keys.public.sign_key, keys.signature(b"x"), b"x"):
            return ["Ed25519 签名校验失败"]
        if unseal(seal(b"secret", "password", "test", CHEAP), "password", "test") != b"secret":
            return ["密钥文件加解密失败"]
        box = pyrage.encrypt(b"sync", [keys.box.to_public()])
        if pyrage.decrypt(box, keys.identities()) != b"sync":
            return ["age 加解密失败"]
    except Exception as error:  # any failure here is the answer
        return [f"加密组件不可用：{error}"]
    return []
