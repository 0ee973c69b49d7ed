"""One writer at a time for a corpus folder's own files.

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
def corpus_lock(corpus: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the corpus folder's exclusive lock, waited for `wait` seconds (CorpusLocked
    after that)."""
    try:
        fd = os.open(corpus, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except FileNotFoundError as exc:
        raise NoCorpus(corpus) from exc
    except NotADirectoryError as exc:
        raise CorpusNotAFolder(corpus) from exc
    try:
        deadline = time.monotonic() + wait
        while not _took(fd):
            if time.monotonic() > deadline:
                raise CorpusLocked(corpus)
            time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


def _took(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
