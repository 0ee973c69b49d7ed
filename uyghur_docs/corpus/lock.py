"""One writer at a time for a folder: the corpus while `add` or `remove` changes it, the
index while a run builds it.

`udocs add` and `udocs remove` read `sources.json`, `overrides.toml` and the documents, decide,
then write them back. Two at once would each write what it read plus its own change, and the
other's change would be lost. So each holds an exclusive lock on the corpus folder from its
reading to its last write.

The lock is `flock` on the folder itself, not on a file in it: it needs no write permission
to take, leaves nothing behind, and the kernel drops it when the process ends, however it ends.
"""

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from uyghur_docs.errors import CorpusLocked, CorpusNotAFolder, NoCorpus

# Long enough for other commands' adds of a few files each to pass in turn.
LOCK_WAIT = 60.0


@contextmanager
def corpus_lock(corpus: Path) -> Iterator[None]:
    """Hold the corpus folder's exclusive lock, waited for LOCK_WAIT seconds (CorpusLocked
    after that)."""
    try:
        fd = folder_lock(corpus, LOCK_WAIT)
    except FileNotFoundError as exc:
        raise NoCorpus(corpus) from exc
    except NotADirectoryError as exc:
        raise CorpusNotAFolder(corpus) from exc
    if fd is None:
        raise CorpusLocked(corpus)
    try:
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


def folder_lock(folder: Path, wait: float) -> int | None:
    """A descriptor of the folder holding its exclusive lock (closing it releases the lock),
    or None if another process held the lock for `wait` seconds."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                return None
            time.sleep(0.05)
