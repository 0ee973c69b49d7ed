"""Where the corpus and the index live: flag, then environment variable, then default.

The default corpus, in a source checkout, is the repo's `corpus/`. After a plain install it
is the user's own (`udocs/corpus` in the user data folder, e.g. ~/.local/share on Linux):
on first use, the statements installed with udocs (`<prefix>/share/udocs/corpus`, seed data
never written to) are copied there. So `udocs add` writes where an upgrade never does, and
every environment udocs is installed in shares one corpus.

The default index of udocs's own corpus (the repo's, the user's copy) is `index/` beside
it, in a folder udocs owns. Any other corpus's is in the user's cache folder, keyed by the
corpus folder's resolved path: a folder of the user's gets no sibling it did not ask for,
and an index is never looked for where whoever shared a corpus could have put one (the
folder beside it came in the same archive). An index is derived data, rebuilt from the
corpus when lost, as a cache is.
"""

import os
import site
import sys
from pathlib import Path

from uyghur_docs.errors import CorpusNotAFolder, CorpusNotCopied, IndexNotAFolder, UdocsError

CORPUS_ENV = "UDOCS_CORPUS"
INDEX_ENV = "UDOCS_INDEX"
_SOURCE = Path(__file__).resolve().parents[2]
_REPO_CORPUS = _SOURCE / "corpus"


def source_corpus() -> Path | None:
    """The repo's corpus, when udocs runs from a source checkout."""
    return _REPO_CORPUS if (_SOURCE / "setup.cfg").is_file() and _REPO_CORPUS.is_dir() else None


def seed_corpus() -> Path | None:
    """The statements a plain install put beside udocs, if any."""
    candidates = [
        Path(sys.prefix) / "share" / "udocs" / "corpus",
        Path(site.getuserbase()) / "share" / "udocs" / "corpus",
    ]
    return next((c for c in candidates if c.is_dir()), None)


def user_corpus() -> Path:
    from platformdirs import user_data_path

    return user_data_path("udocs", appauthor=False) / "corpus"


def default_corpus() -> Path:
    """The repo's corpus in a checkout; else the user's, made from the seed on first use."""
    found = source_corpus()
    if found:
        return found
    corpus, seed = user_corpus(), seed_corpus()
    if seed and not corpus.exists():
        _copy_seed(seed, corpus)
    return corpus


def _copy_seed(seed: Path, corpus: Path) -> None:
    """Copy the seed's files (not their modes: the seed may be read-only) into a folder
    renamed into place when whole, so a copy cut short is never taken for the corpus."""
    import shutil
    import tempfile

    from uyghur_docs.corpus.provenance import umask

    try:
        corpus.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(dir=corpus.parent, prefix=".corpus-"))
        try:
            for path in seed.iterdir():
                if path.is_file():
                    shutil.copyfile(path, temp / path.name)
            temp.chmod(0o777 & ~umask())
            temp.rename(corpus)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
    except OSError as exc:
        if corpus.is_dir():  # another udocs, started at the same time, made it first
            return
        raise CorpusNotCopied(seed, corpus, exc.strerror or str(exc)) from exc


def corpus_dir(flag: str | None) -> Path:
    """The corpus folder to read."""
    value = flag or os.environ.get(CORPUS_ENV)
    corpus = _absolute(value) if value else default_corpus()
    if corpus.exists() and not corpus.is_dir():
        raise CorpusNotAFolder(corpus)
    return corpus


def index_dir(flag: str | None, corpus: Path) -> Path:
    """The index folder for a corpus: as given; beside udocs's own corpus where that can
    be written; else in the user's cache folder."""
    value = flag or os.environ.get(INDEX_ENV)
    if value:
        return _absolute(value)
    if corpus in (source_corpus(), user_corpus()):
        beside = corpus.parent / "index"
        if os.access(beside if beside.exists() else corpus.parent, os.W_OK):
            return beside
    return cached_index(corpus)


def cached_index(corpus: Path) -> Path:
    """The index folder of a corpus in the user's cache folder, one per resolved corpus
    path (so `a/../corpus`, `corpus/` and a link to it share one)."""
    import hashlib

    key = hashlib.sha256(str(corpus.resolve()).encode("utf-8", "surrogateescape"))
    return _cache_home() / "udocs" / key.hexdigest()[:16]


def check_apart(index: Path, corpus: Path) -> Path:
    """The index folder, refused when it is not a folder or lies inside the corpus folder.

    A corpus is something users download and share; an index inside it could have been
    crafted by someone else, and opening a whoosh index unpickles its table of contents.
    A folder others can write to is refused here, before a command writes anything to it:
    every later read would refuse it.
    """
    if index.exists() and not index.is_dir():
        raise IndexNotAFolder(index)
    if index.is_dir():
        from uyghur_docs.store.place import check_writable

        check_writable(index)
    index_real, corpus_real = index.resolve(), corpus.resolve()
    if index_real == corpus_real or corpus_real in index_real.parents:
        raise UdocsError(
            f"the index folder {index} is inside the corpus folder {corpus}; udocs never loads"
            " an index that came with a corpus. Pass --index DIR outside it"
        )
    return index


def _absolute(value: str) -> Path:
    """A folder named as the user spelled it, as one absolute path: "a/../corpus/" and
    "corpus" are one corpus (the index records where its documents were read)."""
    return Path(os.path.abspath(Path(value).expanduser()))


def _cache_home() -> Path:
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) if xdg else Path.home() / ".cache"
