"""Writing the index: one locked run that deletes and commits, and segment writers that add
paragraphs (in this process or in workers) whose segments join that run's commit.

whoosh's segment writer is changed in six ways here, each for the speed of a build:
records are added without whoosh's generic per-field and per-posting calls, postings are
pooled in memory by term and handed to the codec a block at a time, written in the block
codec's blocks (`engine.codec`), segments written apart join the locked writer's commit, and
field lengths are read once per field. The files written are those whoosh's own paths write
with that codec, byte for byte (a test holds them so). Its
commit is changed in two more: the sealed manifest of every file (`engine.manifest`) is
written before the table of contents that makes them visible, and only small segments and
those worn by deletions are merged. A run takes the lock before it opens (and checks) the
index, so that the generation checked is the one its commit follows.
"""

import os
from array import array
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.fields import ID
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.index import TOC
from whoosh.reading import SegmentReader
from whoosh.util.filelock import try_for
from whoosh.util.numeric import byte_to_length
from whoosh.writing import CLEAR, SegmentWriter

from uyghur_docs.engine import manifest
from uyghur_docs.engine.codec import BlockCodec
from uyghur_docs.engine.files import OlderFormat, exists, open_index, sealed_index
from uyghur_docs.engine.schema import ASIDE, INDEX_NAME, PAIRS, schema
from uyghur_docs.errors import IndexDamaged, IndexLocked, IndexUnwritable
from uyghur_docs.models import ParagraphRecord

LOCK_WAIT = 3.0
# Postings an indexing process holds before it writes them out as a segment (about 16
# bytes each); the 100k-document benchmark corpus has about 117 million.
POSTINGS_PER_SEGMENT = 8_000_000
# A segment in which more than this fraction of the records are deleted is rewritten at
# the next commit, so deleted records stay below this fraction of the whole index.
MAX_DELETED = 0.2
# A segment with fewer records than this fraction of the largest one's is merged at the
# next commit with the other small ones (see `_merge_worn`).
SMALL = 1 / 8


class _Writer(SegmentWriter):
    joined: tuple = ()

    def __init__(self, ix, **kwargs):
        # No zlib on any block W3 would write for a format the block codec leaves to it.
        super().__init__(ix, codec=BlockCodec(compression=0), **kwargs)
        self.pool = _Pool()

    def add_record(self, fields: dict) -> None:
        """whoosh's `add_document(**fields)` for udocs' schema (no boosts, vectors or
        spelling words, no None values): the same postings, stored values, field lengths
        and column values in the same order, without its generic checks and calls."""
        perdoc, docnum, schema = self.perdocwriter, self.docnum, self.schema
        perdoc.start_doc(docnum)
        try:
            for name in sorted(fields):
                value, field = fields[name], schema[name]
                if value is None:
                    continue
                length = 0
                if field.indexed:
                    length = self.pool.add_field(name, docnum, _indexed(name, field, value))
                    length = length if field.scorable else 0
                perdoc.add_field(name, field, value if field.stored else None, length)
                if field.column_type is not None:
                    column_value = field.to_column_value(value)
                    perdoc.add_column_value(name, field.column_type, column_value)
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _merge_segments(self, mergetype, optimize, merge):
        return [*super()._merge_segments(mergetype, optimize, merge), *self.joined]

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = _Lengths(self.per_document_reader())
        _write_postings(self.fieldwriter, self.schema, lengths, self.pool)
        self.fieldwriter.close()
        lengths.reader.close()

    def _commit_toc(self, segments):
        """Write the table of contents after the manifest of the files it lists, both
        renamed into place: a kill at any point leaves the previous generation whole."""
        from whoosh.index import clean_files

        folder = Path(self.storage.folder)
        toc_name = manifest.toc_name(self.generation)
        ram = RamStorage()
        TOC(self.schema, segments, self.generation).write(ram, self.indexname)
        temp = folder / f".{toc_name}.tmp"
        temp.write_bytes(ram.open_file(toc_name).read())
        names = [name for segment in segments for name in segment.list_files(self.storage)]
        files = manifest.stamps(folder, [*names, temp.name], self.generation)
        files[toc_name] = files.pop(temp.name)
        manifest.write(folder, self.generation, files)
        os.replace(temp, folder / toc_name)
        # The rename set the table of contents' change time: sealed again with its stamp
        # as it is now, it is not read again before every search.
        files[toc_name] = manifest.restamped(folder / toc_name, files[toc_name])
        manifest.write(folder, self.generation, files)
        clean_files(self.storage, self.indexname, self.generation, segments)
        manifest.clean(folder, self.generation)


def _merge_worn(writer, segments):
    """Merge the small segments, if there are two or more, and any segment whose deleted
    records exceed MAX_DELETED, into the segment the commit writes; keep the others as
    they are. Small is below SMALL of the largest segment's records: the segments an
    update adds are merged away, and the segments a build wrote are never merged with
    each other. (whoosh's own MERGE_SMALL, by a Fibonacci rule on record counts, merged
    every one of the 30 segments of a 100k-document index into one, in memory, for an
    update of one file.)"""
    if not segments:
        return segments
    largest = max(s.doc_count_all() for s in segments)
    small = [s for s in segments if s.doc_count_all() < SMALL * largest]
    if len(small) < 2:
        small = []
    worn = [
        s
        for s in segments
        if s not in small and s.deleted_count() > MAX_DELETED * s.doc_count_all()
    ]
    merged = small + worn
    for segment in merged:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in merged]


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
        """One posting, as whoosh's own writer paths add them."""
        fieldname, term, docnum, weight, value = item
        self.add_field(fieldname, docnum, ((term, 0, weight, value),))

    def add_field(self, fieldname: str, docnum: int, items) -> int:
        """A field's postings for one record, from its (term, frequency, weight, value)
        items; the sum of the frequencies."""
        terms = self.fields[fieldname]
        length = 0
        for term, frequency, weight, value in items:
            postings = terms.get(term)
            if postings is None:
                postings = terms[term] = (array("I"), array("f"), [])
            # Records are added in order, so each term's postings are in document order.
            postings[0].append(docnum)
            postings[1].append(weight)
            postings[2].append(value)
            length += frequency
            self.count += 1
        return length

    def iter_postings(self):
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for term in sorted(terms):
                for docnum, weight, value in zip(*terms[term], strict=True):
                    yield fieldname, term, docnum, weight, value

    def cleanup(self) -> None:
        self.fields.clear()


class _Lengths:
    """The field lengths of a new segment, each field's read in one sweep: its length
    column's bytes at once, decoded as whoosh's `doc_field_length` decodes each (a zero
    byte is None; a field without a column is 0 throughout)."""

    def __init__(self, reader):
        self.reader = reader
        self.fields: dict[str, list[int | None]] = {}

    def doc_field_length(self, docnum: int, fieldname: str) -> int | None:
        return self.of(fieldname)[docnum]

    def of(self, fieldname: str) -> list[int | None]:
        lengths = self.fields.get(fieldname)
        if lengths is None:
            lengths = self.fields[fieldname] = self._read(fieldname)
        return lengths

    def _read(self, fieldname: str) -> list[int | None]:
        count = self.reader.doc_count_all()
        column = self.reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return [0] * count
        stored = column._dbfile.get(column._basepos, column._count) if column._count else b""
        return [_LENGTH_OF_BYTE[b] for b in stored] + [None] * (count - len(stored))


# What each length byte stands for (whoosh stores a length as one byte, approximately).
_LENGTH_OF_BYTE = [None] + [byte_to_length(b) for b in range(1, 256)]


# The postings of an ID field's values (a document id, a role, a date), worked out once.
_ID_ITEMS: dict[tuple[str, str], list] = {}
_ID_ITEMS_KEPT = 100_000


def _indexed(name: str, field, value) -> Iterable:
    """What `field.index(value)` gives; an ID field's items are kept by value."""
    if isinstance(field, ID):
        key = (name, value)
        items = _ID_ITEMS.get(key)
        if items is None:
            if len(_ID_ITEMS) >= _ID_ITEMS_KEPT:
                _ID_ITEMS.clear()
            items = _ID_ITEMS[key] = list(field.index(value))
        return items
    return field.index(value)


def _write_postings(fieldwriter, schema, lengths: _Lengths, pool: _Pool) -> None:
    """whoosh's `FieldWriter.add_postings` over the pool, each term's postings handed to
    the codec's block writer a block at a time rather than with a call per posting."""
    for fieldname in sorted(pool.fields):
        terms = pool.fields[fieldname]
        if not terms:  # a field whose values gave no words: whoosh never starts it
            continue
        fieldwriter.start_field(fieldname, schema[fieldname])
        field_lengths = lengths.of(fieldname)
        for term in sorted(terms):
            fieldwriter.start_term(term)
            _add_blocks(fieldwriter._postwriter, *terms[term], field_lengths)
            fieldwriter.finish_term()
        fieldwriter.finish_field()


def _add_blocks(writer, docnums, weights, values, field_lengths) -> None:
    """Fill a W3PostingsWriter's block buffer as its `add_posting` would, one block at a
    time: ids, weights, the non-empty values, the largest weight, the shortest and longest
    non-zero field length."""
    limit = writer._blocklimit
    for start in range(0, len(docnums), limit):
        if start:
            writer._write_block()
        ids, block_weights = docnums[start : start + limit], weights[start : start + limit]
        writer._ids, writer._weights = ids, block_weights
        writer._values = [v for v in values[start : start + limit] if v]
        heaviest = max(block_weights)
        writer._maxweight = heaviest if heaviest > 0 else 0
        found = [n for n in map(field_lengths.__getitem__, ids) if n]
        writer._minlength = min(found) if found else None
        writer._maxlength = max(found) if found else 0


def reusable(index_dir: Path, rebuild: bool) -> bool:
    """Whether an indexing run can write into the existing index; if not, it creates one.

    A rebuild keeps the old index answering until it commits, unless the old one is damaged
    or was built with another schema (an older udocs).
    """
    if not exists(index_dir):
        return False
    try:
        open_index(index_dir)
    except OlderFormat:
        return False
    except IndexDamaged:
        if rebuild:
            return False
        raise
    return True


class Run:
    """The one writer of an indexing run: it holds the index's lock, deletes documents, and
    commits the segments that segment writers made. With `create`, it first makes a new,
    empty index (see `reusable`)."""

    def __init__(self, index_dir: Path, create: bool):
        try:
            index_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            lock = _locked(index_dir)
        except PermissionError as exc:
            raise IndexUnwritable(index_dir, exc.strerror) from exc
        try:
            ix = _created(index_dir) if create else open_index(index_dir)
            self._writer = _Writer(ix, _lk=False, compound=False)
        except BaseException as exc:
            lock.release()
            if isinstance(exc, PermissionError):
                raise IndexUnwritable(index_dir, exc.strerror) from exc
            raise
        self._writer.writelock = lock

    @property
    def lock_fd(self) -> int:
        """The lock's file descriptor, which forked workers must close."""
        return self._writer.writelock.fd

    def delete(self, doc_id: str) -> None:
        self._writer.delete_by_term("doc", doc_id)

    def commit(self, segments: list, clear: bool) -> None:
        """Make the deletions and the segments visible at once; `clear` drops every older
        segment (a rebuild)."""
        self._writer.joined = tuple(segments)
        self._writer.commit(mergetype=CLEAR if clear else _merge_worn)

    def cancel(self) -> None:
        """Give up the run's changes and its lock; after a commit there is nothing to undo."""
        if not self._writer.is_closed:
            self._writer.cancel()


def _locked(index_dir: Path):
    """The index's write lock, waited for LOCK_WAIT seconds."""
    name = f"{INDEX_NAME}_WRITELOCK"
    path = index_dir / name
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # An index folder from elsewhere can hold anything here: opening a FIFO to lock it
        # would wait for ever, and a link could lead to any file.
        path.unlink()
    lock = FileStorage(str(index_dir)).lock(name)
    if not try_for(lock.acquire, timeout=LOCK_WAIT, delay=0.1):
        raise IndexLocked(index_dir)
    return lock


def _created(index_dir: Path):
    """A new, empty index (whoosh's generation 0), sealed."""
    TOC.create(FileStorage(str(index_dir)), schema(), INDEX_NAME)
    manifest.seal_new(index_dir)
    return sealed_index(index_dir, 0)


class Segments:
    """Adds paragraph records to new segments of its own, which a Run's commit takes in; a
    segment is written once the pool reaches its budget, before the next document's ¶1, so
    that a document is never split between segments (`engine.docids` places paragraphs by
    it; merges copy whole segments in order, and a document is deleted whole). It takes no
    lock: the Run that will commit them holds it."""

    def __init__(self, index_dir: Path):
        # The Run checked or created the index; its format is the Run's concern.
        self._ix = sealed_index(index_dir, manifest.verify(index_dir))
        self._writer = self._new()
        self._done: list = []

    def _new(self) -> _Writer:
        return _Writer(self._ix, _lk=False, compound=False)

    def add(self, record: ParagraphRecord) -> None:
        stemmed, exact = ("body", "exact") if record.role == "prose" else ASIDE
        fields = {
            "doc": record.doc,
            "para": record.paragraph,
            "heading": record.title,
            "text": record.text,
            stemmed: record.text,
            exact: record.text,
            "role": record.role,
            "date": record.date or "",
            "kind": record.kind,
        }
        if record.paragraph == 1:
            fields["title"] = record.title
            if self._writer.pool.count >= POSTINGS_PER_SEGMENT:
                self._done.append(self._writer._finalize_segment())
                self._writer = self._new()
        if stemmed in PAIRS:
            fields[PAIRS[stemmed]] = record.text
        self._writer.add_record(fields)

    def finish(self) -> list:
        """The segments written. Not commit() nor cancel(): they would delete the temporary
        folder the Run's writer shares, and the segments are its to commit."""
        if self._writer._added:
            self._done.append(self._writer._finalize_segment())
        else:
            self._writer._close_segment()
        return self._done

    def abort(self) -> None:
        """Stop writing; the files of a failed run are the Run's to clean."""
        self._writer._close_segment()
