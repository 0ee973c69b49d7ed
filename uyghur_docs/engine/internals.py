"""whoosh's private parts that reading an index fast relies on, all in one place.

The fast path (`engine.fast`) reads a term's postings a whole block at a time, the field
lengths and the `doc` column of a segment in one piece each, and scores with the constants
of whoosh's own BM25F scorer. Each of those is a file format or an attribute whoosh does not
promise to keep: `shape_problems()` names any that the installed whoosh lacks, and a test
fails on it, so that an upgrade breaks here, loudly, and nowhere else.
"""

import pickle
import struct
import zlib
from bisect import bisect_right
from io import BytesIO
from itertools import accumulate

import whoosh
from whoosh import scoring
from whoosh.codec import whoosh3
from whoosh.columns import VarBytesColumn
from whoosh.reading import SegmentReader, TermNotFound
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

VERSION = (2, 7, 5)
# Each block of a posting list: its length (negative for the last), a pickled tuple of
# facts about it (count, last id, max weight, compression, min and max length bytes) and the
# pickled (delta-coded ids, weights, values), zlib-compressed when compression is not 0.
_MAGIC = whoosh3.WHOOSH3_HEADER_MAGIC
_INT = struct.Struct("!i")
_WRITER_HOOKS = ("_flush_segment", "_commit_toc", "_finalize_segment", "_close_segment")
bm25 = scoring.bm25
# A field length as whoosh stores it (one byte, logarithmic) and reads it back.
LENGTHS = [byte_to_length(b) for b in range(256)]


def shape_problems() -> list[str]:
    """What of the whoosh relied on here the installed whoosh lacks, named."""
    problems = []
    if whoosh.__version__ != VERSION:
        problems.append(f"whoosh {whoosh.versionstring()} installed, {VERSION} relied on")
    expected = {
        "W3 posting blocks": (whoosh3, "WHOOSH3_HEADER_MAGIC"),
        "W3 field length columns": (whoosh3, "_lenfield"),
        "W3 length column type": (whoosh3, "LENGTHS_COLUMN"),
        "segment reader's deleted records": (SegmentReader, "deleted_docs_set"),
        "W3 per-document reader's columns": (whoosh3.W3PerDocReader, "_cached_reader"),
        "bm25": (scoring, "bm25"),
        "BM25F scorer": (scoring, "BM25FScorer"),
        "variable bytes column reader": (VarBytesColumn, "Reader"),
    }
    # What the index writer (`engine.writer`) overrides or calls of whoosh's segment writer.
    for name in _WRITER_HOOKS:
        expected[f"segment writer's {name}"] = (SegmentWriter, name)
    for what, (home, name) in expected.items():
        if not hasattr(home, name):
            problems.append(f"{what}: {home.__name__}.{name} is gone")
    if _MAGIC != b"W3Bl" or whoosh3._lenfield("body") != "_body_len":
        problems.append("W3 codec names: posting header or length column renamed")
    return problems


class Postings:
    """One term's postings in one segment: segment-local document numbers (ascending), the
    weight (term frequency) of each, and each one's encoded value (its positions)."""

    __slots__ = ("ids", "values", "weights")

    def __init__(self, ids: list[int], weights: list[float], values: list):
        self.ids, self.weights, self.values = ids, weights, values


def postings(
    reader, fieldname: str, term: bytes, within: list[int] | None = None
) -> Postings | None:
    """A term's postings in a segment, each block read whole; None if it has none. With
    `within` (document numbers, ascending), only the blocks that could hold one of them:
    a block's facts (its last id) come apart from its postings."""
    terms = reader._terms
    try:
        info = terms.term_info(fieldname, term)
    except TermNotFound:
        return None
    if info.is_inlined():
        ids, weights, values = info.inlined_postings()
        return Postings(list(ids), list(weights), list(values))
    offset, length = info.extent()
    # A term info read back from disk holds its length as unpacked, in a 1-tuple.
    (length,) = length if isinstance(length, tuple) else (length,)
    return _read_blocks(terms._postfile.get(offset, length), within)


def _read_blocks(data: bytes, within: list[int] | None) -> Postings:
    if data[:4] != _MAGIC:
        raise ValueError(f"posting list starts {data[:4]!r}, not a W3 block")
    ids: list[int] = []
    weights: list[float] = []
    values: list = []
    stream, position, last, before = BytesIO(data), 4, False, -1
    while not last:
        (size,) = _INT.unpack_from(data, position)
        last, size = size < 0, abs(size)
        stream.seek(position + 4)
        count, last_id, _, compression, _, _ = pickle.load(stream)
        wanted = within is None or _any_between(within, before, last_id)
        before, position = last_id, position + 4 + size
        if not wanted:
            continue
        if compression:
            block = pickle.loads(zlib.decompress(data[stream.tell() : position]))
        else:
            block = pickle.load(stream)
        delta_ids, block_weights, block_values = block
        # Each block's ids are coded from 0, not from the block before.
        ids.extend(accumulate(delta_ids))
        weights.extend(_weights(block_weights, count))
        values.extend(block_values if block_values is not None else (None,) * count)
    return Postings(ids, weights, values)


def _any_between(numbers: list[int], after: int, upto: int) -> bool:
    """Whether any of the ascending numbers is in (after, upto]."""
    at = bisect_right(numbers, after)
    return at < len(numbers) and numbers[at] <= upto


def _weights(stored, count: int):
    """A block's weights as whoosh minified them: none (all 1.0), one for all, or each."""
    if stored is None:
        return (1.0,) * count
    if isinstance(stored, float):
        return (stored,) * count
    return stored


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


def doc_ids(reader) -> list[str]:
    """The `doc` column of a segment, every paragraph's document id, read in one piece
    when it is a variable-bytes column (whoosh's reader reads the file once per look-up);
    the paragraphs of one document share one string."""
    column = reader.column_reader("doc", translate=False)
    if not isinstance(column, VarBytesColumn.Reader):
        return list(reader.column_reader("doc"))
    offsets, sizes = column._offsets, column._lengths
    size = offsets[-1] + sizes[-1] if len(offsets) else 0
    data = column._dbfile.get(column._basepos, size)
    shared: dict[bytes, str] = {}
    found = []
    for start, length in zip(offsets, sizes, strict=True):
        raw = data[start : start + length]
        text = shared.get(raw)
        if text is None:
            text = shared[raw] = raw.decode("utf-8")
        found.append(text)
    return found
