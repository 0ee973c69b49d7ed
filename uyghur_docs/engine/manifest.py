"""What each commit wrote, sealed: every index file's size, stamps and SHA-256, recorded with
the commit under this user's seal (`engine.seal`), and checked before whoosh opens a file.

whoosh unpickles its table of contents, segment lists, stored fields and term tables, so a
file udocs did not write is never read: the manifest's seal must be this user's, every file
it names must be a regular file of this user's that no one else can write, and each must
hold the bytes sealed. That also finds a truncated or overwritten file before whoosh reads
it (whoosh reads such a file as far as it can and fails somewhere inside, or answers
wrongly).

It costs one stat per file: a file's SHA-256 is computed again only when its size,
modification time, change time or inode differs from what the commit recorded. The change
time is the guard: any write to a file, or a reset of its modification time, sets it to the
clock's time, which only the system's administrator can set back; so bytes changed in place
with the size and modification time kept (a forged CRC) are hashed, and caught. No whoosh
here, so that a listing can ask whether the index is intact without loading the engine.
"""

import hashlib
import json
import os
import re
import stat
from pathlib import Path

from uyghur_docs.engine import seal
from uyghur_docs.errors import IndexDamaged, IndexUnsealed, IndexUntrusted

INDEX_NAME = "paragraphs"
TOC_GLOB = f"_{INDEX_NAME}_*.toc"
# whoosh's own pattern for a table of contents, ASCII digits only.
_TOC = re.compile(rf"_{INDEX_NAME}_([0-9]+)\.toc", re.ASCII)
_CHUNK = 1 << 20
# A manifest lists a few hundred files; anything far larger is not one.
_MOST = 16 << 20


def name(generation: int) -> str:
    return f"_{INDEX_NAME}_{generation}.sums"


def toc_name(generation: int) -> str:
    return f"_{INDEX_NAME}_{generation}.toc"


def exists(index_dir: Path) -> bool:
    """Whether an index has been built in this folder."""
    return latest_generation(index_dir) is not None


def latest_generation(index_dir: Path) -> int | None:
    """The highest-numbered table of contents, the one whoosh would take for the index."""
    try:
        found = [_TOC.fullmatch(path.name) for path in index_dir.glob(TOC_GLOB)]
    except OSError:
        return None
    numbers = [int(match[1]) for match in found if match]
    return max(numbers) if numbers else None


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def stamps(index_dir: Path, names: list[str], generation: int) -> dict[str, list]:
    """What the manifest of a generation records of its files (see `_stamp`). A file the
    generation before sealed keeps its digest, hashed again only if its stamp moved (and
    then it must still match: a commit never seals bytes it did not write); a new file,
    written by this run, is made owner-only and hashed."""
    try:
        before = _files(index_dir, generation - 1)
    except IndexDamaged:
        before = {}
    found = {}
    for file_name in names:
        path, old = index_dir / file_name, before.get(file_name)
        if old is None:
            path.chmod(0o600)
            found[file_name] = [*_stamp(path.stat()), digest(path)]
            continue
        problem = _problem(path, old)
        if problem:
            raise IndexDamaged(index_dir, f"{file_name} {problem}")
        found[file_name] = restamped(path, old)
    return found


def restamped(path: Path, sealed: list) -> list:
    """A sealed file's entry with its stamp as it is now (its bytes are as sealed)."""
    return [*_stamp(path.stat()), sealed[-1]]


def _stamp(info: os.stat_result) -> list[int]:
    """Size, modification time, change time (ns) and inode: a file with all four as sealed
    is taken as sealed without reading it."""
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def write(index_dir: Path, generation: int, files: dict[str, list]) -> None:
    """Seal a generation's files (name -> stamp and digest), replacing the folder's manifest
    in one step; it must be in place before the table of contents that it describes."""
    body = json.dumps({"generation": generation, "files": files}).encode()
    mac = seal.sign(seal.key(make=True), body)
    target = index_dir / name(generation)
    temp = index_dir / f".{target.name}.tmp"
    temp.write_bytes(f"{mac}\n".encode() + body)
    temp.chmod(0o600)
    os.replace(temp, target)


def seal_new(index_dir: Path) -> None:
    """Seal the empty index whoosh has just created (generation 0: its table of contents)."""
    write(index_dir, 0, stamps(index_dir, [toc_name(0)], 0))


def clean(index_dir: Path, generation: int) -> None:
    """Remove the manifests of other generations, and temporary files of killed commits."""
    keep = name(generation)
    for path in [*index_dir.glob(f"_{INDEX_NAME}_*.sums"), *index_dir.glob(f"._{INDEX_NAME}_*")]:
        if path.name != keep:
            path.unlink(missing_ok=True)


def verify(index_dir: Path) -> int | None:
    """The generation whoosh may open, once its every file is as this user's udocs sealed
    it (None: no index). Raise IndexUntrusted for a folder others can write to,
    IndexUnsealed for an index not sealed for this user, IndexDamaged for a sealed file
    that is missing or changed."""
    generation = latest_generation(index_dir)
    if generation is None:
        return None
    check_folder(index_dir)
    files = _files(index_dir, generation)
    if toc_name(generation) not in files:
        raise IndexUnsealed(index_dir, f"{name(generation)} does not seal its table of contents")
    for file_name, expected in files.items():
        problem = _problem(index_dir / file_name, expected)
        if problem:
            raise IndexDamaged(index_dir, f"{file_name} {problem}")
    return generation


def check_folder(index_dir: Path) -> None:
    """Refuse a folder someone else could add or swap files in, between the check and
    whoosh's reading them (and, before a command writes anything, one it would write to
    only to refuse it on the next read)."""
    info = index_dir.stat()
    if info.st_uid != os.getuid():
        raise IndexUntrusted(index_dir, "belongs to another user")
    if info.st_mode & 0o022:
        why = f"is writable by group or others (mode {stat.filemode(info.st_mode)})"
        raise IndexUntrusted(index_dir, why)


def _files(index_dir: Path, generation: int) -> dict[str, list]:
    path = index_dir / name(generation)
    key = seal.key(make=False)
    try:
        with open(path, "rb") as f:
            data = f.read(_MOST + 1)
    except FileNotFoundError as exc:
        raise IndexUnsealed(index_dir, f"{path.name} is missing") from exc
    except OSError as exc:
        raise IndexDamaged(index_dir, f"{path.name} is unreadable") from exc
    mac, _, body = data.partition(b"\n")
    if key is None or not seal.signed(key, body, mac):
        raise IndexUnsealed(index_dir, f"{path.name} bears no seal of yours")
    try:
        parsed = json.loads(body)
        files = parsed["files"]
        if parsed["generation"] != generation or not all(map(_entry, files.items())):
            raise ValueError("not a manifest of this generation")
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise IndexDamaged(index_dir, f"{path.name} is unreadable") from exc
    return files


def _entry(item) -> bool:
    """Whether a manifest entry is a plain file name, four integers and a digest."""
    file_name, stamp = item
    plain = file_name not in ("", ".", "..") and not set(file_name) & {"/", "\\", "\0"}
    shaped = isinstance(stamp, list) and len(stamp) == 5 and isinstance(stamp[-1], str)
    return plain and shaped and all(type(n) is int for n in stamp[:-1])


def _problem(path: Path, expected: list) -> str | None:
    """What is wrong with a sealed file: it is not this user's alone, or not the bytes
    sealed; None if nothing."""
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            raise IndexUnsealed(path.parent, f"{path.name} is not a file of yours")
        if info.st_mode & 0o022:
            raise IndexUnsealed(path.parent, f"{path.name} is writable by group or others")
        if info.st_size != expected[0]:
            return f"has {info.st_size} bytes where {expected[0]} were written"
        if _stamp(info) != expected[:4] and digest(path) != expected[4]:
            return "has changed since it was written"
    except FileNotFoundError:
        return "is missing"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    return None
