"""Organisation names resolved to one organisation across the corpus.

Two names are one organisation when their keys (`name_key`) are equal, when one entry
writes both ("International Service for Human Rights (ISHR)"; an acronym merges only when
the corpus gives it a single expansion), or when the declared alias file says so. Nothing
merges on shared words, so "Uyghur Academy" and "Uyghur Academy USA" stay apart.
"""

import difflib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from uyghur_docs.corpus.declared import read_table
from uyghur_docs.errors import AliasFileError, AmbiguousOrganisation, UnknownOrganisation
from uyghur_docs.extract.signature_cues import ORGANISATION
from uyghur_docs.text.names import is_acronym, name_key

if TYPE_CHECKING:
    # The type only: reading stored mentions needs none of the extraction machinery.
    from uyghur_docs.extract.signers import DocumentSigners


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
class Form:
    """One way a signature or issuer line names an organisation: as written, the name
    extraction made of it, its aliases, and whether a place followed ("X, Ukraine")."""

    as_written: str
    name: str
    aliases: tuple[str, ...]
    placed: bool


def mentions_of(record: "DocumentSigners") -> list[tuple[str, Form]]:
    """The organisations a document names, with their roles, in the order `Signers` reads
    them: signatories first, then issuers."""
    found = [
        (SIGNATORY, Form(s.as_written, s.name, s.aliases, bool(s.place)))
        for s in record.signatories
        if s.kind == ORGANISATION
    ]
    return found + [(ISSUER, Form(i.as_written, i.name, i.aliases, False)) for i in record.issuers]


class Mentions(Protocol):
    """Where `Signers` reads the mentions of a corpus: extracted records in memory
    (`RecordMentions`) or a store that keeps them by name key."""

    def forms(self) -> Iterable[tuple[Form, int]]:
        """Each distinct form with its number of mentions, in order of first mention."""

    def letters(self, keys: Collection[str]) -> Iterable[Letter]:
        """The mentions whose `name_key(name)` is one of keys, by document id then order."""

    def keyed_letters(self) -> Iterable[tuple[str, Letter]]:
        """Every mention's `name_key(name)` and letter, by document id then order."""

    def counts(self) -> Iterable[tuple[str, int]]:
        """Each mentioned name key with the number of documents that mention it."""

    def keyed_documents(self, keys: Collection[str]) -> Iterable[tuple[str, str]]:
        """(key, document id) of each mention whose key is one of keys."""

    def signatories(self, ids: Collection[str] | None) -> Iterable[tuple[str, str | None, str]]:
        """(id, date, name key) of each organisation signatory of the documents (None: all)."""

    def record(self, doc_id: str) -> "DocumentSigners | None":
        """One document's extracted signatories and issuers."""

    def ids(self) -> list[str]:
        """Every document id."""


class RecordMentions:
    """The mentions of extracted records held in memory."""

    def __init__(self, records: Iterable["DocumentSigners"]):
        self.records = {record.id: record for record in records}

    def forms(self) -> Iterable[tuple[Form, int]]:
        found = Counter(form for r in self.records.values() for _, form in mentions_of(r))
        return found.items()

    def letters(self, keys: Collection[str]) -> Iterable[Letter]:
        for r in self.records.values():
            for role, form in mentions_of(r):
                if name_key(form.name) in keys:
                    yield Letter(r.id, r.title, r.date, role, form.as_written)

    def keyed_letters(self) -> Iterable[tuple[str, Letter]]:
        for r in self.records.values():
            for role, form in mentions_of(r):
                yield name_key(form.name), Letter(r.id, r.title, r.date, role, form.as_written)

    def counts(self) -> Iterable[tuple[str, int]]:
        keyed = {(key, letter.id) for key, letter in self.keyed_letters()}
        return Counter(key for key, _ in keyed).items()

    def keyed_documents(self, keys: Collection[str]) -> Iterable[tuple[str, str]]:
        return [(key, letter.id) for key, letter in self.keyed_letters() if key in keys]

    def signatories(self, ids: Collection[str] | None) -> Iterable[tuple[str, str | None, str]]:
        for r in self.records.values():
            if ids is None or r.id in ids:
                named = (form.name for role, form in mentions_of(r) if role == SIGNATORY)
                yield from ((r.id, r.date, name_key(name)) for name in named)

    def record(self, doc_id: str) -> "DocumentSigners | None":
        return self.records.get(doc_id)

    def ids(self) -> list[str]:
        return list(self.records)


class Signers:
    """Every organisation mention of a corpus, grouped into organisations. Only the distinct
    forms are read to group them; the mentions of an organisation are read when asked for."""

    def __init__(self, mentions: Mentions, aliases: Mapping[str, Sequence[str]] | None = None):
        self.mentions = mentions
        self._parent: dict[str, str] = {}
        self._names: dict[str, Counter] = defaultdict(Counter)
        self._acronyms: dict[str, set[str]] = defaultdict(set)
        self._placed: set[str] = set()
        keys = [self._read(form, count) for form, count in mentions.forms()]
        aliases = aliases or {}
        for canonical, names in aliases.items():
            for name in names:
                self._union(name_key(canonical), name_key(name))
        for acronym, named in self._acronyms.items():
            if len({self._find(k) for k in named}) == 1:
                self._union(acronym, next(iter(named)))
        self._members: dict[str, list[str]] = defaultdict(list)
        for key in list(self._parent):
            self._members[self._find(key)].append(key)
        roots = [self._find(key) for key in keys]
        self.organisations: Mapping[str, Organisation] = Made(
            roots, lambda root: self._organisation(root, self._members[root], aliases)
        )

    def _read(self, form: Form, count: int) -> str:
        """Take in one form, mentioned `count` times; its name key."""
        key = name_key(form.name)
        written = name_key(form.as_written)
        self._union(key, written)
        if form.placed:
            # "X, Ukraine" is X: the place neither names it nor finds it by containment.
            self._placed.add(written)
            self._names[key][form.as_written] += count
        else:
            self._names[key][form.name] += count
            self._names[key][form.as_written] += count
        for alias in form.aliases:
            if is_acronym(alias):
                # Merged later, and only if no other organisation claims the acronym.
                self._acronyms[name_key(alias)].add(key)
                self._names[name_key(alias)][alias] += count
            else:
                self._union(key, name_key(alias))
                self._names[key][alias] += count
        return key

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
        written: Counter = Counter()
        for key in keys:
            written.update(self._names.get(key, {}))
        declared = [c for c in aliases if self._find(name_key(c)) == root]
        written.update(a for c in declared for a in aliases[c])
        full = Counter({n: c for n, c in written.items() if not is_acronym(n)}) or written
        name = declared[0] if declared else full.most_common(1)[0][0]
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
        for letter in self.mentions.letters(set(self._members[root])):
            seen.setdefault((letter.id, letter.role), letter)
        return tuple(sorted(seen.values(), key=letter_order))

    def all_letters(self) -> dict[str, tuple[Letter, ...]]:
        """The `letters` of every organisation, by root key: one reading of every mention,
        not one per organisation."""
        seen: dict[str, dict[tuple[str, str], Letter]] = defaultdict(dict)
        for key, letter in self.mentions.keyed_letters():
            seen[self._find(key)].setdefault((letter.id, letter.role), letter)
        return {r: tuple(sorted(seen[r].values(), key=letter_order)) for r in self.organisations}

    def letter_counts(self) -> dict[str, int]:
        """The number of letters each organisation signed or issued, by root key: the
        store counts each key's documents; only an organisation mentioned under several
        keys has its documents read, to count those it shares once."""
        counts = dict(self.mentions.counts())
        found: dict[str, int] = {}
        shared: dict[str, str] = {}
        for root in self.organisations:
            keys = [k for k in self._members[root] if k in counts]
            found[root] = counts[keys[0]] if keys else 0
            if len(keys) > 1:
                shared.update(dict.fromkeys(keys, root))
        documents: dict[str, set[str]] = defaultdict(set)
        for key, doc_id in self.mentions.keyed_documents(shared):
            documents[shared[key]].add(doc_id)
        found.update((root, len(ids)) for root, ids in documents.items())
        return found

    def signatory_keys(self, ids: Collection[str] | None = None) -> dict[str, tuple]:
        """(date, organisation keys) of the documents (None: all) with organisation
        signatories, by id, in document id order."""
        found: dict[str, tuple] = {}
        find = self._find
        for doc_id, date, key in self.mentions.signatories(ids):
            found.setdefault(doc_id, (date, set()))[1].add(find(key))
        return found

    def key_of_mention(self, name: str) -> str:
        """The key of the organisation an extracted signatory or issuer name belongs to."""
        return self._find(name_key(name))

    def canonical(self, name: str) -> str:
        """The canonical name of the organisation an extracted name belongs to."""
        return self.organisations[self.key_of_mention(name)].name


class Made(Mapping):
    """A mapping of known keys, in their first order, whose values are made when first
    asked for: a question about one organisation names only that one."""

    def __init__(self, keys: Iterable[str], make: Callable[[str], Organisation]):
        self._keys, self._make, self._made = dict.fromkeys(keys), make, {}

    def __getitem__(self, key: str) -> Organisation:
        if key not in self._keys:
            raise KeyError(key)
        if key not in self._made:
            self._made[key] = self._make(key)
        return self._made[key]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def letter_order(letter: Letter) -> tuple:
    """Sort key: by date (undated last), then id, signatory before issuer."""
    return (letter.date is None, letter.date or "", letter.id, letter.role != SIGNATORY)


def build_index(
    records: Iterable["DocumentSigners"], aliases: Mapping[str, Sequence[str]] | None = None
) -> Signers:
    """The organisation index of extracted documents and declared aliases (may be empty)."""
    return Signers(RecordMentions(records), aliases)
