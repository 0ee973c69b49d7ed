"""What each paragraph of a document is, for the index: prose, or a signature, contact or
boilerplate paragraph, from the document's analysis and its layout.

A paragraph is a signature paragraph when the signatories found in it make up most of its
text (a sentence that names a few signers in passing stays prose), and a contact paragraph
when most of its lines are contact lines and it follows a contact cue, holds one ("Media
contact: ..."), names an issuer, or closes the document with an address or a phone number
to reach someone by (a release's press contacts, cue or none). Site
boilerplate is what a web page wraps a statement in: short paragraphs that open with a
page's furniture ("Leave a Reply", "Share this", "Photo credit:", "©"), and the author box
between the statement's last signature or contact paragraph and such furniture at its end.
"""

import re
from collections import defaultdict

from uyghur_docs.extract.analysis import Analysis
from uyghur_docs.extract.issuers import is_contact, reaches_someone
from uyghur_docs.models import Document

# The share of a paragraph's characters its signature entries (or contact lines) must cover.
MOSTLY = 0.5
# Page furniture is short; a longer paragraph that opens with these words is text.
FURNITURE_CHARS = 160
# At most this many paragraphs of an author box or tagline before the furniture.
AUTHOR_BOX = 3
_CONTACT_CUE = re.compile(
    r"for (?:more|further) information|media contacts?\b|press contacts?\b|\bcontacts?:", re.I
)
_FURNITURE = re.compile(
    r"^\W*(?:leave a (?:reply|comment)|your email address will not be published"
    r"|required fields are marked|share (?:this|on)\b|posted (?:in|on|by)\b|tags?:"
    r"|related (?:posts|articles|news)|subscribe\b|follow us\b|all rights reserved"
    r"|©|copyright\b|(?:photo|image|cover) credits?\b|print this\b|back to top"
    r"|laisser un commentaire|partager\b|deja un comentario|compartir\b"
    r"|发表评论|分享到|版权所有|相关文章)",
    re.IGNORECASE,
)


def paragraph_roles(doc: Document, analysis: Analysis) -> dict[int, str]:
    """The paragraph numbers that are not prose, with their role."""
    roles = {}
    written = defaultdict(int)
    for signatory in analysis.signatories:
        written[signatory.paragraph] += len(signatory.as_written)
    for number, length in written.items():
        if _within(doc, number) and length >= MOSTLY * len(doc.paragraph(number)):
            roles[number] = "signature"
    for number in _contacts(doc.paragraphs, analysis):
        roles.setdefault(number, "contact")
    roles.update(dict.fromkeys(_boilerplate(doc.paragraphs, roles), "boilerplate"))
    return roles


def _contacts(paragraphs, analysis: Analysis) -> list[int]:
    """The paragraphs made mostly of contact lines that follow a contact cue ("For more
    information, please contact:", itself one of them when short), hold one, name an
    issuer, or end the document."""
    named = {i.paragraph for i in analysis.issuers if i.evidence == "contact"}
    closing = _closing(paragraphs)
    contacts, cues, cued = [], set(), False
    for number, text in enumerate(paragraphs, start=1):
        lines = text.split("\n")
        cue = _CONTACT_CUE.search(text) and len(text) <= FURNITURE_CHARS
        if sum(map(is_contact, lines)) >= MOSTLY * len(lines) and (
            cued or cue or number in named or number in closing
        ):
            contacts.append(number)
            cued = True
        elif cue:
            cues.add(number)
            cued = True
        else:
            cued = False
    return contacts + [n for n in cues if n + 1 in contacts]


def _closing(paragraphs) -> set[int]:
    """The paragraphs at the end of a document that each give an address or a phone
    number (page furniture after them aside)."""
    closing = set()
    for number in range(len(paragraphs), 0, -1):
        text = paragraphs[number - 1]
        if any(map(reaches_someone, text.split("\n"))):
            closing.add(number)
        elif not (len(text) <= FURNITURE_CHARS and _FURNITURE.match(text)):
            break
    return closing


def _boilerplate(paragraphs, roles: dict[int, str]) -> list[int]:
    """The numbers of the page furniture at a document's end, and of the author box
    between it and the statement's last signature or contact paragraph."""
    furniture = [
        n
        for n, text in enumerate(paragraphs, start=1)
        if len(text) <= FURNITURE_CHARS and _FURNITURE.match(text) and n not in roles
    ]
    if not furniture:
        return []
    first = furniture[0]
    before = max((n for n in roles if n < first), default=0)
    box = list(range(before + 1, first)) if before and first - before - 1 <= AUTHOR_BOX else []
    return box + furniture


def _within(doc: Document, number: int) -> bool:
    return 1 <= number <= len(doc.paragraphs)
