"""Signature mentions counted by statement, not by file: every copy of a statement (see
`findings.copies`) stands for it, so an organisation that signed a statement republished
on five sites signed one letter, and the letter is the statement's canonical copy.

An organisation named in any copy signed the statement (copies may carry a longer or
shorter list). `StatementMentions` wraps any `Mentions` and answers the same questions.
"""

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from typing import Protocol

from uyghur_docs.findings.orgs import Letter, Mentions, mentions_of
from uyghur_docs.text.names import name_key


class Statement(Protocol):
    """The statement a copy belongs to: its canonical copy's id, title and date."""

    id: str
    title: str
    date: str | None


class StatementMentions:
    """The mentions of `mentions`, each copy's taken as its statement's. `statement_of`
    maps each document that has copies to its statement."""

    def __init__(self, mentions: Mentions, statement_of: Mapping[str, Statement]):
        self.inner = mentions
        self.statement_of = statement_of
        self._members: dict[str, list[str]] = {}
        for doc, statement in sorted(statement_of.items()):
            self._members.setdefault(statement.id, []).append(doc)

    def _letter(self, letter: Letter) -> Letter:
        statement = self.statement_of.get(letter.id)
        if statement is None:
            return letter
        return Letter(statement.id, statement.title, statement.date, letter.role, letter.as_written)

    def forms(self):
        return self.inner.forms()

    def letters(self, keys: Collection[str]) -> Iterable[Letter]:
        return list(dict.fromkeys(map(self._letter, self.inner.letters(keys))))

    def keyed_letters(self) -> Iterable[tuple[str, Letter]]:
        found = ((key, self._letter(letter)) for key, letter in self.inner.keyed_letters())
        return list(dict.fromkeys(found))

    def counts(self) -> Iterable[tuple[str, int]]:
        """Each key's documents counted, less the copies of one statement beyond the first:
        only the copies' own records are read."""
        counted = Counter(dict(self.inner.counts()))
        for members in self._members.values():
            named = Counter(key for doc in members for key in self._keys(doc))
            counted.subtract({key: n - 1 for key, n in named.items()})
        return counted.items()

    def _keys(self, doc_id: str) -> set[str]:
        record = self.inner.record(doc_id)
        mentioned = mentions_of(record) if record else ()
        return {name_key(form.name) for _, form in mentioned}

    def keyed_documents(self, keys: Collection[str]) -> Iterable[tuple[str, str]]:
        found = self.inner.keyed_documents(keys)
        return list(dict.fromkeys((key, self._id(doc)) for key, doc in found))

    def _id(self, doc_id: str) -> str:
        statement = self.statement_of.get(doc_id)
        return statement.id if statement else doc_id

    def signatories(self, ids: Collection[str] | None) -> Iterable[tuple[str, str | None, str]]:
        asked = None if ids is None else {m for i in ids for m in self._members.get(i, [i])}
        found = []
        for doc, date, key in self.inner.signatories(asked):
            statement = self.statement_of.get(doc)
            found.append(
                (doc, date, key) if statement is None else (statement.id, statement.date, key)
            )
        return list(dict.fromkeys(found))

    def record(self, doc_id: str):
        return self.inner.record(doc_id)

    def ids(self) -> list[str]:
        return self.inner.ids()
