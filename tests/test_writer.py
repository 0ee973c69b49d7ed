"""The build's shortcuts through whoosh's writer (records added without its generic calls,
postings handed to the codec a block at a time) write the same files as whoosh's own
`add_document` and `add_postings` through the same block codec, byte for byte."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uyghur_docs.engine import Run, Segments, writer
from uyghur_docs.models import ParagraphRecord

WORDS = ["torture", "detention", "Ürümqi", "camps", "of", "the", "labour", "crimes", "人权"]
ROLES = ["prose", "prose", "signatures", "contacts", "boilerplate"]
EXTENSIONS = [
    "_body_len.col",
    "_exact_len.col",
    "_stored.col",
    "_title_len.col",
    "date.col",
    "doc.col",
    "kind.col",
    "para.col",
    "pst",
    "role.col",
    "trm",
]


class _Stock(writer._Writer):
    """whoosh's own paths: add_document, and add_postings with a call per posting."""

    def add_record(self, fields: dict) -> None:
        self.add_document(**fields)

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = writer._Lengths(self.per_document_reader())
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        lengths.reader.close()


def _build(index_dir: Path, records: list[ParagraphRecord]) -> dict[str, bytes]:
    run = Run(index_dir, create=True)
    segments = Segments(index_dir)
    for record in records:
        segments.add(record)
    run.commit(segments.finish(), clear=True)
    # Segment files are named after a random segment id: keep what follows it.
    return {
        path.name.split(".", 1)[1]: path.read_bytes()
        for path in index_dir.iterdir()
        if path.name.startswith("paragraphs_") and "." in path.name
    }


def _records(draw_paragraphs: list[list[tuple[int, str]]]) -> list[ParagraphRecord]:
    out = []
    for number, paragraphs in enumerate(draw_paragraphs):
        doc = f"2023-01-{number:02d}-statement"
        for paragraph, (role, text) in enumerate(paragraphs, start=1):
            date = None if number % 3 == 0 else f"2023-01-{number:02d}"
            record = ParagraphRecord(
                doc, paragraph, f"Title {number}", text, date, "joint-statement", ROLES[role]
            )
            out.append(record)
    return out


paragraph = st.tuples(
    st.integers(0, len(ROLES) - 1),
    st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
)


def _both(fast_dir: Path, stock_dir: Path, records: list[ParagraphRecord]) -> tuple:
    """The segment files of the same records written by the build's writer and whoosh's."""
    fast = _build(fast_dir, records)
    fast_writer, writer._Writer = writer._Writer, _Stock
    try:
        return fast, _build(stock_dir, records)
    finally:
        writer._Writer = fast_writer


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(paragraph, min_size=1, max_size=8), min_size=1, max_size=12))
def test_the_build_writes_what_whoosh_writes(tmp_path_factory, documents):
    records = _records(documents)
    fast, stock = _both(tmp_path_factory.mktemp("fast"), tmp_path_factory.mktemp("stock"), records)
    assert fast == stock


def test_a_term_in_many_blocks_is_written_as_whoosh_writes_it(tmp_path):
    """Postings of a term beyond one block (128 postings), with lengths that vary."""
    documents = [
        [(0, " ".join(["torture"] * (n % 7 + 1) + ["camps"] * (n % 3)))] for n in range(300)
    ]
    fast, stock = _both(tmp_path / "fast", tmp_path / "stock", _records(documents))
    assert sorted(fast) == EXTENSIONS
    assert fast == stock
