"""What each commit wrote: every index file's size, modification time and checksum, recorded
with the commit and checked when the index is opened.

whoosh reads a truncated or overwritten file as far as it can and fails somewhere inside (or
answers wrongly); this check finds the damage first. It costs one stat per file: a file's
checksum is computed again only when its size or time differs from what the commit recorded
(a touched or copied file whose bytes are intact is still good). No whoosh here, so that a
listing can ask whether the index is intact without loading the engine.
"""

import json
import os
import zlib
from pathlib import Path

from uyghur_docs.errors import IndexDamaged

INDEX_NAME = "paragraphs"
TOC_GLOB = f"_{INDEX_NAME}_*.toc"
_CHUNK = 1 << 20


def name(generation: int) -> str:
    return f"_{INDEX_NAME}_{generation}.sums"


def toc_name(generation: int) -> str:
    return f"_{INDEX_NAME}_{generation}.toc"


def exists(index_dir: Path) -> bool:
    """Whether an index has been built in this folder."""
    return index_dir.is_dir() and any(index_dir.glob(TOC_GLOB))


def latest_generation(index_dir: Path) -> int | None:
    """The generation whoosh opens: the highest-numbered table of contents."""
    found = [p.name[len(INDEX_NAME) + 2 : -4] for p in index_dir.glob(TOC_GLOB)]
    numbers = [int(n) for n in found if n.isdigit()]
    return max(numbers) if numbers else None


def checksum(path: Path) -> int:
    crc = 0
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def stamps(index_dir: Path, names: list[str], generation: int) -> dict[str, list[int]]:
    """What the manifest of a generation records of its files: size, modification time (ns),
    CRC-32. A file the generation before recorded with the same size and time keeps its
    checksum: a small update does not read the whole index again."""
    try:
        before = _files(index_dir, generation - 1)
    except IndexDamaged:
        before = {}
    found = {}
    for file_name in names:
        info = (index_dir / file_name).stat()
        stamp = [info.st_size, info.st_mtime_ns]
        old = before.get(file_name)
        found[file_name] = (
            old if old and old[:2] == stamp else [*stamp, checksum(index_dir / file_name)]
        )
    return found


def write(index_dir: Path, generation: int, files: dict[str, list[int]]) -> None:
    """Record a generation's files (name -> `stamp`), replacing the folder's manifest in one
    step; it must be in place before the table of contents that it describes."""
    target = index_dir / name(generation)
    temp = index_dir / f".{target.name}.tmp"
    temp.write_text(json.dumps({"generation": generation, "files": files}), encoding="utf-8")
    os.replace(temp, target)


def clean(index_dir: Path, generation: int) -> None:
    """Remove the manifests of other generations, and temporary files of killed commits."""
    keep = name(generation)
    for path in [*index_dir.glob(f"_{INDEX_NAME}_*.sums"), *index_dir.glob(f"._{INDEX_NAME}_*")]:
        if path.name != keep:
            path.unlink(missing_ok=True)


def recorded(index_dir: Path) -> bool:
    """Whether the index's current generation has a manifest (an older udocs wrote none)."""
    generation = latest_generation(index_dir)
    return generation is not None and (index_dir / name(generation)).is_file()


def verify(index_dir: Path) -> None:
    """Raise IndexDamaged unless every file of the current generation is as it was written."""
    generation = latest_generation(index_dir)
    if generation is None:
        return
    files = _files(index_dir, generation)
    for file_name, expected in files.items():
        problem = _problem(index_dir / file_name, expected)
        if problem:
            raise IndexDamaged(index_dir, f"{file_name} {problem}")


def _files(index_dir: Path, generation: int) -> dict[str, list[int]]:
    path = index_dir / name(generation)
    try:
        data = json.loads(path.read_bytes())
        files = data["files"]
        if data["generation"] != generation or not all(map(_entry, files.items())):
            raise ValueError("not a manifest of this generation")
    except FileNotFoundError as exc:
        raise IndexDamaged(index_dir, f"{path.name} is missing") from exc
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise IndexDamaged(index_dir, f"{path.name} is unreadable") from exc
    return files


def _entry(item) -> bool:
    """Whether a manifest entry is a plain file name and three integers."""
    file_name, stamp = item
    plain = file_name not in ("", ".", "..") and not set(file_name) & {"/", "\\", "\0"}
    numbers = isinstance(stamp, list) and len(stamp) == 3
    return plain and numbers and all(type(n) is int for n in stamp)


def _problem(path: Path, expected: list[int]) -> str | None:
    size, mtime_ns, crc = expected
    try:
        info = path.stat()
        if info.st_size != size:
            return f"has {info.st_size} bytes where {size} were written"
        if info.st_mtime_ns != mtime_ns and checksum(path) != crc:
            return "has changed since it was written"
    except FileNotFoundError:
        return "is missing"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    return None
