"""Where the corpus and the index live: flag, then environment variable, then default.

The default corpus is the one shipped with udocs (the repo's `corpus/`, or the copy a plain
install puts under `<prefix>/share/udocs/corpus`). The default index sits beside a writable
corpus (`index/` next to a folder named `corpus`, else `<name>.index`), or in the user's cache
folder when the corpus folder's parent cannot be written.
"""

import os
import site
import sys
from pathlib import Path

from uyghur_docs.errors import UdocsError

CORPUS_ENV = "UDOCS_CORPUS"
INDEX_ENV = "UDOCS_INDEX"
_REPO_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def bundled_corpus() -> Path:
    """The corpus shipped with udocs: the repo's, else the installed data copy."""
    candidates = [
        _REPO_CORPUS,
        Path(sys.prefix) / "share" / "udocs" / "corpus",
        Path(site.getuserbase()) / "share" / "udocs" / "corpus",
    ]
    return next((c for c in candidates if c.is_dir()), _REPO_CORPUS)


def corpus_dir(flag: str | None) -> Path:
    """The corpus folder to read."""
    value = flag or os.environ.get(CORPUS_ENV)
    return Path(value).expanduser().absolute() if value else bundled_corpus()


def index_dir(flag: str | None, corpus: Path) -> Path:
    """The index folder for a corpus."""
    value = flag or os.environ.get(INDEX_ENV)
    if value:
        return Path(value).expanduser().absolute()
    name = "index" if corpus.name == "corpus" else f"{corpus.name}.index"
    beside = corpus.parent / name
    if os.access(beside if beside.exists() else corpus.parent, os.W_OK):
        return beside
    import hashlib

    return _cache_home() / "udocs" / hashlib.sha256(str(corpus).encode()).hexdigest()[:16]


def check_apart(index: Path, corpus: Path) -> Path:
    """The index folder, refused when it lies inside the corpus folder.

    A corpus is something users download and share; an index inside it could have been
    crafted by someone else, and opening a whoosh index unpickles its table of contents.
    """
    index_real, corpus_real = index.resolve(), corpus.resolve()
    if index_real == corpus_real or corpus_real in index_real.parents:
        raise UdocsError(
            f"the index folder {index} is inside the corpus folder {corpus}; udocs never loads"
            " an index that came with a corpus. Pass --index DIR outside it"
        )
    return index


def _cache_home() -> Path:
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) if xdg else Path.home() / ".cache"
