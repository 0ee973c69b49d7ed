"""The posting block codec (`engine.codec`): what is written is read back the same by
whoosh's matchers and by the fast path's block reader, whatever the ids, weights,
positions and block size."""

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import formats
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.filedb.filestore import RamStorage

from uyghur_docs.engine import codec, internals


@st.composite
def postings(draw, positional: bool = True):
    """Ascending ids, each with a weight and (positional) ascending positions."""
    gaps = draw(st.lists(st.integers(1, 70_000), min_size=1, max_size=400))
    ids, at = [], draw(st.integers(0, 2**20))
    for gap in gaps:
        ids.append(at)
        at += gap
    found = []
    counted = draw(st.booleans())
    for n in ids:
        positions = ()
        if positional:
            top = draw(st.sampled_from([300, 70_000]))
            drawn = draw(st.sets(st.integers(0, top), min_size=1, max_size=6))
            positions = tuple(sorted(drawn))
        if counted and positional:
            weight = float(len(positions))
        else:
            # Whole numbers other than the counts (a pair field's) are stored as integers.
            weight = draw(st.sampled_from([1.0, 1.0, 2.5, 0.75, 3.0, 17.0, 300.0, 70_000.0]))
        found.append((n, weight, positions))
    return found


def _written(found, format_, blocklimit: int):
    storage = RamStorage()
    postfile = storage.create_file("postings")
    postfile.write(b"head")  # a posting list starts anywhere in the file
    writer = codec.BlockCodec(blocklimit=blocklimit, compression=0).postings_writer(postfile)
    writer.start_postings(format_, W3TermInfo())
    for n, weight, positions in found:
        value = format_.encode(positions) if positions else b""
        writer.add_posting(n, weight, value, 10)
    info = writer.finish_postings()
    postfile.close()
    return storage.open_file("postings"), info


def _matched(postfile, info, format_) -> list[tuple]:
    offset, length = info.extent()
    matcher = codec.BlockMatcher(postfile, offset, length, format_)
    read = []
    while matcher.is_active():
        value = matcher.value()
        positions = tuple(format_.decode_positions(value)) if value else ()
        read.append((matcher.id(), matcher.weight(), positions))
        matcher.next()
    return read


@settings(max_examples=60, deadline=None)
@given(postings(), st.integers(1, 200), st.data())
def test_positional_blocks_read_back_as_written(found, blocklimit, data):
    format_ = codec.BlockPositions()
    postfile, info = _written(found, format_, blocklimit)
    assert _matched(postfile, info, format_) == found
    offset, length = info.extent()
    read = internals._read_blocks(postfile.get(offset, length), None)
    assert (read.ids, read.weights) == ([n for n, _, _ in found], [w for _, w, _ in found])
    assert [read.positions_at(i) for i in range(len(found))] == [p for _, _, p in found]
    within = sorted(data.draw(st.sets(st.sampled_from([n for n, _, _ in found]))))
    some = internals._read_blocks(postfile.get(offset, length), within)
    held = {n: (w, p) for n, w, p in found}
    assert set(within) <= set(some.ids)
    assert [(w, some.positions_at(i)) for i, w in enumerate(some.weights)] == [
        held[n] for n in some.ids
    ]


@settings(max_examples=30, deadline=None)
@given(postings(positional=False), st.integers(1, 200))
def test_blocks_without_values_read_back_as_written(found, blocklimit):
    format_ = formats.Existence()
    postfile, info = _written(found, format_, blocklimit)
    assert [(n, w) for n, w, _ in _matched(postfile, info, format_)] == [
        (n, w) for n, w, _ in found
    ]


def test_a_block_is_stored_in_the_narrowest_arrays():
    format_ = codec.BlockPositions()
    found = [(5, 1.0, (3,)), (9, 2.0, (0, 7)), (300, 1.0, (70_000,))]
    postfile, info = _written(found, format_, 128)
    offset, _ = info.extent()
    assert postfile.get(offset, 4) == codec.MAGIC
    last, _, head = codec.read_head(postfile, offset + 4)
    # ids 5, +4, +291; counts 1, 2, 1; weights are the counts; a position past 65535;
    # every field length 10 (its byte is 10).
    assert (last, head) == (True, (3, 5, 300, 2.0, 10, 10, b"HB-I"))


def test_whole_number_weights_are_stored_as_the_narrowest_integers():
    format_ = codec.BlockPositions()
    found = [(5, 17.0, (3,)), (9, 1.0, (0,)), (12, 300.0, (8,))]
    postfile, info = _written(found, format_, 128)
    offset, _ = info.extent()
    head = codec.read_head(postfile, offset + 4)[2]
    # one position each (no counts), weights that are not the counts and need 2 bytes.
    assert head[-1] == b"B-HH"
    assert _matched(postfile, info, format_) == [(5, 17.0, (3,)), (9, 1.0, (0,)), (12, 300.0, (8,))]
