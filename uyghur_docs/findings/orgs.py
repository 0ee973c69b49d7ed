"""Organisation names resolved to one organisation across the corpus.

Two names are one organisation when their keys (`name_key`) are equal, when one entry
writes both ("International Service for Human Rights (ISHR)"; an acronym merges only when
the corpus gives it a single expansion), or when the declared alias file says so. Nothing
merges on shared words, so "Uyghur Academy" and "Uyghur Academy USA" stay apart.
"""

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from uyghur_docs.corpus.declared import read_table
from uyghur_docs.errors import AliasFileError, AmbiguousOrganisation, UnknownOrganisation
from uyghur_docs.extract.signers import ORGANISATION, DocumentSigners
from uyghur_docs.text.names import is_acronym, name_key

ALIASES_FILE = "aliases.toml"
SIGNATORY = "signatory"
ISSUER = "issuer"


def load_aliases(corpus_dir: Path) -> dict[str, tuple[str, ...]]:
    """The declared merges in `corpus/aliases.toml` ({} when absent), checked."""
    path = corpus_dir / ALIASES_FILE
    table = read_table(path, AliasFileError)
    for canonical, entry in table.items():
        names = entry.get("aliases") if isinstance(entry, dict) else None
        if (
            set(entry) != {"aliases"}
            or not isinstance(names, list)
            or not all(isinstance(n, str) and name_key(n) for n in names)
        ):
            raise AliasFileError(
                f'{path}: ["{canonical}"] may set only aliases = ["name", ...] (non-empty names)'
            )
    return {canonical: tuple(entry["aliases"]) for canonical, entry in table.items()}


@dataclass(frozen=True)
class Organisation:
    """One organisation: its canonical name and every other name it is written as."""

    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Letter:
    """A document an organisation signed or issued, with the name as the document wrote it."""

    id: str
    title: str
    date: str | None
    role: str
    as_written: str


@dataclass(frozen=True)
class _Mention:
    record: DocumentSigners
    role: str
    as_written: str
    key: str


class Signers:
    """Every organisation mention of a corpus, grouped into organisations."""

    def __init__(
        self,
        records: Iterable[DocumentSigners],
        aliases: Mapping[str, Sequence[str]] | None = None,
    ):
        self.records = {record.id: record for record in records}
        self._parent: dict[str, str] = {}
        self._names: dict[str, list[str]] = defaultdict(list)
        self._acronyms: dict[str, set[str]] = defaultdict(set)
        self._placed: set[str] = set()
        mentions = [m for record in self.records.values() for m in self._read(record)]
        aliases = aliases or {}
        for canonical, names in aliases.items():
            for name in names:
                self._union(name_key(canonical), name_key(name))
        for acronym, keys in self._acronyms.items():
            if len({self._find(k) for k in keys}) == 1:
                self._union(acronym, next(iter(keys)))
        self._mentions: dict[str, list[_Mention]] = defaultdict(list)
        for mention in mentions:
            self._mentions[self._find(mention.key)].append(mention)
        members: dict[str, list[str]] = defaultdict(list)
        for key in list(self._parent):
            members[self._find(key)].append(key)
        self.organisations = {
            root: self._organisation(root, members[root], aliases) for root in self._mentions
        }

    def _read(self, record: DocumentSigners) -> Iterable[_Mention]:
        entries = [
            (SIGNATORY, s.as_written, s.name, s.aliases, s.place)
            for s in record.signatories
            if s.kind == ORGANISATION
        ]
        entries += [(ISSUER, i.as_written, i.name, i.aliases, None) for i in record.issuers]
        for role, as_written, name, aliases, place in entries:
            key = name_key(name)
            written = name_key(as_written)
            self._union(key, written)
            if place:
                # "X, Ukraine" is X: the place neither names it nor finds it by containment.
                self._placed.add(written)
                self._names[key].append(as_written)
            else:
                self._names[key] += [name, as_written]
            for alias in aliases:
                if is_acronym(alias):
                    # Merged later, and only if no other organisation claims the acronym.
                    self._acronyms[name_key(alias)].add(key)
                    self._names[name_key(alias)].append(alias)
                else:
                    self._union(key, name_key(alias))
                    self._names[key].append(alias)
            yield _Mention(record, role, as_written, key)

    def _find(self, key: str) -> str:
        self._parent.setdefault(key, key)
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, a: str, b: str) -> None:
        self._parent[self._find(a)] = self._find(b)

    def _organisation(
        self, root: str, keys: list[str], aliases: Mapping[str, Sequence[str]]
    ) -> Organisation:
        written = [n for k in keys for n in self._names.get(k, ())]
        declared = [c for c in aliases if self._find(name_key(c)) == root]
        written += [a for c in declared for a in aliases[c]]
        full = [n for n in written if not is_acronym(n)] or written
        name = declared[0] if declared else Counter(full).most_common(1)[0][0]
        others = sorted({n for n in written if n != name}, key=str.casefold)
        return Organisation(name, tuple(others))

    def key_of(self, name: str) -> str:
        """The key of the organisation a user's name means: full name, acronym or alias, any
        case. Raises AmbiguousOrganisation when the name is shared or contained in several
        names, and UnknownOrganisation, with close names, when it matches none."""
        key = name_key(name)
        roots = self._roots_for(key)
        if len(roots) == 1:
            return roots.pop()
        if not roots:
            padded = f" {key} "
            keys = (k for k in self._parent if k not in self._placed)
            roots = {self._find(k) for k in keys if key and padded in f" {k} "} & set(
                self.organisations
            )
            if not roots or len(roots) == 1:
                raise UnknownOrganisation(name, self._suggest(key, roots))
        raise AmbiguousOrganisation(name, sorted(self.organisations[r].name for r in roots))

    def _roots_for(self, key: str) -> set[str]:
        roots = {self._find(key)} if key in self._parent else set()
        roots |= {self._find(k) for k in self._acronyms.get(key, ())}
        return roots & set(self.organisations)

    def _suggest(self, key: str, contained: set[str]) -> list[str]:
        by_key = {k: self._find(k) for k in self._parent if self._find(k) in self.organisations}
        close = difflib.get_close_matches(key, list(by_key), n=3, cutoff=0.6)
        roots = [*contained, *(by_key[k] for k in close)]
        return list(dict.fromkeys(self.organisations[r].name for r in roots))[:3]

    def letters(self, root: str) -> tuple[Letter, ...]:
        """The letters of one organisation (by its root key), by date, one per role."""
        seen: dict[tuple[str, str], Letter] = {}
        for mention in self._mentions[root]:
            record = mention.record
            letter = Letter(record.id, record.title, record.date, mention.role, mention.as_written)
            seen.setdefault((record.id, mention.role), letter)
        return tuple(sorted(seen.values(), key=letter_order))

    def key_of_mention(self, name: str) -> str:
        """The key of the organisation an extracted signatory or issuer name belongs to."""
        return self._find(name_key(name))

    def canonical(self, name: str) -> str:
        """The canonical name of the organisation an extracted name belongs to."""
        return self.organisations[self.key_of_mention(name)].name


def letter_order(letter: Letter) -> tuple:
    """Sort key: by date (undated last), then id, signatory before issuer."""
    return (letter.date is None, letter.date or "", letter.id, letter.role != SIGNATORY)


def build_index(
    records: Iterable[DocumentSigners], aliases: Mapping[str, Sequence[str]] | None = None
) -> Signers:
    """The organisation index of extracted documents and declared aliases (may be empty)."""
    return Signers(records, aliases)
