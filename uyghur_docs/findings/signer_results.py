"""The reports `udocs signers` prints: frozen dataclasses whose `asdict` is the JSON."""

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
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
