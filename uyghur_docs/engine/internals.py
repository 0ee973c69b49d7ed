"""whoosh's private parts that reading an index fast relies on, all in one place.

The fast path (`engine.fast`) reads a term's postings a whole block at a time (the blocks of
`engine.codec`, whose classes subclass whoosh's W3 codec) and the field lengths of a segment
in one piece, and scores with the constants of whoosh's own BM25F scorer; the documents of
paragraphs (`engine.docids`) are placed by the `para` column, read in one piece too. Each of
those is a file format or an attribute whoosh does not promise to keep: `shape_problems()`
names any that the installed whoosh lacks (the codec's too), and a test fails on it, so
that an upgrade breaks here, loudly, and nowhere else.
"""

import os
import sys
import tempfile
from array import array
from bisect import bisect_right
from collections.abc import Callable
from io import BytesIO
from itertools import accumulate
from pathlib import Path

import whoosh
from whoosh import formats, scoring
from whoosh.codec import whoosh3
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.index import FileIndex
from whoosh.reading import SegmentReader, TermNotFound
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from uyghur_docs.engine import codec

VERSION = (2, 7, 5)
# Every private name of whoosh's the engine uses, by why; `tests/test_engine_internals.py`
# fails on one used anywhere in the package and missing here (an upgrade of whoosh is
# checked against these, and `shape_problems` against the most load-bearing of them).
PRIVATE = {
    "the block codec (engine.codec) writes a term's posting blocks its own way, from the"
    " state of whoosh's W3 postings writer": (
        "_blocklimit",
        "_compression",
        "_inlinelimit",
        "_byteids",
        "_format",
        "_postfile",
        "_terminfo",
        "_ids",
        "_weights",
        "_values",
        "_maxweight",
        "_minlength",
        "_maxlength",
        "_blockcount",
        "_write_block",
        "_new_block",
    ),
    "the block codec reads them back through whoosh's W3 leaf matcher, whose block state"
    " it fills": (
        "_read_header",
        "_goto",
        "_read_data",
        "_read_ids",
        "_read_weights",
        "_read_values",
        "_startoffset",
        "_baseoffset",
        "_data",
        "_i",
        "_lastblock",
        "_nextoffset",
        "_dataoffset",
        "_blocklength",
        "_maxid",
    ),
    "the index writer (engine.writer) writes a segment's postings from its pool, merges"
    " only small segments and seals the table of contents before whoosh renames it": (
        "_flush_segment",
        "_commit_toc",
        "_finalize_segment",
        "_close_segment",
        "_merge_segments",
        "_added",
        "_postwriter",
    ),
    "a segment's field lengths and columns read in one piece (here and in the writer):"
    " whoosh's readers read one record at a time": (
        "_lenfield",
        "_perdoc",
        "_cached_reader",
        "_dbfile",
        "_basepos",
        "_count",
        "_offsets",
        "_lengths",
    ),
    "a term's postings read whole from the segment's term table (`postings`)": ("_terms",),
    "the one generation the seal checked is opened (engine.files), not the latest": (
        "_read_toc",
        "_schema",
    ),
}
_WRITER_HOOKS = ("_flush_segment", "_commit_toc", "_finalize_segment", "_close_segment")
# What the block codec (`engine.codec`) overrides or reads of whoosh's W3 codec.
_CODEC_HOOKS = {
    "W3 codec": (whoosh3.W3Codec, ("postings_writer", "postings_reader")),
    "W3 postings writer": (
        whoosh3.W3PostingsWriter,
        ("_write_block", "_new_block", "add_posting", "finish_postings"),
    ),
    "W3 leaf matcher": (
        whoosh3.W3LeafMatcher,
        ("_read_header", "_goto", "_read_data", "_read_ids", "_read_weights", "_read_values"),
    ),
    "W3 term info": (whoosh3.W3TermInfo, ("add_block", "extent", "is_inlined")),
    "positions format": (formats.Positions, ("decode_positions", "decode_frequency")),
}
bm25 = scoring.bm25
# A field length as whoosh stores it (one byte, logarithmic) and reads it back.
LENGTHS = [byte_to_length(b) for b in range(256)]
_NUMBER = array("I")


def shape_problems() -> list[str]:
    """What of the whoosh relied on here the installed whoosh lacks, named."""
    problems = []
    if whoosh.__version__ != VERSION:
        problems.append(f"whoosh {whoosh.versionstring()} installed, {VERSION} relied on")
    expected = {
        "W3 field length columns": (whoosh3, "_lenfield"),
        "W3 length column type": (whoosh3, "LENGTHS_COLUMN"),
        "segment reader's deleted records": (SegmentReader, "deleted_docs_set"),
        "W3 per-document reader's columns": (whoosh3.W3PerDocReader, "_cached_reader"),
        "bm25": (scoring, "bm25"),
        "BM25F scorer": (scoring, "BM25FScorer"),
        "index's table of contents": (FileIndex, "_read_toc"),
    }
    # What the index writer (`engine.writer`) overrides or calls of whoosh's segment writer.
    for name in _WRITER_HOOKS:
        expected[f"segment writer's {name}"] = (SegmentWriter, name)
    for what, (home, names) in _CODEC_HOOKS.items():
        for name in names:
            expected[f"{what}'s {name}"] = (home, name)
    for what, (home, name) in expected.items():
        if not hasattr(home, name):
            problems.append(f"{what}: {home.__name__}.{name} is gone")
    if whoosh3._lenfield("body") != "_body_len":
        problems.append("W3 codec names: length column renamed")
    if _NUMBER.itemsize != 4 or not _numbers_read_whole():
        problems.append("numeric column: its 4-byte numbers do not read back in one piece")
    if not _ids_read_alone():
        problems.append("variable bytes column: its values do not read back one at a time")
    return problems


class Postings:
    """One term's postings in one segment: segment-local document numbers (ascending), the
    weight (term frequency) of each, and their positions, every block's in one array."""

    __slots__ = ("_ends", "counts", "ids", "positions", "weights")

    def __init__(self, ids: list[int], weights: list[float], positions: array, counts):
        self.ids, self.weights, self.positions = ids, weights, positions
        # Each posting's number of positions; None: one each.
        self.counts = counts
        self._ends = None

    def positions_at(self, i: int) -> tuple[int, ...]:
        """The positions of the i-th posting."""
        if self.counts is None:
            return (self.positions[i],)
        if self._ends is None:
            self._ends = list(accumulate(self.counts, initial=0))
        return tuple(self.positions[self._ends[i] : self._ends[i + 1]])


def postings(
    reader, fieldname: str, term: bytes, within: list[int] | None = None
) -> Postings | None:
    """A term's postings in a segment, each block read whole; None if it has none. With
    `within` (document numbers, ascending), only the blocks that could hold one of them:
    a block's header (its last id) comes apart from its postings."""
    terms = reader._terms
    try:
        info = terms.term_info(fieldname, term)
    except TermNotFound:
        return None
    if info.is_inlined():
        return _inlined(info, reader.schema[fieldname].format)
    offset, length = info.extent()
    # A term info read back from disk holds its length as unpacked, in a 1-tuple.
    (length,) = length if isinstance(length, tuple) else (length,)
    return _read_blocks(terms._postfile.get(offset, length), within)


def _inlined(info, format_) -> Postings:
    ids, weights, values = info.inlined_postings()
    decoded = [format_.decode_positions(value) for value in values]
    positions = array("I", [p for found in decoded for p in found])
    return Postings(list(ids), list(weights), positions, [len(found) for found in decoded])


def _read_blocks(data: bytes, within: list[int] | None) -> Postings:
    if data[:4] != codec.MAGIC:
        raise ValueError(f"posting list starts {data[:4]!r}, not {codec.MAGIC!r}")
    ids: list[int] = []
    weights: list[float] = []
    positions, counts, counted = array("H"), [], False
    position, last, before = 4, False, -1
    while not last:
        (size,) = codec.FRAME.unpack_from(data, position)
        last, size = size < 0, abs(size)
        head = codec.HEAD.unpack_from(data, position + codec.FRAME.size)
        start, end = position + codec.FRAME.size + codec.HEAD.size, position + 4 + size
        wanted = within is None or _any_between(within, before, head[2])
        before, position = head[2], end
        if not wanted:
            continue
        block = codec.Block(head, data[start:end])
        ids.extend(block.ids)
        weights.extend(block.weights)
        if block.positions is not None:
            positions = _joined(positions, block.positions)
        if block.counts is not None:
            counted = True
            counts.extend(block.counts)
        else:
            counts.extend([1] * len(block.ids))
    return Postings(ids, weights, positions, counts if counted else None)


def _joined(held: array, more: array) -> array:
    """Positions joined, in 2-byte numbers until some need 4."""
    if held.typecode != more.typecode:
        if held.typecode == "H":
            held = array("I", held)
        else:
            more = array("I", more)
    held.extend(more)
    return held


def _any_between(numbers: list[int], after: int, upto: int) -> bool:
    """Whether any of the ascending numbers is in (after, upto]."""
    at = bisect_right(numbers, after)
    return at < len(numbers) and numbers[at] <= upto


def lengths(reader, fieldname: str) -> bytes:
    """The length byte of a field in every document of a segment (0: none), in one piece."""
    perdoc = reader._perdoc
    column = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    count = reader.doc_count_all()
    if column is None:
        return bytes(count)
    stored = column._dbfile.get(column._basepos, column._count)
    return stored + bytes(count - len(stored))


def bm25_constants(searcher, leaf, fieldname: str, term: bytes) -> tuple[float, ...]:
    """(idf, average field length, B, K1) of whoosh's own BM25F scorer for a term in a
    segment (idf and average length are the whole index's)."""
    scorer = searcher.weighting.scorer(leaf, fieldname, term)
    if not isinstance(scorer, scoring.BM25FScorer):
        raise TypeError(f"scorer {type(scorer).__name__}, not BM25F")
    return scorer.idf, scorer.avgfl, scorer.B, scorer.K1


def paragraph_numbers(reader) -> array:
    """The `para` column of a segment, every record's paragraph number, in one read (its
    reader reads the file once per look-up)."""
    column = reader.column_reader("para", translate=False)
    count = reader.doc_count_all()
    if not isinstance(column, NumericColumn.Reader):
        return array("I", column)
    return _numbers(column, count)


def _numbers(column, count: int) -> array:
    """A numeric column of 4-byte numbers (big-endian on disk) as an array, every record's
    (no record of udocs' columns takes the default, which whoosh leaves unwritten)."""
    numbers = array("I", column._dbfile.get(column._basepos, count * _NUMBER.itemsize))
    if sys.byteorder == "little":
        numbers.byteswap()
    return numbers


def id_reader(reader) -> Callable[[int], str]:
    """The id in a segment's `doc` column of one record, by its number in the segment: one
    read of the file where it is (whoosh's reader seeks and reads through a buffer)."""
    return _one_at_a_time(reader.column_reader("doc", translate=False))


def _one_at_a_time(column) -> Callable[[int], str]:
    try:
        fd = column._dbfile.file.fileno()
    except (AttributeError, OSError):
        return lambda n: column[n].decode("utf-8")
    base, offsets, lengths = column._basepos, column._offsets, column._lengths
    return lambda n: os.pread(fd, lengths[n], base + offsets[n]).decode("utf-8")


def _ids_read_alone() -> bool:
    """Whether the ids of a variable-bytes column in a file read back one at a time as
    `_one_at_a_time` reads them."""
    written = ["d1", "", "déjà-2"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ids"
        with path.open("wb") as out:
            writer = VarBytesColumn().writer(StructFile(out))
            for number, value in enumerate(written):
                writer.add(number, value.encode())
            writer.finish(len(written))
        size = path.stat().st_size
        with path.open("rb") as read:
            column = VarBytesColumn().reader(StructFile(read), 0, size, len(written))
            try:
                found = _one_at_a_time(column)
                return [found(n) for n in range(len(written))] == written
            except (AttributeError, OSError):
                return False


def _numbers_read_whole() -> bool:
    """Whether a numeric column whoosh writes reads back whole as `_numbers` reads it."""
    written = [3, 1, 2**31]
    column, stored = NumericColumn("I"), StructFile(BytesIO())
    writer = column.writer(stored)
    for number, value in enumerate(written):
        writer.add(number, value)
    writer.finish(len(written))
    data = stored.file.getvalue()
    try:
        reader = column.reader(BufferFile(data), 0, len(data), len(written))
        return list(_numbers(reader, len(written))) == written
    except (AttributeError, ValueError):
        return False
