"""Which quotations a `udocs quotes` listing keeps: by the citing document's kind and date,
by speaker, and by how the quotation stands against the report."""

import re
from dataclasses import dataclass

from uyghur_docs.text.dates import within
from uyghur_docs.text.normalise import fold

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class QuoteFilter:
    """Kinds and dates are the citing document's; `speaker` keeps the quotations whose
    speaker's label has all its words (any case: "chinese" finds "Chinese government");
    `statuses` are those of `models.STATUSES`. Empty fields keep everything."""

    kinds: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    speaker: str | None = None
    statuses: tuple[str, ...] = ()

    def keeps(self, doc, quote) -> bool:
        """Whether the quotation (an `extract.quotes.Quotation`) of `doc` is kept."""
        dated = not (self.since or self.until) or within(doc.date, self.since, self.until)
        return (
            dated
            and (not self.kinds or doc.kind in self.kinds)
            and (not self.statuses or quote.status in self.statuses)
            and (not self.speaker or _words(self.speaker) <= _words(quote.speaker))
        )


def _words(text: str) -> set[str]:
    return set(_WORD.findall(fold(text)))
