"""The report's text as evidence of who a quotation quotes.

Attribution decides from the words around a quotation; when the report's text is known,
where the quotation stands in it weighs in:

- a quotation the words credit to the report and that stands in it keeps that, with the
  report's paragraph (`report ¶148`);
- one credited to the report that is nowhere in it, even changed, is not the report's
  unless the words name the document itself ("the report says"): then it stays the
  report's, flagged `not found in the report`;
- one credited to nobody (unknown, or a term with no cue), or to a speaker only guessed from a
  pronoun (`it states (Beijing)`), of three words or more that stands in the report word for
  word is the report's (`found in the report ¶N`);
- a quotation in another language than the report's (a translation) is left as it was.

The kind decided from the words alone is kept in `cue_kind`, so weighing again with
another report starts from it.
"""

import re
from dataclasses import replace

from uyghur_docs.extract.report import Report
from uyghur_docs.extract.speakers import LABELS

# A share this high of a quotation's words, in pairs, makes it the report's words, changed.
CHANGED = 0.8
MIN_WORDS = 3
_DOCUMENT = re.compile(
    r"\b(?:report|assessment|findings|document|rapport|évaluation|bericht|informe|evaluación)",
    re.IGNORECASE,
)


def weigh(quote, report: Report):
    """The quotation (an `extract.quotes.Quotation`) weighed against the report's text."""
    kind = quote.cue_kind or quote.kind
    guessed = (kind in ("unknown", "term") and not quote.cue) or quote.cue.endswith(")")
    if quote.depth or not (kind == "report" or guessed):
        return quote
    if not report.speaks(quote.text):
        return _as(quote, kind, None, "in another language than the report")
    found = report.locate(quote.text)
    if kind == "report":
        if found and (found.exact or found.share >= CHANGED):
            return _as(quote, "report", found.paragraph, f"report ¶{found.paragraph}")
        if found or _DOCUMENT.search(quote.cue):
            return _as(quote, "report", None, "not found in the report")
        return _as(quote, "unknown", None, "not found in the report")
    if found and found.exact and len(quote.text.split()) >= MIN_WORDS:
        return _as(quote, "report", found.paragraph, f"found in the report ¶{found.paragraph}")
    return _as(quote, kind, None, "")


def _as(quote, kind: str, paragraph: int | None, evidence: str):
    speaker = LABELS[kind] if kind != (quote.cue_kind or quote.kind) else quote.speaker
    return replace(
        quote,
        kind=kind,
        speaker=speaker,
        cue_kind=quote.cue_kind or quote.kind,
        report_paragraph=paragraph,
        evidence=evidence,
    )
