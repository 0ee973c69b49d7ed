"""The search index: the one module that imports whoosh.

One whoosh record per paragraph, so every hit is a citation (`id ¶N`). The analyzer keeps
every word (no stop list: "may" and "can" must differ in a phrase), folds case and accents
before stemming. The title is indexed once per document, on its ¶1 record.

The interface is narrow on purpose — `update`, `query`, `suggest` — so another engine is one
new module.
"""

import multiprocessing
import os
import pickle
import queue
import re
import signal
import stat
import struct
import unicodedata
import zlib
from array import array
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.codec.whoosh3 import W3Codec
from whoosh.collectors import TopCollector
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.qparser import AndGroup, FuzzyTermPlugin, QueryParser
from whoosh.support.charset import accent_map
from whoosh.writing import CLEAR, SegmentWriter

from uyghur_docs.corpus.folder import read_document, scan
from uyghur_docs.corpus.metadata import load_overrides
from uyghur_docs.errors import CorpusError, IndexDamaged, IndexFault, IndexLocked
from uyghur_docs.models import Document
from uyghur_docs.store import catalog

INDEX_NAME = "paragraphs"
LOCK_WAIT = 3.0
# Below this many documents to index, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
MAX_WORKERS = 4
PROGRESS_EVERY = 25
# Postings an indexing process holds before it writes them out as a segment (about 16
# bytes each); the 100k-document benchmark corpus has about 117 million.
POSTINGS_PER_SEGMENT = 8_000_000
_CURLY_DOUBLE = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"})
_WORD = r"\w+(?:\.?\w+)*"
# Distinct words seen by an indexing process, with the term each analyzes to; a corpus of
# 100k documents has a few hundred thousand.
_TERMS_CACHED = 1_000_000
_TERMS: dict[str, bytes] = {}
_WORDS = re.compile(_WORD)
_ONCE: dict[int, bytes] = {}


@cache
def _analyzer():
    return (
        RegexTokenizer(_WORD)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StemFilter(cachesize=100_000)
    )


class _Text(TEXT):
    """A text field that indexes the terms and positions its analyzer gives, but runs the
    analyzer once per distinct word rather than once per token through whoosh's chain of
    generators: most of the time of an index build went there."""

    def index(self, value, **kwargs):
        terms = _TERMS
        positions = defaultdict(list)
        for position, word in enumerate(_WORDS.findall(value)):
            term = terms.get(word)
            if term is None:
                if len(terms) >= _TERMS_CACHED:
                    terms.clear()
                (token,) = self.analyzer(word, mode="index")
                term = terms[word] = token.text.encode()
            positions[term].append(position)
        encode = self.format.encode
        for term, found in positions.items():
            if len(found) > 1:
                yield term, len(found), float(len(found)), encode(found)
            else:
                # Most words occur once in a paragraph: one encoding per position will do.
                value = _ONCE.get(found[0]) or _ONCE.setdefault(found[0], encode(found))
                yield term, 1, 1.0, value


def _schema() -> Schema:
    analyzer = _analyzer()
    return Schema(
        doc=ID(stored=True, sortable=True),
        para=STORED(),
        title=_Text(analyzer=analyzer),
        heading=STORED(),
        body=_Text(analyzer=analyzer, stored=True),
        date=ID(stored=True, sortable=True),
        kind=ID(stored=True, sortable=True),
    )


@dataclass(frozen=True)
class Report:
    """What an indexing run did."""

    added: int
    updated: int
    removed: int
    unchanged: int
    skipped: tuple[str, ...]
    paragraphs: int


@dataclass(frozen=True)
class ParagraphHit:
    """One matching paragraph, with the character spans of the matched words."""

    doc: str
    paragraph: int
    score: float
    title: str
    date: str | None
    kind: str
    text: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Filters:
    """Restrictions on a search: one document, any of a set of documents (those an
    organisation signed, say), kinds, a date range (ISO prefixes)."""

    doc: str | None = None
    among: tuple[str, ...] | None = None
    kinds: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None


# What truncated or corrupt whoosh files raise when read.
_DAMAGE = (
    EOFError,
    ValueError,
    KeyError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
    whoosh_index.IndexError,
)


def exists(index_dir: Path) -> bool:
    """Whether an index has been built in this folder."""
    return index_dir.is_dir() and any(index_dir.glob(f"_{INDEX_NAME}_*.toc"))


def _check_trust(index_dir: Path) -> None:
    """Refuse an index others could have written: whoosh's table of contents is a pickle,
    so opening an index runs whatever it holds."""
    for path in [index_dir, *index_dir.glob(f"_{INDEX_NAME}_*.toc")]:
        info = path.stat()
        if info.st_uid != os.getuid():
            why = "belongs to another user"
        elif info.st_mode & 0o022:
            why = f"is writable by group or others (mode {stat.filemode(info.st_mode)})"
        else:
            continue
        raise IndexFault(
            f"{path} {why}; udocs will not open an index others could have written."
            f" Delete {index_dir} and run `udocs index`, or pass --index DIR"
        )


def _open(index_dir: Path):
    _check_trust(index_dir)
    try:
        return whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    except whoosh_index.EmptyIndexError as exc:
        raise IndexFault(f"no index in {index_dir}; run `udocs index`") from exc
    except (*_DAMAGE, OSError) as exc:
        raise IndexDamaged(
            f"the index in {index_dir} is damaged ({exc!r}); run `udocs index --rebuild`"
        ) from exc


def check(index_dir: Path) -> int:
    """Open the index and read its table of contents; the number of paragraphs in it."""
    ix = _open(index_dir)
    try:
        with ix.searcher() as searcher:
            return searcher.doc_count()
    except _DAMAGE as exc:
        raise IndexDamaged(
            f"the index in {index_dir} is damaged ({exc!r}); run `udocs index --rebuild`"
        ) from exc


def _records(doc: Document):
    for number, text in enumerate(doc.paragraphs, start=1):
        record = {
            "doc": doc.id,
            "para": number,
            "heading": doc.title,
            "body": text,
            "date": doc.date or "",
            "kind": doc.kind,
        }
        if number == 1:
            record["title"] = doc.title
        yield record


def update(
    corpus: Path,
    index_dir: Path,
    rebuild: bool = False,
    progress: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
) -> Report:
    """Bring the index up to the corpus: add new files, re-index changed ones, drop gone ones.

    `jobs` worker processes index a share of the files each (None: one per core, up to
    MAX_WORKERS, once there are PARALLEL_FROM files to index; 1: all in this process).

    Nothing is visible until whoosh commits its table of contents (an atomic rename), so a
    run killed midway leaves the previous index answering; the catalog is replaced after it.
    """
    try:
        index_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        ix = _reusable(index_dir, rebuild)
        if ix is None:
            catalog.forget(index_dir)
            ix = whoosh_index.create_in(str(index_dir), _schema(), indexname=INDEX_NAME)
            rebuild = True
        writer = _Writer(ix, timeout=LOCK_WAIT, compound=False)
    except whoosh_index.LockError as exc:
        raise IndexLocked(
            f"another `udocs index` run holds the lock on {index_dir}; wait for it to finish"
        ) from exc
    except PermissionError as exc:
        raise IndexFault(
            f"cannot write the index in {index_dir} ({exc.strerror}); pass --index DIR"
        ) from exc
    try:
        return _apply(corpus, index_dir, writer, rebuild, progress, jobs)
    except BaseException:
        writer.cancel()
        raise


def _layout(schema: Schema) -> list[tuple]:
    """What a schema indexes, stores and keeps in columns (whoosh's own equality compares
    column objects by identity, so no two loaded schemas are equal)."""
    return [
        (name, type(field).__name__, field.stored, field.column_type is not None)
        for name, field in schema.items()
    ]


def _reusable(index_dir: Path, rebuild: bool):
    """The existing index, if a run can write into it; None when it must be created anew.

    A rebuild keeps the old index answering until it commits, unless the old one is damaged
    or was built with another schema (an older udocs).
    """
    if not exists(index_dir):
        return None
    try:
        ix = _open(index_dir)
    except IndexDamaged:
        if rebuild:
            return None
        raise
    if _layout(ix.schema) != _layout(_schema()):
        return None
    return ix


def _apply(corpus, index_dir, writer, rebuild, progress, jobs) -> Report:
    old = {} if rebuild else catalog.load(index_dir)
    rebuild = rebuild or not old
    paths, passed_over = scan(corpus)
    overrides = load_overrides(corpus)
    changes = catalog.compare(paths, old, overrides)
    todo = [*changes.new, *changes.changed]
    for doc_id in [*changes.removed, *(p.stem for p in changes.changed)]:
        writer.delete_by_term("doc", doc_id)
    shares = _shares(todo, max(1, min(jobs or _workers(len(todo)), len(todo))))
    try:
        if len(shares) > 1:
            parts = _in_workers(index_dir, shares, overrides, progress, writer.writelock.fd)
        else:
            parts = [_index_share(index_dir, todo, overrides, progress)]
        writer.joined = tuple(segment for part in parts for segment in part.segments)
        writer.commit(mergetype=CLEAR) if rebuild else writer.commit()
        failed = [doc_id for part in parts for doc_id in part.failed]
        removed = [*changes.removed, *failed]
        catalog.save(index_dir, [part.catalog for part in parts], removed, clear=rebuild)
    finally:
        for path in index_dir.glob(catalog.PART_FILE.format("*")):
            path.unlink()
    updated = 0 if rebuild else len({p.stem for p in changes.changed} - set(failed))
    return Report(
        added=sum(part.documents for part in parts) - updated,
        updated=updated,
        removed=len(changes.removed),
        unchanged=0 if rebuild else len(changes.current),
        skipped=(*passed_over, *(why for part in parts for why in part.skipped)),
        paragraphs=sum(part.paragraphs for part in parts),
    )


class _Writer(SegmentWriter):
    """whoosh's segment writer with four changes: postings are pooled in memory by term,
    written in uncompressed blocks, new segments written apart (by other writers, in
    workers) join its commit, and field lengths are read once per record when postings are
    written (whoosh reads one per posting, a seventh of a build)."""

    joined: tuple = ()

    def __init__(self, ix, **kwargs):
        # zlib on every posting block: without it a build is a quarter faster and the index
        # 60% larger, and reading a block skips a decompression.
        super().__init__(ix, codec=W3Codec(compression=0), **kwargs)
        self.pool = _Pool()

    def _merge_segments(self, mergetype, optimize, merge):
        return [*super()._merge_segments(mergetype, optimize, merge), *self.joined]

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = _Lengths(self.per_document_reader())
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        lengths.reader.close()


class _Pool:
    """Postings held in memory, grouped by field and term as they arrive, so that writing a
    segment sorts its distinct terms, not every posting. whoosh's own pool keeps each
    posting as a tuple (about 150 bytes), sorts them all, and spills sorted runs to disk
    to merge them later: a third of a build. Here a posting costs about 16 bytes, and
    indexing starts a new segment once POSTINGS_PER_SEGMENT are held."""

    def __init__(self):
        self.fields: dict[str, dict[bytes, tuple]] = defaultdict(dict)
        self.count = 0

    def add(self, item) -> None:
        fieldname, term, docnum, weight, value = item
        terms = self.fields[fieldname]
        postings = terms.get(term)
        if postings is None:
            postings = terms[term] = (array("I"), array("f"), [])
        # Records are added in order, so each term's postings are in document order.
        postings[0].append(docnum)
        postings[1].append(weight)
        postings[2].append(value)
        self.count += 1

    def iter_postings(self):
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for term in sorted(terms):
                for docnum, weight, value in zip(*terms[term], strict=True):
                    yield fieldname, term, docnum, weight, value

    def cleanup(self) -> None:
        self.fields.clear()


class _Lengths:
    """The field lengths of a new segment, each field's read in one sweep."""

    def __init__(self, reader):
        self.reader = reader
        self.fields: dict[str, list[int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str) -> int:
        lengths = self.fields.get(fieldname)
        if lengths is None:
            count = self.reader.doc_count_all()
            lengths = [self.reader.doc_field_length(n, fieldname) for n in range(count)]
            self.fields[fieldname] = lengths
        return lengths[docnum]


@dataclass
class _Part:
    """What indexing a share of the documents gave: the catalog part file of its entries,
    the number of documents and paragraphs indexed, the files that could not be read (ids,
    and why), and the segments written."""

    catalog: Path
    documents: int = 0
    paragraphs: int = 0
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    segments: list = field(default_factory=list)


def _index_share(index_dir, paths, overrides, progress, number=0) -> _Part:
    """Index documents into new segments of their own, which the locked writer's commit
    then takes in; a segment is written whenever the pool reaches its budget."""
    # Imported here: searching needs the index module, not the extraction machinery.
    from uyghur_docs.extract.analysis import analyse

    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    entries = catalog.Part(index_dir / catalog.PART_FILE.format(number))
    part, writer = _Part(entries.path), _Writer(ix, _lk=False, compound=False)
    try:
        for done, path in enumerate(paths, start=1):
            try:
                doc = read_document(path, overrides)
            except CorpusError as exc:
                part.skipped.append(str(exc))
                part.failed.append(path.stem)
            else:
                for record in _records(doc):
                    writer.add_document(**record)
                entries.add(analyse(path, doc, overrides.get(doc.id, {})))
                part.paragraphs += len(doc.paragraphs)
            if writer.pool.count >= POSTINGS_PER_SEGMENT:
                part.segments.append(writer._finalize_segment())
                writer = _Writer(ix, _lk=False, compound=False)
            if progress:
                progress(done, len(paths))
    except BaseException:
        writer._close_segment()
        raise
    finally:
        entries.close()
    part.documents = entries.count
    # Not commit() nor cancel(): they would delete the temporary folder the locked writer
    # shares, and the segments are its to commit; files of a failed run are its to clean.
    if writer._added:
        part.segments.append(writer._finalize_segment())
    else:
        writer._close_segment()
    return part


def _workers(documents: int) -> int:
    if documents < PARALLEL_FROM:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_WORKERS, cpus or 1))


def _shares(paths: list[Path], workers: int) -> list[list[Path]]:
    """Consecutive runs of paths of about equal total size, one per worker."""
    sizes = [p.stat().st_size if p.exists() else 0 for p in paths]
    total, shares, share, filled = sum(sizes) or 1, [], [], 0
    for path, size in zip(paths, sizes, strict=True):
        share.append(path)
        filled += size
        if filled >= total * (len(shares) + 1) / workers and len(shares) < workers - 1:
            shares.append(share)
            share = []
    return [*shares, share] if share else shares


def _in_workers(index_dir, shares, overrides, progress, lock_fd) -> list[_Part]:
    """Index each share in a process of its own, each writing a segment; their progress
    and results come back on a queue, and a worker that dies stops the run."""
    # Forked workers start at once, without importing udocs again; elsewhere they spawn.
    forked = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forked else None)
    messages = context.Queue()
    workers = [
        context.Process(
            target=_worker,
            args=(number, index_dir, share, overrides, messages, lock_fd if forked else None),
            daemon=True,
        )
        for number, share in enumerate(shares)
    ]
    total, done, parts = sum(map(len, shares)), {}, {}
    try:
        for worker in workers:
            worker.start()
        while len(parts) < len(workers):
            try:
                number, kind, payload = messages.get(timeout=0.5)
            except queue.Empty:
                dead = [w for n, w in enumerate(workers) if n not in parts and not w.is_alive()]
                if dead:
                    raise IndexFault(
                        f"an indexing process stopped (exit code {dead[0].exitcode});"
                        " the index is as it was"
                    ) from None
                continue
            if kind == "progress":
                done[number] = payload
                if progress:
                    progress(sum(done.values()), total)
            elif kind == "error":
                raise IndexFault(f"indexing failed: {payload}; the index is as it was")
            else:
                parts[number] = payload
    finally:
        for worker in workers:
            if worker.is_alive() and len(parts) < len(workers):
                worker.terminate()
            worker.join()
    return [parts[n] for n in range(len(workers))]


def _reporter(number, messages) -> Callable[[int, int], None]:
    parent = os.getppid()

    def report(done: int, total: int) -> None:
        # A parent killed outright cannot stop its workers; they notice and stop.
        if os.getppid() != parent:
            os._exit(1)
        if done % PROGRESS_EVERY == 0 or done == total:
            messages.put((number, "progress", done))

    return report


def _worker(number, index_dir, paths, overrides, messages, lock_fd) -> None:
    # Ctrl-C reaches every process of the terminal; the parent alone decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker shares the parent's lock on the index: were the parent killed, the
    # lock would outlive it for as long as the worker runs.
    if lock_fd is not None:
        os.close(lock_fd)
    try:
        part = _index_share(index_dir, paths, overrides, _reporter(number, messages), number)
        messages.put((number, "part", part))
    except Exception as exc:
        messages.put((number, "error", repr(exc)))


def _normalise(qstring: str) -> str:
    """Curly double quotes and guillemets made phrase quotes; accents dropped."""
    qstring = unicodedata.normalize("NFKD", qstring.translate(_CURLY_DOUBLE))
    return "".join(c for c in qstring if not unicodedata.combining(c)).strip()


def _parse(ix, qstring: str):
    qstring = _normalise(qstring)
    parser = QueryParser("body", ix.schema, group=AndGroup)
    parser.add_plugin(FuzzyTermPlugin())
    return parser.parse(qstring)


def _allowed(reader, filters: Filters) -> Callable[[int], bool] | None:
    """A test of each matching paragraph against the filters, read from per-paragraph
    columns: it costs one look-up per match, where a filter query would enumerate every
    paragraph in the date range first."""
    tests = []
    docs = {filters.doc} if filters.doc else None
    if filters.among is not None:
        docs = set(filters.among) if docs is None else docs & set(filters.among)
    if docs is not None:
        doc_of = reader.column_reader("doc")
        tests.append(lambda n: doc_of[n] in docs)
    if filters.kinds:
        kind_of, kinds = reader.column_reader("kind"), set(filters.kinds)
        tests.append(lambda n: kind_of[n] in kinds)
    if filters.since or filters.until:
        date_of = reader.column_reader("date")
        tests.append(lambda n: _within(date_of[n], filters.since, filters.until))
    if not tests:
        return None
    return lambda n: all(test(n) for test in tests)


def _within(date: str, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (or month, or year) falls in a range of ISO prefixes; a date of
    month precision ("2022-09") sorts before every day of its month, so it counts too."""
    if since and date < since and date != since[:7]:
        return False
    return not until or "0" <= date <= until + "\uffff"


def query(
    index_dir: Path, qstring: str, filters: Filters, limit: int, per_doc: int
) -> tuple[int, list[ParagraphHit]]:
    """The number of matching documents, and the best paragraphs of the best `limit` of them."""
    try:
        return _query(index_dir, qstring, filters, limit, per_doc)
    except _DAMAGE as exc:
        raise IndexDamaged(
            f"the index in {index_dir} is damaged ({exc!r}); run `udocs index --rebuild`"
        ) from exc


def _query(index_dir, qstring, filters, limit, per_doc):
    ix = _open(index_dir)
    q = _parse(ix, qstring)
    with ix.searcher() as searcher:
        doc_of = searcher.reader().column_reader("doc")
        allowed = _allowed(searcher.reader(), filters)
        total, chosen = _best_paragraphs(searcher, q, allowed, doc_of, limit, per_doc)
        matched = q.existing_terms(searcher.reader(), expand=True)
        terms = {t.decode() for field, t in matched if field == "body"}
        hits = [
            _hit(searcher.stored_fields(n), score, terms)
            for paragraphs in chosen.values()
            for score, n in paragraphs
        ]
    return total, hits


class _CountingTop(TopCollector):
    """Keeps the top paragraphs that pass the filters and, in the same pass, counts them
    and the documents they are in (when told which document each paragraph belongs to)."""

    def __init__(self, limit, doc_of, allowed):
        # Skipping low-scoring blocks, or replacing the matcher with one that drops what
        # cannot reach the top (a whole small segment, say), would leave matches uncounted.
        super().__init__(limit=limit, usequality=False, replace=0)
        self.doc_of, self.allowed = doc_of, allowed
        self.documents, self.paragraphs = set(), 0

    def collect(self, sub_docnum):
        if self.allowed is None or self.allowed(self.offset + sub_docnum):
            return super().collect(sub_docnum)
        return None

    def _collect(self, global_docnum, score):
        self.paragraphs += 1
        if self.doc_of is not None:
            self.documents.add(self.doc_of[global_docnum])
        return super()._collect(global_docnum, score)


def _best_paragraphs(searcher, q, allowed, doc_of, limit, per_doc):
    """The number of matching documents, and the best `per_doc` paragraphs of each of the
    best `limit` of them, by score.

    One pass scores every match, counts documents and keeps the top paragraphs; a second
    pass sorts all of them only when those top paragraphs come from too few documents.
    Stored text is read for the chosen paragraphs alone.
    """
    wanted = limit * per_doc * 4
    collector = _CountingTop(wanted, doc_of, allowed)
    searcher.search_with_collector(q, collector)
    total = len(collector.documents)
    top = collector.results().top_n
    if total > limit and len({doc_of[n] for _, n in top}) < limit:
        everything = _CountingTop(collector.paragraphs, None, allowed)
        searcher.search_with_collector(q, everything)
        top = everything.results().top_n
    chosen: dict[str, list[tuple[float, int]]] = {}
    for score, n in top:
        doc = doc_of[n]
        if doc in chosen:
            if len(chosen[doc]) < per_doc:
                chosen[doc].append((score, n))
        elif len(chosen) < limit:
            chosen[doc] = [(score, n)]
    return total, chosen


def _hit(fields: dict, score: float, terms: set[str]) -> ParagraphHit:
    text = fields["body"]
    return ParagraphHit(
        doc=fields["doc"],
        paragraph=fields["para"],
        score=round(score, 4),
        title=fields["heading"],
        date=fields["date"] or None,
        kind=fields["kind"],
        text=text,
        highlights=highlight_spans(text, terms),
    )


def highlight_spans(text: str, terms: set[str]) -> tuple[tuple[int, int], ...]:
    """Character spans of the words in text whose analyzed form is one of terms."""
    return tuple(
        (t.startchar, t.endchar)
        for t in _analyzer()(text, chars=True, mode="index")
        if t.text in terms
    )


def suggest(index_dir: Path, qstring: str, filters: Filters) -> str | None:
    """A corrected query that does find something, or None.

    Each word whose stem the index lacks is replaced by the indexed stem nearest to the word
    as typed (a stem such as "xinja" for "xinjaing" is too far from anything), shown as a
    word the corpus really uses. The corrected string is parsed again and tried.
    """
    ix = _open(index_dir)
    text = _normalise(qstring)
    q = _parse(ix, qstring)
    with ix.searcher() as searcher:
        reader, corrected = searcher.reader(), text
        tokens = sorted(q.all_tokens(), key=lambda t: t.startchar or 0, reverse=True)
        for token in tokens:
            if token.fieldname != "body" or token.startchar is None:
                continue
            if (token.fieldname, token.text) in reader:
                continue
            typed = text[token.startchar : token.endchar].lower()
            stem = _nearest_stem(reader, typed)
            if stem:
                word = _surface(searcher, stem) or stem
                corrected = corrected[: token.startchar] + word + corrected[token.endchar :]
        if corrected == text:
            return None
        found = _CountingTop(1, None, _allowed(reader, filters))
        searcher.search_with_collector(_parse(ix, corrected), found)
        return corrected if found.paragraphs else None


def _nearest_stem(reader, typed: str) -> str | None:
    """The indexed stem nearest to a typed word; ties go to the most common."""
    for distance in (1, 2):
        found = list(reader.terms_within("body", typed, distance))
        if found:
            return max(found, key=lambda stem: reader.doc_frequency("body", stem))
    return None


def _surface(searcher, stem: str) -> str | None:
    """A word as the corpus writes it that stems to `stem` (lower case)."""
    for hit in searcher.search(wq.Term("body", stem), limit=1):
        text = hit["body"]
        for token in _analyzer()(text, chars=True, mode="index"):
            if token.text == stem:
                return text[token.startchar : token.endchar].lower()
    return None
