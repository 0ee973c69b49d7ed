"""The files `udocs add` is given: each path itself, or a folder's supported files.

A folder is walked without following links to folders; a link to a file is followed only
when the file lies inside the folder given. A folder someone shares can hold links to any
file of the user's (`/etc/passwd`, `~/.ssh/id_rsa`) that adding would make searchable; and
a FIFO or a device would block the read or never end. Each of those is passed over with one
line naming it.
"""

import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from uyghur_docs.corpus import formats
from uyghur_docs.corpus.folder import NOT_A_FILE, link_problem


@dataclass(frozen=True)
class Gathered:
    """The files to add; the paths refused (path, why); the entries of folders passed over,
    one line each; how many files of each unsupported extension the folders held."""

    files: list[Path]
    refused: list[tuple[Path, str]]
    skipped: list[str]
    unsupported: Counter = field(default_factory=Counter)


def gather(paths: list[Path]) -> Gathered:
    """Each path itself, or a folder's supported files, recursively. Hidden files and
    folders, and files of other formats inside a folder, are left alone."""
    found = Gathered([], [], [])
    for path in paths:
        if path.is_dir():
            before = len(found.files)
            _walk(path, found)
            if len(found.files) == before:
                found.refused.append((path, f"{path} holds no {formats.SUPPORTED} files"))
        elif path.is_file():
            found.files.append(path)
        elif path.exists():
            found.refused.append((path, f"{path} is {NOT_A_FILE}"))
        else:
            found.refused.append((path, f"{path} does not exist; check the path"))
    return Gathered(
        list(dict.fromkeys(found.files)), found.refused, found.skipped, found.unsupported
    )


def _walk(folder: Path, found: Gathered) -> None:
    root = os.path.realpath(folder)
    # os.walk lists a link to a folder among the folders but does not enter it.
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in folders:
            path = os.path.join(parent, name)
            problem = os.path.islink(path) and link_problem(path, root)
            if problem:
                found.skipped.append(f"{path}: {problem}")
        for name in sorted(names):
            if name.startswith("."):
                continue
            suffix = Path(name).suffix.lower()
            if suffix not in formats.FORMATS:
                found.unsupported[suffix or "no extension"] += 1
                continue
            path = os.path.join(parent, name)
            problem = _problem(path, root)
            if problem:
                found.skipped.append(f"{path}: {problem}")
            else:
                found.files.append(Path(path))


def _problem(path: str, root: str) -> str | None:
    if os.path.islink(path):
        problem = link_problem(path, root)
        if problem:
            return problem
    return None if stat.S_ISREG(os.stat(path).st_mode) else NOT_A_FILE
