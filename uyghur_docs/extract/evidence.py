"""The report's text as evidence of who a quotation quotes: evidence first.

Attribution decides from the words around a quotation; where the quotation stands in the
report's text (`extract.alignment`) then weighs in:

- words that align with the report, in its own voice, are the report's unless the text
  gives them to a named other speaker (a person, a government, another body): credited to
  the report, to the High Commissioner or her Office, or to nobody, they are a quotation of
  the report (`report ¶148`) when they are three words or more;
- words the report itself quotes from others (a regulation, an official) are the report's
  only when the text credits the report with them;
- a quotation credited to the report that does not align stays the report's, marked
  `altered` (with the report's words beside it) or `not found`;
- a quotation in another language than the report's is a translation: the cue decides.

The kind decided from the words alone is kept in `cue_kind`, so weighing again with another
report starts from it.
"""

import re
from dataclasses import replace

from uyghur_docs.extract.alignment import check
from uyghur_docs.extract.report import Report, stream
from uyghur_docs.extract.speakers import BEFORE_THE_REPORT, LABELS
from uyghur_docs.extract.speech_cues import FUNCTION_WORDS

MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")


def weigh(quote, report: Report, context: str = ""):
    """The quotation (an `extract.quotes.Quotation`) weighed against the report's text;
    `context` is the text around it in its paragraph."""
    kind = quote.cue_kind or quote.kind
    words = len(quote.text.split())
    # A term nested in someone's words quotes another: the report, if the words are its.
    nested = quote.depth and kind == "term"
    guessed = (kind in ("unknown", "term") and not quote.cue) or quote.cue.endswith(")")
    if not (kind in ("report", "office") or guessed or nested) or BEFORE_THE_REPORT in quote.cue:
        return quote
    if kind != "report" and words < MIN_WORDS:
        return quote  # too short to be anyone's but the report's by evidence alone
    if translated(quote.text, report):
        status = "translated" if kind == "report" else ""
        return _as(quote, kind, status)
    found = check(quote.text, report, context)
    aligned = found.status in ("verbatim", "verbatim-with-elision")
    if kind == "report":
        return _as(quote, "report", found.status, found)
    if aligned and found.own and words >= MIN_WORDS:
        return _as(quote, "report", found.status, found)
    return _as(quote, kind, "")


def language(text: str) -> str | None:
    """The language whose commonest words a text uses most, or None when it uses none of
    them (English wins a tie: the report is in English, and "a" or "in" are shared).

    >>> language("des violations graves"), language("a Muslim name"), language("credible")
    ('fr', 'en', None)
    """
    tokens = [w.casefold() for w in _WORD.findall(text)]
    counts = {lang: sum(t in words for t in tokens) for lang, words in FUNCTION_WORDS.items()}
    best = max(counts, key=lambda lang: (counts[lang], lang == "en"))
    return best if counts[best] else None


def translated(text: str, report: Report) -> bool:
    """Whether a quotation is in another language than the report's (English): by its
    commonest words, else by its longer words, most of which a translation's report lacks."""
    found = language(text)
    if found is not None:
        return found != "en"
    longer = [w.casefold() for w in _WORD.findall(text) if len(w) > 3]
    known = sum(stream(w) in report.vocabulary for w in longer)
    return bool(longer) and known < len(longer) / 2


def _as(quote, kind: str, status: str, found=None):
    speaker = LABELS[kind] if kind != (quote.cue_kind or quote.kind) else quote.speaker
    return replace(
        quote,
        kind=kind,
        speaker=speaker,
        cue_kind=quote.cue_kind or quote.kind,
        report_paragraph=found.paragraph if found else None,
        status=status,
        report_text=found.report_text if found and status != "verbatim" else None,
    )
