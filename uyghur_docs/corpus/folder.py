"""Reading the corpus folder: one UTF-8 text file per document, named by its id."""

import difflib
import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from uyghur_docs.corpus.metadata import apply_overrides, extract, load_overrides
from uyghur_docs.errors import CorpusError, NoCorpus, UnknownDocument
from uyghur_docs.models import Document
from uyghur_docs.text.normalise import clean, split_paragraphs

DOCUMENT_SUFFIXES = (".txt", ".md")
# Declared data beside the documents (overrides, aliases, provenance): never warned about.
SIDECAR_SUFFIXES = (".toml", ".json")
MAX_BYTES = 16 * 1024 * 1024
BROKEN_LINK = "a broken or looping link"
# Reading a FIFO waits for a writer, and a device may never end: only regular files are read.
NOT_A_FILE = "not a regular file (a FIFO, device or socket); not read"


def scan(corpus_dir: Path) -> tuple[list[Path], list[str]]:
    """The document files of a corpus folder sorted by id, and a warning per file passed over.

    Passed over, by name: files that are not documents (`.DS_Store`, a stray PDF), broken or
    looping links and links out of the folder, FIFOs and devices, and files too large to be
    a statement. Folders are not read.
    """
    paths, skipped = [], []
    for entry, problem in _listing(corpus_dir):
        if problem is None:
            paths.append(Path(entry.path))
        elif problem:
            skipped.append(f"{entry.name}: {problem}")
    return sorted(paths, key=lambda p: p.stem), sorted(skipped)


def stamps(corpus_dir: Path) -> set[tuple[str, int, int]]:
    """(path, size, modification time in ns) of each document file: how the catalog knows a
    file version. Quicker than `scan` for a large corpus: no paths are built or sorted."""
    return stamped(corpus_dir)[0]


def stamped(corpus_dir: Path) -> tuple[set[tuple[str, int, int]], list[str]]:
    """The `stamps` of the document files, and a warning per file passed over (as `scan`)."""
    found, skipped = set(), []
    for entry, problem in _listing(corpus_dir):
        if problem is None:
            info = entry.stat()
            found.add((entry.path, info.st_size, info.st_mtime_ns))
        elif problem:
            skipped.append(f"{entry.name}: {problem}")
    return found, sorted(skipped)


def _listing(corpus_dir: Path) -> Iterator[tuple[os.DirEntry, str | None]]:
    if not corpus_dir.is_dir():
        raise NoCorpus(corpus_dir)
    root = os.path.realpath(corpus_dir)
    with os.scandir(corpus_dir) as entries:
        listed = [(entry, _problem(entry, root)) for entry in entries]
    clashes = _clashes([entry.name for entry, problem in listed if problem is None])
    for entry, problem in listed:
        yield entry, clashes.get(entry.name, problem)


def _clashes(names: list[str]) -> dict[str, str]:
    """Why each document file sharing its id with another is passed over: neither can be
    told from the other by id, so neither is read.

    >>> _clashes(["x.txt", "x.md", "y.txt"])["x.md"]
    'x.md and x.txt would both be document x; rename or remove one'
    """
    # Document file names end in a suffix and do not start with a dot: the id is what is
    # before the last dot. Most corpora have no clash, told by one set.
    ids = [name[: name.rindex(".")] for name in names]
    if len(set(ids)) == len(ids):
        return {}
    by_id: dict[str, list[str]] = {}
    for doc_id, name in zip(ids, names, strict=True):
        by_id.setdefault(doc_id, []).append(name)
    return {
        name: f"{' and '.join(sorted(same))} would both be document {doc_id}; rename or remove one"
        for doc_id, same in by_id.items()
        if len(same) > 1
        for name in same
    }


def _problem(entry: os.DirEntry, root: str) -> str | None:
    """Why a folder entry is not read as a document; "" for entries passed over silently.

    A DirEntry knows its type from the directory listing, so a large corpus costs one
    stat per document, not four.
    """
    link = entry.is_symlink()
    if link and not os.path.exists(entry.path):
        return BROKEN_LINK
    if entry.is_dir():
        return ""
    problem = link and link_problem(entry.path, root)
    if problem:
        return problem
    name = entry.name
    if not name.endswith(DOCUMENT_SUFFIXES) or name.startswith("."):
        if os.path.splitext(name)[1] in SIDECAR_SUFFIXES:
            return ""
        return "not a document (.txt or .md); `udocs add` converts other formats"
    info = entry.stat()
    if not stat.S_ISREG(info.st_mode):
        return NOT_A_FILE
    size = info.st_size
    if size > MAX_BYTES:
        return f"{size // 1_000_000} MB is too large for a statement (at most 16 MiB); split it"
    return None


def link_problem(path: str, root: str) -> str | None:
    """Why a link is not followed: it leads nowhere, round in a loop, or out of the folder
    `root` (a real path); None if it leads to something inside.

    A folder someone shares can hold a link to any file of the user's (`~/.ssh/id_rsa`,
    `/etc/passwd`), which reading would make searchable.
    """
    if not os.path.exists(path):
        return BROKEN_LINK
    target = os.path.realpath(path)
    if os.path.commonpath([target, root]) != root:
        return "a link out of the folder; not followed"
    return None


def document_paths(corpus_dir: Path) -> list[Path]:
    """The document files of a corpus folder, sorted by id."""
    return scan(corpus_dir)[0]


def decode(data: bytes, name: str) -> str:
    """The text of a document file; binary or non-UTF-8 data is refused by name."""
    if not data.strip():
        raise CorpusError(f"{name} is empty; remove it or give it some text")
    if b"\x00" in data:
        raise CorpusError(f"{name} is binary, not text; remove it from the corpus")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{name} is not UTF-8 (byte {exc.start}); convert it or bring it in with `udocs add`"
        ) from exc


def parse_document(path: Path, data: bytes, overrides: dict | None = None) -> Document:
    """A Document from a file's bytes: paragraphs, cleaned text and extracted metadata.

    A `.md` file is read by the same Markdown reader as `udocs add` gives it to.
    """
    text = decode(data, path.name)
    if path.suffix == ".md":
        # Imported here: a search checks the corpus's file stamps and reads no file.
        from uyghur_docs.corpus import blocks
        from uyghur_docs.corpus.markdown import read_markdown

        md = read_markdown(text)
        paragraphs = blocks.paragraphs(md.blocks)
        metadata = extract(paragraphs, path.stem, md.title or blocks.headline(md.blocks), md.date)
    else:
        paragraphs = [clean(p) for p in split_paragraphs(text)]
        metadata = extract(paragraphs, path.stem)
    if overrides and path.stem in overrides:
        metadata = apply_overrides(metadata, overrides[path.stem])
    return Document(
        id=path.stem,
        title=metadata.title,
        date=metadata.date,
        kind=metadata.kind,
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        paragraphs=tuple(paragraphs),
    )


# The errors of a process short of something (open files, memory), not of a bad file.
SHORT_OF = (errno.EMFILE, errno.ENFILE, errno.ENOMEM)


def read_document(path: Path, overrides: dict | None = None) -> Document:
    """Read and parse one document file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        if exc.errno in SHORT_OF:
            # Not the file's fault: an indexing run that skipped it would leave it out of
            # the index with nothing to say so. It stops instead, the index as it was.
            raise
        raise CorpusError(f"cannot read {path}: {exc.strerror}") from exc
    return parse_document(path, data, overrides)


def load_corpus(corpus_dir: Path, skip: Callable[[str], None] | None = None) -> list[Document]:
    """Every document in the corpus, sorted by id.

    A file that cannot be read raises, unless `skip` is given: then it is told each problem,
    by file name, and the rest are still read.
    """
    overrides = load_overrides(corpus_dir)
    paths, passed_over = scan(corpus_dir)
    documents = []
    for path in paths:
        try:
            documents.append(read_document(path, overrides))
        except CorpusError as exc:
            if skip is None:
                raise
            skip(str(exc))
    for problem in passed_over if skip else ():
        skip(problem)
    return documents


def get_document(corpus_dir: Path, doc_id: str) -> Document:
    """One document by id; an unknown id raises with the closest ids suggested."""
    paths = {p.stem: p for p in document_paths(corpus_dir)}
    if doc_id not in paths:
        raise UnknownDocument(doc_id, suggest(doc_id, list(paths)))
    return read_document(paths[doc_id], load_overrides(corpus_dir))


def suggest(word: str, choices: list[str], n: int = 3) -> list[str]:
    """The choices closest to word, best first; substrings count as close.

    >>> suggest("hrc51", ["2022-09-hrc51-joint-letter", "2020-03-12-news"])
    ['2022-09-hrc51-joint-letter']
    """
    contained = [c for c in choices if word.lower() in c.lower()] if word else []
    close = difflib.get_close_matches(word, choices, n=n, cutoff=0.5)
    return list(dict.fromkeys(contained + close))[:n]
