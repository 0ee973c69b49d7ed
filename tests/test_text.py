import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from uyghur_docs.corpus.folder import load_corpus
from uyghur_docs.text.normalise import _QUOTES, clean, fold, split_paragraphs


def test_markdown_residue_is_cleaned_but_numbering_is_stable(corpus):
    raw = (corpus / "2020-03-12-ishr-hrw-news-release.txt").read_text()
    doc = {d.id: d for d in load_corpus(corpus)}["2020-03-12-ishr-hrw-news-release"]
    assert len(doc.paragraphs) == len(split_paragraphs(raw)) == 18
    assert doc.paragraph(1) == "UN | Rights body needs to step up on Xinjiang abuses"
    assert doc.paragraph(4) == "□□□□□□□□"
    assert (
        doc.paragraph(10) == "communities abroad, including in the United States and European"
        " Union countries and in UN fora."
    )
    assert not any("](#)" in p or "**" in p for p in doc.paragraphs)


def test_bold_across_lines_is_cleaned(corpus):
    doc = {d.id: d for d in load_corpus(corpus)}["2022-03-08-open-letter-high-commissioner"]
    assert doc.paragraph(1) == (
        "Open letter to UN High Commissioner for Human Rights:\n"
        "OHCHR report on grave human rights violations in Xinjiang can wait no longer"
    )


def test_paragraphs_keep_lines_and_drop_blank_runs():
    assert split_paragraphs("\ufeffA\r\nB\r\n\r\n \t \r\n\r\nC") == ["A\nB", "C"]


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_clean_never_adds_or_removes_paragraphs(text):
    paragraphs = split_paragraphs(text)
    assert len([clean(p) for p in paragraphs]) == len(paragraphs)
    assert all(p.strip() for p in paragraphs)


def _fold_by_character(text: str) -> str:
    """fold as first written: quotes folded, decomposed, every combining mark tested."""
    text = text.translate(_QUOTES)
    decomposed = unicodedata.normalize("NFKD", text).translate(_QUOTES)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_fold_drops_the_marks_a_character_test_drops(text):
    assert fold(text) == _fold_by_character(text)


def test_fold_of_marks_quotes_and_compatibility_forms():
    assert fold("Ü\u0301rümqi ″Ａ″ ﬁ ‘x’") == "urumqi ''a'' fi 'x'"
