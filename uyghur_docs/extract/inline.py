"""A list of signers inside one sentence: "signed by A, B and C", "unterzeichnet von A, B
und C", "签名的还包括：A、B和C". The list ends with the sentence, or at the first piece that
is no name ("The letter, signed by A, B and C, calls for ...")."""

import re

from uyghur_docs.extract.entries import line_entries
from uyghur_docs.extract.kinds import has_cjk
from uyghur_docs.text.names import last_pieces, name_shaped, split_and

_BY = re.compile(
    r"\b(?:co-?signed|signed|endorsed|supported|sign[ée]e?s?|soutenue?s?|appuy[ée]e?s?"
    r"|unterzeichnet|unterst[üu]tzt|firmad[oa]s?|respaldad[oa]s?|apoyad[oa]s?|firmat[oa]"
    r"|sottoscritt[oa]|ondertekend|gesteund)\s+(?:by|par|von|por|da|door)\s*:?\s+"
    r"(?P<rest>[^.!?]+)[.!?]?$",
    re.I,
)
_CJK = re.compile(r"(?:签名|簽名|签署|簽署|联署|聯署|连署|連署)[^：:]{0,10}[：:](?P<rest>.+)$")


def inline_names(line: str) -> list[str]:
    """The names of an inline list in a line; [] when it has none (or only one).

    >>> inline_names("Endorsed by Access Now, Article 19 and Ligue des droits de l'Homme.")
    ['Access Now', 'Article 19', "Ligue des droits de l'Homme"]
    >>> inline_names("Unterzeichnet von Amnesty International und PEN Deutschland")
    ['Amnesty International', 'PEN Deutschland']
    """
    match = _CJK.search(line) or _BY.search(line)
    if not match:
        return []
    names = []
    entries = [re.sub(r"^the\s+", "", e.text) for e in line_entries(match["rest"].strip(), True)]
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
