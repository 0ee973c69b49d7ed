"""Tables on a terminal fit its width: ids whole, other text wrapped at spaces."""

import pytest

from uyghur_docs.render.output import Renderer
from uyghur_docs.service import Library
from uyghur_docs.store.listing import DocumentRow

from .conftest import SEED_IDS

REPORT_TEXT = (
    "The extent of arbitrary and discriminatory detention of members of Uyghur and other"
    " predominantly Muslim groups may constitute international crimes, in particular crimes"
    " against humanity."
)


def render(capsys, monkeypatch, width, rows, columns) -> list[str]:
    monkeypatch.setenv("COLUMNS", width)
    renderer = Renderer(no_color=True)
    renderer.terminal = True
    renderer.table(rows, columns)
    return capsys.readouterr().out.splitlines()


def assert_fits(lines: list[str], width: str, whole: list[str]) -> None:
    assert lines
    assert max(len(line) for line in lines) <= int(width)
    words = {word.strip(";") for line in lines for word in line.split()}
    for item in whole:
        assert item in words, item


@pytest.mark.parametrize("width", ["80", "120"])
def test_documents_fit_with_ids_and_title_words_whole(corpus, capsys, monkeypatch, width):
    rows = Library(corpus, corpus.parent / "index").documents()
    lines = render(capsys, monkeypatch, width, rows, list(DocumentRow.__dataclass_fields__))
    title_words = [w for row in rows for w in row.title.split()]
    assert_fits(lines, width, SEED_IDS + title_words)


@pytest.mark.parametrize("width", ["80", "120"])
def test_signers_and_report_checks_fit(corpus, capsys, monkeypatch, width):
    pairs = [
        {
            "first": "Uyghur Human Rights Project",
            "second": "World Uyghur Congress",
            "count": 4,
            "letters": SEED_IDS[1:],
        },
    ]
    lines = render(capsys, monkeypatch, width, pairs, ["first", "second", "count", "letters"])
    assert_fits(lines, width, SEED_IDS[1:])
    checks = [
        {
            "status": "altered",
            "paragraph": 148,
            "text": REPORT_TEXT,
            "diff": REPORT_TEXT,
            "cited_by": SEED_IDS,
        },
    ]
    lines = render(
        capsys, monkeypatch, width, checks, ["status", "paragraph", "text", "diff", "cited_by"]
    )
    assert_fits(lines, width, SEED_IDS + REPORT_TEXT.split())


def test_a_narrow_table_stays_a_table(capsys, monkeypatch):
    rows = [{"name": "Human Rights Watch", "letters": 3, "aliases": "HRW"}]
    lines = render(capsys, monkeypatch, "80", rows, ["name", "letters", "aliases"])
    assert lines[0].split() == ["name", "letters", "aliases"]
    assert lines[2].split() == ["Human", "Rights", "Watch", "3", "HRW"]


@pytest.mark.parametrize("width", ["80", "120"])
def test_search_and_quotes_wrap_at_spaces_within_the_width(corpus, capsys, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", width)
    library = Library(corpus, corpus.parent / "index")
    renderer = Renderer(no_color=True)
    renderer.terminal = True
    renderer.search(library.search("China", limit=5))
    renderer.quotes(library.quotes())
    lines = capsys.readouterr().out.splitlines()
    assert_fits(lines, width, SEED_IDS)


def test_a_continued_citation_hangs_and_a_score_stays_whole(corpus, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    library = Library(corpus, corpus.parent / "index")
    renderer = Renderer(no_color=True)
    renderer.terminal = True
    renderer.quotes(library.quotes("urgent"))
    assert [line.rstrip() for line in capsys.readouterr().out.splitlines()] == [
        "“urgent attention by the United Nations intergovernmental bodies and human",
        "rights system.”",
        "  OHCHR report: The report concludes",
        "  2022-09-hrc51-joint-letter ¶7 (2022-09) [altered: report ¶149 reads “urgent",
        "    attention by the Government, the United Nations intergovernmental bodies and",
        "    human rights system”]",
        "",
    ]
    renderer.search(library.search("torture", limit=1))
    assert capsys.readouterr().out.splitlines()[:2] == [
        "2022-08-31-campaign-for-uyghurs-press-release",
        "  2022-08-31  press-release  score 2.95",
    ]
