"""An index written before the block codec (whoosh's W3 posting blocks, whoosh's positions
format) is never read as if it were this one's: opening it is refused, naming the remedy,
and an indexing run or a search rebuilds it."""

import pytest
from whoosh import fields, formats
from whoosh.codec.whoosh3 import W3Codec

from uyghur_docs import engine
from uyghur_docs.cli.errors import message
from uyghur_docs.engine import files, schema, stemming, writer
from uyghur_docs.store import search
from uyghur_docs.store.build import update

from .conftest import run


@pytest.fixture
def older(corpus, tmp_path):
    """An index of the corpus as the udocs before the block codec wrote it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writer, "BlockCodec", W3Codec)
        patch.setattr(schema, "BlockPositions", formats.Positions)
        # The encodings of single positions that a build process keeps are this format's.
        patch.setattr(schema, "_ONCE", {})
        update(corpus, tmp_path / "index", jobs=1)
    return tmp_path / "index"


def test_an_index_in_the_older_format_is_refused(older):
    with pytest.raises(files.OlderFormat) as raised:
        engine.check(older)
    assert str(raised.value) == (
        f"the index in {older} is damaged (written by an older udocs, in another format)"
    )


def test_the_refusal_names_the_rebuild(older):
    with pytest.raises(files.OlderFormat) as raised:
        engine.check(older)
    assert message(raised.value) == (
        f"the index in {older} is damaged (written by an older udocs, in another format);"
        " run `udocs index --rebuild`"
    )


@pytest.mark.parametrize("layout", ["older", "unpaired", "other_variants"])
def test_an_indexing_run_rebuilds_an_index_of_an_older_layout(corpus, layout, request, tmp_path):
    index = request.getfixturevalue(layout)
    report = update(corpus, index)
    assert (report.added, report.updated, report.unchanged) == (5, 0, 0)
    fresh = update(corpus, tmp_path / "fresh")
    assert engine.check(index) == fresh.paragraphs
    queries = ['"crimes against humanity"', '"rights of Uyghur"', '"Republic of China"']
    for q in [*queries, "torture AND detention", "Uyghur"]:
        found = search.search(index, q, limit=100)
        assert found.hits, q
        assert found == search.search(tmp_path / "fresh", q, limit=100)


def test_a_search_rebuilds_an_index_in_the_older_format(older):
    result = run("search", "Uyghur", "--index", str(older))
    assert result.exit_code == 0, result.stderr
    assert "rebuilding" in result.stderr
    assert engine.check(older) > 0


@pytest.fixture
def without_para_column(corpus, tmp_path):
    """An index of the corpus as the udocs before the paragraph-number column wrote it
    (`para` stored only)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(schema, "Number", fields.STORED)
        update(corpus, tmp_path / "index", jobs=1)
    return tmp_path / "index"


def _without_pairs():
    unpaired = schema.schema()
    unpaired.remove("body_pairs")
    return unpaired


@pytest.fixture
def unpaired(corpus, tmp_path):
    """An index of the corpus as the udocs before the pair field wrote it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writer, "schema", _without_pairs)
        patch.setattr(writer, "PAIRS", {})
        update(corpus, tmp_path / "index", jobs=1)
    return tmp_path / "index"


@pytest.fixture
def other_variants(corpus, tmp_path):
    """An index of the corpus whose words were folded with another table of spelling
    variants (`text.variants`)."""
    stemmer = next(f for f in schema.analyzer().items if isinstance(f, stemming.LightStem))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stemmer, "variants", "another table")
        update(corpus, tmp_path / "index", jobs=1)
    return tmp_path / "index"


def test_an_index_of_other_spelling_variants_is_refused(other_variants):
    with pytest.raises(files.OlderFormat):
        engine.check(other_variants)


def test_an_index_without_the_paragraph_number_column_is_refused(without_para_column):
    with pytest.raises(files.OlderFormat):
        engine.check(without_para_column)
    assert engine.reusable(without_para_column, rebuild=False) is False


def test_an_index_without_the_paragraph_number_column_is_rebuilt(corpus, without_para_column):
    report = update(corpus, without_para_column)
    assert (report.added, report.updated, report.unchanged) == (5, 0, 0)
    found = search.search(without_para_column, "torture AND detention", limit=100)
    assert [hit.id for hit in found.hits] == [
        "2024-08-28-omct-second-anniversary-statement",
        "2022-03-08-open-letter-high-commissioner",
        "2022-09-hrc51-joint-letter",
        "2022-08-31-campaign-for-uyghurs-press-release",
    ]


def test_an_index_without_the_pair_field_is_refused(unpaired):
    with pytest.raises(files.OlderFormat):
        engine.check(unpaired)
