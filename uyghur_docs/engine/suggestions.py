"""Did-you-mean: a corrected query, made of words the corpus really uses, that finds something."""

from pathlib import Path

from whoosh import query as wq

from uyghur_docs.engine.kept import Index, using
from uyghur_docs.engine.match import Documents
from uyghur_docs.engine.parse import parse, prepare
from uyghur_docs.engine.query import allowed
from uyghur_docs.engine.stemming import stem
from uyghur_docs.engine.words import Words, fold
from uyghur_docs.models import Filters


def suggest(index: Index | Path, qstring: str, filters: Filters) -> str | None:
    """A corrected query that does find something, or None.

    Each word whose stem the index lacks is replaced by the indexed stem nearest to the word
    as typed (a stem such as "xinja" for "xinjaing" is too far from anything), shown as a
    word the corpus really uses. The corrected string is parsed again and tried.
    """
    with using(index) as opened:
        if opened.searcher is None:
            return None
        return _suggest(opened, qstring, filters)


def _suggest(opened, qstring: str, filters: Filters) -> str | None:
    text, searcher, schema = prepare(qstring), opened.searcher, opened.schema
    q = parse(schema, qstring)
    reader, corrected = searcher.reader(), text
    tokens = sorted(q.all_tokens(), key=lambda t: t.startchar or 0, reverse=True)
    for token in tokens:
        if token.fieldname != "body" or token.startchar is None:
            continue
        if (token.fieldname, token.text) in reader:
            continue
        stemmed = _nearest_stem(reader, fold(text[token.startchar : token.endchar]))
        if stemmed:
            word = _surface(searcher, stemmed) or stemmed
            corrected = corrected[: token.startchar] + word + corrected[token.endchar :]
    if corrected == text:
        return None
    columns = opened.columns
    found = Documents(searcher, columns["doc"], allowed(columns, filters), fast=opened.fast())
    return corrected if found.matching(parse(schema, corrected)) else None


def _nearest_stem(reader, typed: str) -> str | None:
    """The indexed stem nearest to a typed word; ties go to the most common."""
    for distance in (1, 2):
        found = list(reader.terms_within("body", typed, distance))
        if found:
            return max(found, key=lambda term: reader.doc_frequency("body", term))
    return None


def _surface(searcher, stemmed: str) -> str | None:
    """A word as the corpus writes it (folded) whose stem is `stemmed`."""
    for hit in searcher.search(wq.Term("body", stemmed), limit=1):
        for token in Words()(hit["text"]):
            if stem(token.text) == stemmed:
                return token.text
    return None
