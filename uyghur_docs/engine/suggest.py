"""Did-you-mean: a corrected query, made of words the corpus really uses, that finds something."""

from pathlib import Path

from whoosh import query as wq

from uyghur_docs.engine.files import open_index
from uyghur_docs.engine.query import CountingTop, allowed, normalise, parse
from uyghur_docs.engine.schema import analyzer
from uyghur_docs.models import Filters


def suggest(index_dir: Path, qstring: str, filters: Filters) -> str | None:
    """A corrected query that does find something, or None.

    Each word whose stem the index lacks is replaced by the indexed stem nearest to the word
    as typed (a stem such as "xinja" for "xinjaing" is too far from anything), shown as a
    word the corpus really uses. The corrected string is parsed again and tried.
    """
    ix = open_index(index_dir)
    text = normalise(qstring)
    q = parse(ix, qstring)
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
        found = CountingTop(1, None, allowed(reader, filters))
        searcher.search_with_collector(parse(ix, corrected), found)
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
        for token in analyzer()(text, chars=True, mode="index"):
            if token.text == stem:
                return text[token.startchar : token.endchar].lower()
    return None
