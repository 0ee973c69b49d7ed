"""The reports `udocs signers` prints: frozen dataclasses whose `asdict` is the JSON."""

import difflib
import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from uyghur_docs.errors import UnknownDocument
from uyghur_docs.extract.signature_cues import ORGANISATION
from uyghur_docs.findings.orgs import Letter, Organisation, Signers

if TYPE_CHECKING:
    # The type only: reading stored mentions needs none of the extraction machinery.
    from uyghur_docs.extract.signers import DocumentSigners


@dataclass(frozen=True)
class OrganisationLetters:
    """An organisation and every letter it signed or issued."""

    name: str
    aliases: tuple[str, ...]
    letters: tuple[Letter, ...]


@dataclass(frozen=True)
class OrganisationsResult:
    """Every organisation, those in most letters first."""

    organisations: tuple[OrganisationLetters, ...]


def organisations_result(index: Signers) -> OrganisationsResult:
    """Every organisation with its letters; most letters first, then by name."""
    letters = index.all_letters()
    rows = [
        OrganisationLetters(org.name, org.aliases, letters[root])
        for root, org in index.organisations.items()
    ]
    rows.sort(key=lambda r: (-len({letter.id for letter in r.letters}), r.name.casefold()))
    return OrganisationsResult(tuple(rows))


@dataclass(frozen=True)
class OrganisationResult:
    """One organisation and its letters by date."""

    organisation: Organisation
    letters: tuple[Letter, ...]


@dataclass(frozen=True)
class OrganisationCount:
    """An organisation and the number of letters it signed or issued."""

    name: str
    aliases: tuple[str, ...]
    letters: int


@dataclass(frozen=True)
class OrganisationCountsResult:
    """Every organisation with its number of letters, those in most letters first."""

    organisations: tuple[OrganisationCount, ...]


def organisation_counts(index: Signers) -> OrganisationCountsResult:
    """Every organisation with its number of letters, in the order of
    `organisations_result`, without reading each letter."""
    counts = index.letter_counts()
    rows = [
        OrganisationCount(org.name, org.aliases, counts[root])
        for root, org in index.organisations.items()
    ]
    rows.sort(key=lambda r: (-r.letters, r.name.casefold()))
    return OrganisationCountsResult(tuple(rows))


def organisation_result(index: Signers, name: str) -> OrganisationResult:
    """The letters one organisation signed or issued, by date; a letter where it did both
    appears once per role."""
    key = index.key_of(name)
    return OrganisationResult(index.organisations[key], index.letters(key))


@dataclass(frozen=True)
class Role:
    """How one organisation appears in a letter."""

    name: str
    role: str
    as_written: str


@dataclass(frozen=True)
class SharedLetter:
    """A letter every requested organisation appears in; `roles` follows the request order."""

    id: str
    title: str
    date: str | None
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class SharedLettersResult:
    """The letters all the requested organisations appear in together."""

    organisations: tuple[Organisation, ...]
    letters: tuple[SharedLetter, ...]


def shared_letters(index: Signers, names: Sequence[str]) -> SharedLettersResult:
    """The letters in which every named organisation appears, by date (repeated --org).

    JSON: {"organisations": [{"name", "aliases"}], "letters": [{"id", "title", "date",
    "roles": [{"name", "role", "as_written"}]}]}. An organisation counts in a letter as
    signatory or issuer; `roles` holds each of its roles there, in the order of `names`.
    Naming one organisation twice counts it once.
    """
    keys = list(dict.fromkeys(index.key_of(name) for name in names))
    letters = [index.letters(key) for key in keys]
    common = set.intersection(*({letter.id for letter in ls} for ls in letters))
    documents = {letter.id: letter for ls in letters for letter in ls if letter.id in common}
    shared = []
    for document in sorted(documents.values(), key=_record_order):
        roles = tuple(
            Role(index.organisations[key].name, letter.role, letter.as_written)
            for key, ls in zip(keys, letters, strict=True)
            for letter in ls
            if letter.id == document.id
        )
        shared.append(SharedLetter(document.id, document.title, document.date, roles))
    return SharedLettersResult(tuple(index.organisations[key] for key in keys), tuple(shared))


def _record_order(document: "DocumentSigners | Letter") -> tuple:
    return (document.date is None, document.date or "", document.id)


def _dated(item: tuple[str, tuple]) -> tuple:
    """Sort key of a (id, (date, ...)) item, as `_record_order`."""
    doc_id, (date, _) = item
    return (date is None, date or "", doc_id)


@dataclass(frozen=True)
class DocumentRef:
    """The document a report is about."""

    id: str
    title: str
    date: str | None


@dataclass(frozen=True)
class SignatoryRow:
    """A signatory as the document wrote it, with its canonical name if an organisation."""

    name: str
    as_written: str
    kind: str
    paragraph: int


@dataclass(frozen=True)
class IssuerRow:
    """An issuer as the document wrote it, with its canonical name and the evidence."""

    name: str
    as_written: str
    paragraph: int
    evidence: str


@dataclass(frozen=True)
class DocumentSignersResult:
    """Who signed and who issued one document, in document order (--doc). `unread` lists
    the paragraphs where a signature heading or closing gave no names."""

    document: DocumentRef
    signatories: tuple[SignatoryRow, ...]
    issuers: tuple[IssuerRow, ...]
    unread: tuple[int, ...] = ()


def document_signers(
    index: Signers, doc_id: str, unread: tuple[int, ...] = ()
) -> DocumentSignersResult:
    """The signatories and issuers of one document; an unknown id suggests close ids.
    `unread` is what `read_signatures` found of signature headings without names."""
    record = index.mentions.record(doc_id)
    if record is None:
        raise UnknownDocument(doc_id, difflib.get_close_matches(doc_id, index.mentions.ids()))
    signatories = tuple(
        SignatoryRow(
            index.canonical(s.name) if s.kind == ORGANISATION else s.name,
            s.as_written,
            s.kind,
            s.paragraph,
        )
        for s in record.signatories
    )
    issuers = tuple(
        IssuerRow(index.canonical(i.name), i.as_written, i.paragraph, i.evidence)
        for i in record.issuers
    )
    ref = DocumentRef(record.id, record.title, record.date)
    return DocumentSignersResult(ref, signatories, issuers, unread)


@dataclass(frozen=True)
class Pair:
    """Two organisations and the letters both signed."""

    first: str
    second: str
    count: int
    letters: tuple[str, ...]


@dataclass(frozen=True)
class CoSigningResult:
    """Pairs of organisations that signed the same letters, most shared letters first."""

    pairs: tuple[Pair, ...]


def cosigning_result(
    index: Signers, limit: int | None = 20, org: str | None = None
) -> CoSigningResult:
    """Who signed with whom: pairs of signatory organisations by letters shared.

    With `org`, only the pairs it is in, it first; otherwise a pair's first organisation
    is the one whose name sorts first. Issuers do not count: issuing a release is not
    co-signing it. `limit` caps the pairs (None for all); ties go by name.
    """
    focus = index.key_of(org) if org else None
    among = {letter.id for letter in index.letters(focus)} if focus else None
    documents = index.signatory_keys(among)
    names = {k: index.organisations[k].name for _, keys in documents.values() for k in keys}
    counts = _pair_counts(documents, focus, lambda k: (names[k], k))
    rank = lambda pair: (-counts[pair], names[pair[0]].casefold(), names[pair[1]], pair)  # noqa: E731
    ranked = sorted(_most(counts, limit), key=rank)[:limit]
    order = {doc_id: n for n, (doc_id, _) in enumerate(sorted(documents.items(), key=_dated))}
    signed: dict[str, set[str]] = defaultdict(set)
    for doc_id, (_, keys) in documents.items():
        for key in keys:
            signed[key].add(doc_id)
    return CoSigningResult(
        tuple(
            Pair(
                names[a],
                names[b],
                counts[a, b],
                tuple(sorted(signed[a] & signed[b], key=order.get)),
            )
            for a, b in ranked
        )
    )


def _pair_counts(documents: dict[str, tuple], focus: str | None, order) -> Counter:
    """The letters each pair of organisations signed together: a letter of n signatories
    has n(n-1)/2 pairs, counted at C speed."""
    counts: Counter = Counter()
    for _, keys in documents.values():
        if focus is None:
            counts.update(combinations(sorted(keys, key=order), 2))
        elif focus in keys:
            counts.update((focus, k) for k in keys if k != focus)
    return counts


def _most(counts: Counter, limit: int | None) -> list[tuple[str, str]]:
    """The pairs whose count is at least that of the `limit`-th most common (all when
    None): the only ones the ranking by count and name can put first."""
    if limit is None or len(counts) <= limit:
        return list(counts)
    least = heapq.nlargest(limit, counts.values())[-1]
    return [pair for pair, count in counts.items() if count >= least]
