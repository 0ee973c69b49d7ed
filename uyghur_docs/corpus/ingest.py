"""`udocs add`: growing the corpus from the files people have.

Each added file becomes one UTF-8 .txt document, its paragraphs separated by blank lines,
under a generated id (`YYYY-MM-DD-short-title`, `YYYY-MM-…` or `undated-…`). Its provenance
goes to `corpus/sources.json`; metadata the text alone would not give back on re-reading (a
flag, a PDF's info title) goes to `corpus/overrides.toml`, so the corpus reads the same later.

One `add` or `remove` at a time changes a corpus (`corpus.lock`), so two at once end as one
after the other; a document file is made only where no file has its name, so that not even
a writer without the lock (an older udocs) makes two files share an id.

A newer version of a document (`replace`: the same id, or the same source URL) takes the
old one's file, provenance and overrides, keeping its id; without `replace` it is refused.

Batches: every file is added whole or not at all. The good files of a batch are added even
when others are refused — refusing them all would make a user with one broken file in a
folder of fifty fix it before anything works — and each refusal is reported, so the caller
can exit non-zero. A refused file changes nothing in the corpus or the index.
"""

import hashlib
import re
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from uyghur_docs.corpus import formats, override_tables, provenance
from uyghur_docs.corpus.bounded import Limits, read_file
from uyghur_docs.corpus.folder import document_paths, parse_document
from uyghur_docs.corpus.gather import gather
from uyghur_docs.corpus.ids import make_id
from uyghur_docs.corpus.lock import corpus_lock
from uyghur_docs.corpus.metadata import OVERRIDES_FILE, apply_overrides, extract, load_overrides
from uyghur_docs.corpus.provenance import SOURCES_FILE, Source, write_atomic, write_new
from uyghur_docs.errors import (
    AddInterrupted,
    AlreadyInCorpus,
    BadId,
    IdTaken,
    IngestError,
    OneDocumentOnly,
)
from uyghur_docs.models import Document, Metadata
from uyghur_docs.text.dates import date_from_stem
from uyghur_docs.text.normalise import clean, one_line

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


@dataclass(frozen=True)
class AddOptions:
    """What the user said on the command line; each, when given, wins over the text."""

    id: str | None = None
    title: str | None = None
    date: str | None = None  # ISO, as `dates.parse_date` gives it
    kind: str | None = None
    encoding: str | None = None  # a text file's encoding, instead of detecting it
    # How large a file, and how costly its reading, may be (frozen: one shared default).
    limits: Limits = Limits()  # noqa: RUF009
    url: str | None = None  # where it was published, instead of what the file says
    # A newer version of a document in the corpus (same id or source URL) takes its place.
    replace: bool = False


@dataclass(frozen=True)
class Added:
    """What `udocs add` decided for one file, so the user can correct it."""

    id: str
    title: str
    date: str | None
    kind: str
    format: str
    encoding: str | None  # the text encoding it was read in; None for PDF and DOCX
    source: str
    paragraphs: int
    signatories: int
    report_quotes: int
    url: str | None = None
    # What made it a newer version of the document it replaced: "id" or "url".
    replaced: str | None = None


@dataclass(frozen=True)
class Refused:
    """A file that was not added, and why (the message names the file and what to do)."""

    path: str
    error: str
    # The id of the document it is a newer version of (the same id asked for, or the same
    # source URL), which `replace` would replace.
    version_of: str | None = None


@dataclass(frozen=True)
class AddResult:
    """The outcome of one `udocs add`: the documents added, the files refused, and the
    entries of folders passed over (links out of the folder, FIFOs, devices), one line
    each."""

    added: tuple[Added, ...]
    refused: tuple[Refused, ...]
    dry_run: bool
    skipped: tuple[str, ...] = ()
    # Files of other formats in the folders, per extension, most common first: (".json", 23).
    unsupported: tuple[tuple[str, int], ...] = ()
    # Files found in a folder whose content the corpus holds already: "PATH as ID". A re-run
    # after an interruption adds only what is missing.
    present: tuple[str, ...] = ()
    # False when another indexing run held the index: the next search or index takes them.
    indexed: bool = True


@dataclass(frozen=True)
class _Plan:
    added: Added
    text: bytes
    source: Source
    overrides: dict[str, str]


@dataclass
class _Corpus:
    """What a new document must not collide with; grows as a batch is added."""

    path: Path
    sources: dict[str, Source]
    taken: set[str]
    known: dict[str, str] = field(default_factory=dict)  # sha256 of original or text -> id
    urls: dict[str, str] = field(default_factory=dict)  # source URL -> id


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _survey(corpus: Path) -> _Corpus:
    paths = document_paths(corpus)
    ids = {p.stem for p in paths}
    sources = provenance.load(corpus)
    known = {_sha256(data): p.stem for p in paths if (data := _readable(p)) is not None}
    known.update({s.sha256: doc_id for doc_id, s in sources.items() if doc_id in ids})
    # Stale sidecar entries still hold their ids: a new document must not inherit them.
    taken = ids | set(sources) | set(load_overrides(corpus))
    urls = {s.url: doc_id for doc_id, s in sources.items() if s.url and doc_id in ids}
    return _Corpus(corpus, sources, taken, known, urls)


def _readable(path: Path) -> bytes | None:
    """A corpus file's bytes; None if it cannot be read (indexing reports it by name)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def add(
    corpus: Path,
    paths: list[Path],
    options: AddOptions = AddOptions(),  # frozen, so one shared default is safe
    counts: Callable[[Document], tuple[int, int]] = lambda doc: (0, 0),
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    landed: Callable[[Added], None] | None = None,
) -> AddResult:
    """Add files to the corpus (see the module docstring for the batch rule).

    `counts` gives a document's signatories and report quotations for the report (the
    extractors are the caller's); with dry_run nothing is written and the report says what
    would have been decided. `progress(done, total)` is called as each file is decided,
    `landed(added)` as each document is in the corpus (or, with dry_run, decided).
    """
    gathered = gather(paths)
    files, skipped = gathered.files, tuple(gathered.skipped)
    refused = [Refused(str(path), why) for path, why in gathered.refused]
    if (options.id or options.title or options.url) and len(files) > 1:
        raise OneDocumentOnly()
    if options.id and not _ID.match(options.id):
        raise BadId(options.id)
    named = {path for path in paths if not path.is_dir()}
    added, present = [], []
    try:
        with nullcontext() if dry_run else corpus_lock(corpus):
            state = _survey(corpus)
            for done, path in enumerate(files, 1):
                if progress:
                    progress(done - 1, len(files))
                try:
                    plan = _claimed(path, options, state, counts, dry_run)
                except AlreadyInCorpus as exc:
                    # A file of a folder the corpus holds is passed over; a newer version
                    # of one (its URL's) is refused, saying how to replace it.
                    if path in named or exc.url:
                        refused.append(_refused(path, exc))
                    else:
                        present.append(f"{path} as {exc.doc_id}")
                    continue
                except IngestError as exc:
                    refused.append(_refused(path, exc))
                    continue
                state.taken.add(plan.added.id)
                state.sources[plan.added.id] = plan.source
                state.known.update(
                    {plan.source.sha256: plan.added.id, _sha256(plan.text): plan.added.id}
                )
                if plan.source.url:
                    state.urls[plan.source.url] = plan.added.id
                added.append(plan.added)
                if landed:
                    landed(plan.added)
    except KeyboardInterrupt:
        # Each file is written whole or not at all: those before the interrupt stay.
        raise AddInterrupted(tuple(added)) from None
    if progress:
        progress(len(files), len(files))
    unsupported = tuple(gathered.unsupported.most_common())
    return AddResult(tuple(added), tuple(refused), dry_run, skipped, unsupported, tuple(present))


def _refused(path: Path, exc: IngestError) -> Refused:
    newer = isinstance(exc, IdTaken) or (isinstance(exc, AlreadyInCorpus) and exc.url)
    return Refused(str(path), str(exc), exc.doc_id if newer else None)


def _claimed(path: Path, options: AddOptions, state: _Corpus, counts, dry_run: bool) -> _Plan:
    """The file planned and, unless dry_run, written; planned again under the next free id
    when a file of its id appeared since the corpus was read."""
    while True:
        plan = _plan(path, options, state, counts)
        if dry_run:
            return plan
        try:
            _write(state, plan)
            return plan
        except FileExistsError:
            state.taken.add(plan.added.id)


def _plan(path: Path, options: AddOptions, state: _Corpus, counts) -> _Plan:
    data, extracted = read_file(path, options.encoding, options.limits)
    text = ("\n\n".join(extracted.paragraphs) + "\n").encode("utf-8")
    for digest in (_sha256(data), _sha256(text)):
        if digest in state.known:
            raise AlreadyInCorpus(path, state.known[digest])
    url = options.url or extracted.url
    wanted = _decide(path, extracted, options)
    doc_id, replaced = _id_for(path, wanted, url, options, state)
    reread = parse_document(Path(f"{doc_id}.txt"), text)
    overrides = {
        name: value
        for name in ("title", "date", "kind")
        if (value := getattr(wanted, name)) is not None and value != getattr(reread, name)
    }
    final = apply_overrides(Metadata(reread.title, reread.date, reread.kind), overrides)
    signatories, report_quotes = counts(replace(reread, date=final.date))
    added = Added(
        id=doc_id,
        title=final.title,
        date=final.date,
        kind=final.kind,
        format=extracted.format,
        encoding=extracted.encoding,
        source=path.name,
        paragraphs=len(reread.paragraphs),
        signatories=signatories,
        report_quotes=report_quotes,
        url=url,
        replaced=replaced,
    )
    added_at = datetime.now(UTC).isoformat(timespec="seconds")
    source = Source(path.name, extracted.format, _sha256(data), added_at, url)
    return _Plan(added, text, source, overrides)


def _id_for(
    path: Path, wanted: Metadata, url: str | None, options: AddOptions, state: _Corpus
) -> tuple[str, str | None]:
    """The new document's id, and, when it replaces a document of the corpus, what made it
    a newer version of it: the id asked for ("id"), its source URL ("url"), or, with
    `replace`, the id its title and date give ("id"). Without `replace`, a taken id or a
    known URL is refused."""
    if options.id in state.taken:
        if not options.replace:
            raise IdTaken(path, options.id)
        return options.id, "id"
    if url in state.urls:
        if not options.replace:
            raise AlreadyInCorpus(path, state.urls[url], url)
        return state.urls[url], "url"
    if options.id:
        return options.id, None
    own = make_id(wanted.title, wanted.date, set(), path.stem)
    if options.replace and own in state.taken:
        return own, "id"
    return make_id(wanted.title, wanted.date, state.taken, path.stem), None


def _decide(path: Path, extracted: formats.Extracted, options: AddOptions) -> Metadata:
    """Flags first, then the text, then the format's metadata, then the file name."""
    # An empty stem, so that the text's own metadata is told apart from fallbacks.
    found = extract([clean(p) for p in extracted.paragraphs], "", extracted.headline)
    return Metadata(
        title=options.title or found.title or extracted.title or one_line(path.stem),
        date=options.date or found.date or extracted.date or date_from_stem(path.stem),
        kind=options.kind or found.kind,
    )


def _write(state: _Corpus, plan: _Plan) -> None:
    """Sidecars first, the document last: it appears (or, replacing one, changes) whole, and
    only once they are in place."""
    corpus, doc_id = state.path, plan.added.id
    sidecars = [corpus / SOURCES_FILE, corpus / OVERRIDES_FILE]
    saved = {p: p.read_bytes() if p.is_file() else None for p in sidecars}
    written: list[Path] = []
    try:
        write_atomic(sidecars[0], provenance.dumps({**state.sources, doc_id: plan.source}))
        written.append(sidecars[0])
        if plan.overrides or plan.added.replaced:
            # A replaced document's overrides are decided anew, as a new one's are.
            before = (saved[sidecars[1]] or b"").decode("utf-8")
            after = override_tables.replaced(before, doc_id, plan.overrides)
            write_atomic(sidecars[1], after.encode("utf-8"))
            written.append(sidecars[1])
        place = write_atomic if plan.added.replaced else write_new
        place(corpus / f"{doc_id}.txt", plan.text)
    except BaseException as exc:
        _restore({path: saved[path] for path in written})
        if isinstance(exc, OSError) and not isinstance(exc, FileExistsError):
            raise IngestError(
                f"{plan.source.file}: cannot write to {corpus} ({exc.strerror}); nothing was added"
            ) from exc
        raise


def _restore(saved: dict[Path, bytes | None]) -> None:
    """Put back the sidecars this add replaced (only those: the others are as they were)."""
    for path, data in saved.items():
        if data is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, data)
