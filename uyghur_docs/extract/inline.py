"""A list of signers inside one sentence: "signed by A, B and C", "unterzeichnet von A, B
und C", "签名的还包括：A、B和C". The list ends with the sentence, or at the first piece that
is no name ("The letter, signed by A, B and C, calls for ...")."""

import re

from uyghur_docs.extract.entries import line_entries
from uyghur_docs.text.names import last_pieces, name_shaped, split_and
from uyghur_docs.text.scripts import has_cjk

_BY = re.compile(
    r"\b(?:co-?signed|signed|endorsed|supported|sign[ée]e?s?|soutenue?s?|appuy[ée]e?s?"
    r"|unterzeichnet|unterst[üu]tzt|firmad[oa]s?|respaldad[oa]s?|apoyad[oa]s?|firmat[oa]"
    r"|sottoscritt[oa]|ondertekend|gesteund)\s+(?:by|par|von|por|da|door)\s*:?\s+"
    r"(?P<rest>[^.!?]+)[.!?]?$",
    re.I,
)
# "The signatories are: A, B and C", "Zu den Unterzeichnern gehören A, B und C": the list
# follows a noun that names the signers and a verb or colon that says who they are.
_NAMED = re.compile(
    r"^[^.!?:]{0,60}?\b(?:co-?)?(?:signator(?:y|ies)|signatures|signers|endorsers"
    r"|(?:signing|endorsing|supporting) (?:organi[sz]ations|groups)|signataires|unterzeichner\w*"
    r"|firmantes|firmatari[oe]?|ondertekenaars)\b[^.!?:]{0,60}?"
    r"(?:\b(?:are|were|include[sd]?|sont|incluent|comprennent|figurent|sind|umfassen|geh[öo]ren"
    r"|son|incluyen|figuran|se encuentran|sono|includono|figurano|ci sono|zijn)\b\s*:?|:)"
    r"\s*(?P<rest>[^.!?]+)[.!?]?$",
    re.I,
)
# "signed by 42 groups, including A, B and C": the count is no name; the names follow it.
_COUNTED = re.compile(
    r"^(?:(?:more than|over|some|about|plus de|über|más de|oltre|meer dan)\s+)?\d+\s+"
    r"[^,:]{0,40}?,?\s+(?:including|among them|such as|notably|dont|darunter|entre ellas"
    r"|incluidas|tra cui|waaronder)\s*:?\s+",
    re.I,
)
_CJK = re.compile(r"(?:签名|簽名|签署|簽署|联署|聯署|连署|連署)[^：:]{0,10}[：:](?P<rest>.+)$")


def inline_names(line: str) -> list[str]:
    """The names of an inline list in a line; [] when it has none (or only one).

    >>> inline_names("Endorsed by Access Now, Article 19 and Ligue des droits de l'Homme.")
    ['Access Now', 'Article 19', "Ligue des droits de l'Homme"]
    >>> inline_names("Unterzeichnet von Amnesty International und PEN Deutschland")
    ['Amnesty International', 'PEN Deutschland']
    >>> inline_names("The signatories are: Access Now, Article 19 and PEN America")
    ['Access Now', 'Article 19', 'PEN America']
    >>> inline_names("Signed by 40 groups, including Access Now and Article 19.")
    ['Access Now', 'Article 19']
    """
    match = _CJK.search(line) or _BY.search(line) or _NAMED.search(line)
    if not match:
        return []
    names = []
    rest = _COUNTED.sub("", match["rest"].strip())
    entries = [re.sub(r"^the\s+", "", e.text) for e in line_entries(rest, True)]
    for index, entry in enumerate(entries):
        # The list's own conjunction stands in its last name: the last entry, or the
        # last before the sentence goes on.
        last = index + 1 == len(entries) or not _name_piece(entries[index + 1])
        for piece in last_pieces(entry) if last else split_and(entry):
            piece = re.sub(r"^the\s+", "", piece)
            if not _name_piece(piece):
                return names if len(names) >= 2 else []
            names.append(piece)
    return names if len(names) >= 2 else []


def _name_piece(piece: str) -> bool:
    return has_cjk(piece) or name_shaped(piece)
