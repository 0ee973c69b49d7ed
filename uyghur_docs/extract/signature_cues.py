"""The lines that open, divide and end a signature block, in several languages.

A block opens at a heading that names signatures ("Signatories", "Endorsed by:",
"签名人：", "Signataires / Signatories") or at a letter's closing ("Sincerely,"); a section
heading inside it says whose names follow ("Organisations", "Individuals", "Global");
site furniture, notes, contacts and recipients end it.
"""

import re
from functools import lru_cache

from uyghur_docs.extract.vocabulary import words
from uyghur_docs.text.names import CONNECTORS
from uyghur_docs.text.normalise import fold

ORGANISATION = "organisation"
PERSON = "person"
# A heading that names both kinds: each entry's own shape decides.
MIXED = "mixed"
MAX_HEADING_WORDS = 8
MAX_HEADING_CHARS = 80
MAX_CJK_HEADING = 16

_CUE = re.compile(
    r"\b(?:co-?)?(?:signator(?:y|ies)|signatures?|signed|signing|signers?|endorse(?:d|ments?|rs)|endorsing"
    r"|supporting (?:parties|organi[sz]ations|groups)|signataires?|firmantes?"
    r"|firmas|unterzeichn\w*|unterschriften|ondertekenaars|ondertekenend\w*|firmatari[ae]?|cosignataires"
    r"|co-?firmantes|adhesiones|adh[ée]sions|sottoscrittori|aderenti|adesioni"
    r"|unterst[üu]tzer\w*|erstunterzeichner\w*|ondertekend|supported by|undersigned|soussign[ée]e?s"
    r"|firman|suscriben|signent|firmano|ondertekenen|unterzeichnen|firmato)\b"
)
_CJK_CUE = re.compile(
    r"签名|簽名|签署|簽署|联署|聯署|连署|連署|倡议人|倡議人|发起|發起|署名|具名|联名|聯名"
    r"|賛同|呼びかけ|서명|연명|참여\s?단체|공동\s?제안|賛同団体|呼びかけ団体"
)
_SOFT_CLOSING = re.compile(
    r"(?:thank you for your (?:time|attention|consideration)|look forward to (?:hearing from"
    r" you|your (?:reply|response)))[^.!?]{0,40}[;,.!]?$"
)
_SECTION_WORDS = {
    PERSON: "individuals individual persons person people personal personalities academics"
    " experts scholars researchers signers /人 /個人 /个人 及個人 及个人 personnes particuliers"
    " personnalités einzelpersonen individuen particulieren singoli"
    " personen personas individuos persone individui 个人 個人 人士 学者 學者 개인 個人",
    ORGANISATION: "organisations organizations organisation organization groups ngos ngo"
    " institutions companies businesses networks associations organismes organisationen"
    " verbände organizaciones organizzazioni organisaties 团体 團體 组织 組織 机构 機構 단체 団体",
    "": "global regional national international local and & other supporting signing initial"
    " et und y e en 和 与 與"
    # Regions that divide a list ("Asia", "Latin America and the Caribbean").
    " africa asia europe americas america latin caribbean pacific oceania middle east north"
    " south central eastern western southern northern mena the arab world"
    # A table's header row names its columns: "Organisation Name", "Name | Affiliation".
    " name names nom noms nombre nombres profession affiliation affiliations designation"
    " 姓名 名称 名稱 单位 單位",
}
_SECTION = {kind: frozenset(ws.split()) for kind, ws in _SECTION_WORDS.items()}
# Lines after which a signature block never continues: site furniture, notes, recipients.
FOOTER = re.compile(
    r"^(?:leave a (?:reply|comment)|your email address|required fields"
    # A site's buttons and prompts, not an organisation whose name starts so ("SHARE Foundation").
    r"|(?:share|print|download|tweet|update|subscribe|donate|newsletter)"
    r"(?:\s+(?:this|on|via|it|now|the|our|article|page|post|story|to|with)\b|\s*[:|!]|$)"
    r"|related(?: posts| articles)?$|tags?:|posted in|filed under|categories|©|copyright"
    r"|all rights reserved|(?:end|foot)?notes?$|references$|annex\b|for (?:more|further) info"
    r"|media contact|press contact|contacts?\s*(?:[:：]|$)|photo credit|photo:|image:"
    r"|read more|click here"
    r"|follow us|cc:|addressed to|to:|recipients?:|read the (?:full|whole|original)"
    r"|add your (?:name|signature)|\{%|\$date|sign up|join our|support our work"
    r"|media (?:enquiries|inquiries)|press (?:enquiries|inquiries)"
    r"|important (?:documents|links)|see also|further reading|external links|more information"
    r"|(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|e-mail|mastodon|bluesky)$"
    r"|-?ends?-?$|###|\[\^?\d+\]|\^?\d{1,3}\s+\S|\[[^\]]*\]$|附件|附录|附錄|来源|來源|注释|註釋"
    r"|kontakt\s*:|contacto\s*:|contatto\s*:|pour (?:plus d'|toute )information|联系人|聯絡人"
    r"|媒体联络|傳媒查詢|연락처|문의|お問い合わせ)"
)


def _words(line: str) -> list[str]:
    return fold(re.sub(r"\([^()]*\)|[:：,，/|]", " ", line)).split()


def is_cjk_heading(line: str) -> bool:
    bare = line.strip().rstrip(":：")
    return len(bare) <= MAX_CJK_HEADING and bool(_CJK_CUE.search(bare)) and "，" not in bare


@lru_cache(maxsize=1 << 12)
def is_heading(line: str) -> bool:
    """A short line that names signatures: "Signatories", "Statement endorsed by:"."""
    if is_cjk_heading(line):
        return True
    text = fold(line.strip())
    if line[:1].islower() and text.split()[0] in CONNECTORS:
        return False
    if len(text) > MAX_HEADING_CHARS or (re.search(r"[.!?]$", text) and len(text.split()) > 3):
        return False
    return len(_words(line)) <= MAX_HEADING_WORDS and bool(_CUE.search(text))


# Each line is tested as a closing and a footer again as each block reader passes it.
@lru_cache(maxsize=1 << 14)
def is_closing(line: str) -> bool:
    """A letter's closing, in any declared language: "Sincerely,", "_Sincerely,_",
    "> Yours faithfully,", "Mit freundlichen Grüßen", "此致敬礼".

    >>> is_closing("> _Sincerely,_"), is_closing("Signed,"), is_closing("Signed by the groups:")
    (True, True, False)
    """
    bare = re.sub(r"[*_>\s]+", " ", fold(line)).strip().rstrip(",.!:，。：")
    return bare in words("closings")


@lru_cache(maxsize=1 << 14)
def is_salutation(line: str) -> bool:
    """A letter's salutation ("Dear Mr. Zheng,", "Sehr geehrte Damen und Herren,",
    "尊敬的…："): the addressee, who does not sign.

    >>> is_salutation("Dear Mr.Zheng Zeguang, the Ambassador,"), is_salutation("Dear friends")
    (True, False)
    """
    text = fold(line.strip().lstrip("*_> "))
    if not re.search(r"[,:，：]$", text) and len(text.split()) > 1:
        return False
    return any(
        text.startswith(cue) and (not cue.isascii() or text[len(cue) : len(cue) + 1] in " ,:")
        for cue in words("salutations")
    )


def is_soft_closing(paragraph: str) -> bool:
    """A letter's last sentence of thanks, after which its signer signs."""
    last = paragraph.split("\n")[-1]
    return bool(_SOFT_CLOSING.search(fold(last)))


@lru_cache(maxsize=1 << 12)
def section_kind(line: str) -> str | None:
    """The kind of names a section heading announces ("" for a neutral section such as
    "Global"); None when the line is not a section heading."""
    found = _words(line)
    if not found or len(found) > MAX_HEADING_WORDS or re.search(r"[.!?]$", line.strip()):
        return None
    vocabulary = frozenset().union(*_SECTION.values())
    known = [w for w in found if w in vocabulary]
    if not line.rstrip().endswith((":", "：")) and len(known) != len(found):
        return None
    if not known:
        return None
    for kind in (PERSON, ORGANISATION):
        if any(w in _SECTION[kind] for w in known):
            return kind
    return ""


@lru_cache(maxsize=1 << 12)
def heading_kind(line: str) -> str | None:
    """The kind of names a signature heading announces ("Individual signatories")."""
    kind = section_kind(line)
    if kind:
        return kind
    found = set(_words(line))
    # Chinese, Japanese and Korean write a heading's words together ("个人联署").
    named = {
        kind
        for kind in (PERSON, ORGANISATION)
        if found & _SECTION[kind]
        or any(w.rstrip("s") in _SECTION[kind] for w in found)
        or any(not w.isascii() and w in line for w in _SECTION[kind])
    }
    # "Organisations and individuals", "團體/人": each entry decides for itself.
    return named.pop() if len(named) == 1 else (MIXED if named else None)


@lru_cache(maxsize=1 << 14)
def is_footer(line: str) -> bool:
    return bool(FOOTER.match(fold(line.strip().lstrip("→>-–— "))))
