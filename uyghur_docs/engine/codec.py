"""The index's posting block codec: a block read whole with no pickle and no object per
posting.

whoosh's W3 codec pickles each block's ids, weights and values, and a positional field's
value is a pickle of its own per posting: unpickling was most of a phrase query's time and
half the index's size. Here a block of a positional field (`BlockPositions`) or of a field
without values (an ID's) is a fixed header and little-endian arrays:

    header   count, first and last id, largest weight, shortest and longest field length
             bytes, and the type codes of the arrays that follow ("-": not stored)
    ids      the differences between consecutive ids, after the first
    counts   each posting's number of positions (not stored when each has one)
    weights  each posting's weight (not stored when each is its number of positions;
             whole numbers, as a pair field's are, in the narrowest unsigned type)
    positions  every posting's positions, one after another

framed as W3 frames its blocks (the block's length, negative for the last), so that a
reader skips a block by its header alone. `BlockMatcher` reads these blocks for whoosh's
own matchers (every query the fast path leaves to whoosh), `read_blocks` for the fast path.
Any other format is written and read as whoosh's W3 codec does.
"""

import struct
import sys
from array import array
from itertools import accumulate, pairwise
from operator import sub

from whoosh import formats
from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length, length_to_byte

# The start of a posting list in this codec (whoosh's is b"W3Bl").
MAGIC = b"UdB1"
HEAD = struct.Struct("<HIIfBB4s")
FRAME = struct.Struct("!i")
# A posting's positions as 4-byte unsigned integers, little-endian.
_SWAP = sys.byteorder != "little"
NONE = "-"


def _array(code: str, data) -> array:
    found = array(code, data)
    if _SWAP:
        found.byteswap()
    return found


def _bytes(values: array) -> bytes:
    if _SWAP:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _smallest(values: array, codes: str = "BHI") -> str:
    """The narrowest unsigned type code that holds every value."""
    top = max(values, default=0)
    return next(code for code in codes if top < 1 << (8 * array(code).itemsize))


class BlockPositions(formats.Positions):
    """A posting's positions as 4-byte unsigned integers: a block's positions are then
    its values joined."""

    def encode(self, poslist) -> bytes:
        return _bytes(array("I", poslist))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return _array("I", valuestring).tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // 4


def stored_here(format_) -> bool:
    """Whether this codec's blocks hold a field of this format (else W3's do)."""
    return isinstance(format_, BlockPositions) or format_.fixed_value_size() == 0


class BlockCodec(whoosh3.W3Codec):
    def postings_writer(self, dbfile, byteids=False):
        return BlockPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined() or not stored_here(format_):
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return BlockMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class BlockPostingsWriter(whoosh3.W3PostingsWriter):
    def _write_block(self, last=False):
        if self._byteids or not stored_here(self._format):
            return super()._write_block(last)
        if not self._blockcount:
            self._postfile.write(MAGIC)
        self._terminfo.add_block(self)
        ids = self._ids
        codes, body = encode_block(ids, self._weights, self._values)
        head = HEAD.pack(
            len(ids),
            ids[0],
            ids[-1],
            self._maxweight,
            length_to_byte(self._minlength),
            length_to_byte(self._maxlength),
            codes.encode(),
        )
        length = len(head) + len(body)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(head)
        self._postfile.write(body)
        self._blockcount += 1
        self._new_block()


def encode_block(ids, weights, values: list[bytes]) -> tuple[str, bytes]:
    """A block's type codes and arrays (see the module's docstring) from its ids, weights
    and encoded positions (none for a field without positions)."""
    count = len(ids)
    deltas = array("I", map(sub, ids[1:], ids))
    id_code = _smallest(deltas)
    positions = _array("I", b"".join(values))
    counts = array("I", [len(value) >> 2 for value in values])
    if len(positions) == count or not values:
        count_code, counts = NONE, array("I", [1] * count) if values else array("I")
    else:
        count_code = _smallest(counts)
    expected = array("f", counts) if values else array("f", [1.0] * count)
    weight_code = NONE if array("f", weights) == expected else _weight_code(weights)
    position_code = _smallest(positions, "HI") if values else NONE
    parts = [_bytes(array(id_code, deltas))]
    if count_code != NONE:
        parts.append(_bytes(array(count_code, counts)))
    if weight_code == "f":
        parts.append(_bytes(array("f", weights)))
    elif weight_code != NONE:
        parts.append(_bytes(array(weight_code, map(int, weights))))
    if position_code != NONE:
        parts.append(_bytes(array(position_code, positions)))
    return id_code + count_code + weight_code + position_code, b"".join(parts)


def _weight_code(weights) -> str:
    """ "f", or for whole numbers below 2**32 the narrowest unsigned type that holds them."""
    if all(w == int(w) and 0 <= w < 1 << 32 for w in weights):
        return _smallest(array("I", map(int, weights)))
    return "f"


class Block:
    """One block read back: ids (a list), weights, counts (None: one position each) and
    positions (None: a field without them), each an array read in one piece."""

    __slots__ = ("counts", "ids", "positions", "weights")

    def __init__(self, head: tuple, data: bytes):
        count, first, _, _, _, _, codes = head
        id_code, count_code, weight_code, position_code = codes.decode()
        at, deltas = _take(data, 0, id_code, count - 1)
        self.ids = list(accumulate(deltas, initial=first))
        self.counts = None
        if count_code != NONE:
            at, self.counts = _take(data, at, count_code, count)
        self.weights = None
        if weight_code != NONE:
            at, weights = _take(data, at, weight_code, count)
            self.weights = weights if weight_code == "f" else array("f", weights)
        self.positions = None
        if position_code != NONE:
            self.positions = _array(position_code, data[at:])
        if self.weights is None and self.counts is not None:
            self.weights = array("f", self.counts)
        elif self.weights is None:
            self.weights = array("f", [1.0]) * count

    def values(self, format_) -> tuple:
        """Each posting's value as the format encodes it (whoosh's matchers read these)."""
        if self.positions is None:
            return (None,) * len(self.ids)
        if self.counts is None:
            return tuple(format_.encode((p,)) for p in self.positions)
        ends = list(accumulate(self.counts, initial=0))
        positions = self.positions
        return tuple(format_.encode(positions[a:b]) for a, b in pairwise(ends))


def _take(data: bytes, at: int, code: str, count: int) -> tuple[int, array]:
    end = at + array(code).itemsize * count
    return end, _array(code, data[at:end])


def read_head(postfile, position: int) -> tuple[bool, int, tuple]:
    """A block's frame and header at a position of the postings file: whether it is the
    last, where the next starts, and the header's fields."""
    (length,) = FRAME.unpack(postfile.get(position, FRAME.size))
    return (
        length < 0,
        position + FRAME.size + abs(length),
        HEAD.unpack(postfile.get(position + FRAME.size, HEAD.size)),
    )


class BlockMatcher(whoosh3.W3LeafMatcher):
    """whoosh's leaf matcher over this codec's blocks: W3's, with a block's header and
    arrays read in place of its pickles."""

    def _read_header(self):
        magic = self._postfile.get(self._startoffset, len(MAGIC))
        if magic != MAGIC:
            raise ValueError(f"posting list starts {magic!r}, not {MAGIC!r}")
        self._baseoffset = self._startoffset + len(MAGIC)

    def _goto(self, position):
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        self._lastblock, self._nextoffset, self._head = read_head(self._postfile, position)
        self._dataoffset = position + FRAME.size + HEAD.size
        count, _, last_id, heaviest, shortest, longest, _ = self._head
        self._blocklength, self._maxid, self._maxweight = count, last_id, heaviest
        self._compression = 0
        self._minlength, self._maxlength = byte_to_length(shortest), byte_to_length(longest)

    def _read_data(self):
        data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        self._data = Block(self._head, data)

    def _read_ids(self):
        if self._data is None:
            self._read_data()
        self._ids = self._data.ids

    def _read_weights(self):
        if self._data is None:
            self._read_data()
        self._weights = self._data.weights

    def _read_values(self):
        if self._data is None:
            self._read_data()
        self._values = self._data.values(self.format)
