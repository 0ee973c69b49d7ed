"""The key that seals this user's indexes, and the seal: an HMAC-SHA256 made with it.

whoosh's files hold pickles, and reading a pickle runs whatever it names. So udocs reads
back only an index it wrote for this user: each commit's manifest (`engine.manifest`), which
holds the SHA-256 of every index file, is sealed with a key only this user can read. An
index shipped beside a corpus, copied from another user or machine, or edited by anyone
else carries no seal, or one made with another key, and is rebuilt from the corpus.

The key is 32 random bytes in the user's config folder (`~/.config/udocs/index.key` on
Linux), mode 0600, made when udocs first writes an index. No whoosh here.
"""

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

from uyghur_docs.errors import IndexKeyError

KEY_FILE = "index.key"
_KEY_BYTES = 32


def key_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("udocs", appauthor=False) / KEY_FILE


def key(make: bool) -> bytes | None:
    """This user's key; None when there is none yet and `make` is false (no index of this
    user's can be sealed then)."""
    path = key_path()
    try:
        return _read(path)
    except FileNotFoundError:
        if not make:
            return None
    _make(path)
    return _read(path)


def sign(key: bytes, body: bytes) -> str:
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def signed(key: bytes, body: bytes, mac: bytes) -> bool:
    """Whether `mac` (as written: any bytes) is this key's seal of `body`."""
    return hmac.compare_digest(sign(key, body).encode(), mac)


def _read(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise IndexKeyError(path, f"cannot be read ({exc.strerror})") from exc
    try:
        why = _unsafe(os.fstat(fd))
        if why:
            raise IndexKeyError(path, why)
        data = os.read(fd, _KEY_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) != _KEY_BYTES:
        raise IndexKeyError(path, f"holds {len(data)} bytes, not a key's {_KEY_BYTES}")
    return data


def _unsafe(info: os.stat_result) -> str | None:
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file"
    if info.st_uid != os.getuid():
        return "belongs to another user"
    if info.st_mode & 0o077:
        return f"can be read or written by others (mode {stat.filemode(info.st_mode)})"
    return None


def _make(path: Path) -> None:
    """Write a new key beside its place, then link it there: the link fails if another
    udocs made one first (that one is kept), and no reader ever sees half a key."""
    temp = path.with_name(f".{KEY_FILE}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, secrets.token_bytes(_KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
    except OSError as exc:
        raise IndexKeyError(path, f"cannot be made ({exc.strerror})") from exc
    finally:
        temp.unlink(missing_ok=True)
