"""Letters composed from signature-block layouts, name pools and languages, for the
generated tests of signatory reading: each letter knows the exact lists it must give.

A letter is a body, a signature block in one layout family and a footer, written as
plain text, Markdown or HTML and read by udocs' own reader, as `udocs add` reads it.
The pools are small, varied and written for these tests.
"""

from dataclasses import dataclass
from html import escape
from pathlib import Path

from hypothesis import strategies as st

from uyghur_docs.corpus import formats

ORGANISATIONS = [
    "Amnesty International",
    "World Uyghur Congress",
    "Access Now",
    "Article 19",
    "Front Line Defenders",
    "Open Rights Network",
    "Uyghur Human Rights Project",
    "Ligue des droits de l'Homme",
    "Gesellschaft für bedrohte Völker",
    "Asociación por los Derechos Civiles",
    "Associazione Antigone",
    "Stichting Vrije Media",
    "Coalition for Digital Freedom",
    "Tibet Action Institute",
    "Campaign for Uyghurs",
    "Freedom House",
    "PEN America",
    "Citizen Lab",
    "香港人權監察",
    "中国人权捍卫者",
    "新疆受害者基金会",
    "참여연대",
    "민주사회를 위한 변호사모임",
    "日本ウイグル協会",
    "ヒューマンライツ・ナウ",
]
# Acronyms that follow a name: "International Service for Human Rights (ISHR)".
ACRONYMS = [
    ("International Service for Human Rights", "ISHR"),
    ("Reporters Without Borders", "RSF"),
    ("Centre for Democracy and Development", "CDD"),
    ("Electronic Frontier Foundation", "EFF"),
    ("Asian Forum for Human Rights and Development", "FORUM-ASIA"),
    ("Fédération internationale pour les droits humains", "FIDH"),
]
ACRONYM_NAMES = [f"{name} ({acronym})" for name, acronym in ACRONYMS]
PLACES = ["Ukraine", "France", "Germany", "Kenya", "Chile", "Hong Kong", "Brazil", "Italy"]
# People and who they are: a role, an organisation, or both.
PEOPLE = [
    ("Jane Roe", "Professor of Law, University of Leeds"),
    ("Maria Okafor", "Director, Open Rights Network"),
    ("Tomás Herrera", "Journalist"),
    ("Anna Müller", "Researcher, Freie Universität Berlin"),
    ("Jean Dupont", "chercheur, Université de Lyon"),
    ("Giulia Bianchi", "PhD Candidate, University of Bologna"),
    ("Pieter de Vries", "Lawyer"),
    ("Dr. Amira Hassan", "Senior Fellow, Centre for Asian Studies"),
    ("Prof. Kenji Sato", "Waseda University"),
    ("Sarah O'Neill", "human rights lawyer"),
]
HEADINGS = [
    # No cue at all: a list that ends the letter.
    "",
    "Signatories:",
    "Signed by:",
    "Endorsed by:",
    "Signataires :",
    "Unterzeichner:",
    "Firmantes:",
    "Firmatari:",
    "Ondertekenaars:",
    "签名团体：",
    "聯署團體：",
    "서명 단체:",
    "賛同団体：",
    "Sincerely,",
    "Yours faithfully,",
    "Cordialement,",
    "Mit freundlichen Grüßen,",
    "Atentamente,",
    "In solidarity,",
    "_Sincerely,_",
    "> Sincerely,",
    "**Signed by:**",
    "Les organisations signataires :",
    "Unterzeichnende Organisationen:",
    "Organizaciones firmantes:",
    "Le organizzazioni firmatarie:",
    "Ondertekenende organisaties:",
    "발기 단체 및 서명 단체:",
    "呼びかけ団体：",
    "發起團體/人包括：",
]
BODY = (
    "We, the undersigned, urge the Human Rights Council to act on the findings of the"
    " assessment and to establish an independent investigation."
)
# The body of a letter in the languages of its heading, wrapped as its writer wrapped it.
BODIES = [
    BODY,
    "We, the undersigned organisations, urge the Human Rights Council to act on the\n"
    "findings of the assessment and to establish an independent investigation.",
    "Nous, organisations soussignées, appelons le Conseil des droits de l'homme à agir\n"
    "sur les conclusions de l'évaluation.",
    "Wir, die unterzeichnenden Organisationen, fordern den Menschenrechtsrat auf, auf die\n"
    "Ergebnisse der Bewertung zu reagieren.",
    "我们，以下签署的团体，敦促人权理事会根据评估报告的结论采取行动。",
    "우리 서명 단체들은 유엔 인권이사회가 평가 보고서의 결론에 따라 행동할 것을 촉구한다.",
    "私たち賛同団体は、国連人権理事会が評価報告書の結論に基づいて行動することを求めます。",
]
FOOTERS = ["", "Contact: press@example.org", "Share this:", "© 2024 Example Network"]


@dataclass(frozen=True)
class Letter:
    """A letter's text and format, and the signatories it must give, as written."""

    text: str
    format: str
    organisations: tuple[str, ...]
    people: tuple[str, ...]

    def paragraphs(self) -> tuple[str, ...]:
        path = Path(f"letter.{self.format}")
        data = self.text.encode("latin-1" if self.format == "pdf" else "utf-8")
        return formats.read(path, data).paragraphs


def _text(heading: str, lines: list[str], footer: str, together: bool, body: str = BODY) -> str:
    block = "\n".join(lines) if together else "\n\n".join(lines)
    parts = [body, heading, block, footer]
    return "\n\n".join(p for p in parts if p) + "\n"


def _html(heading: str, inner: str, footer: str) -> str:
    parts = [f"<p>{escape(BODY)}</p>", f"<p>{escape(heading)}</p>" if heading else "", inner]
    parts.append(f"<p>{escape(footer)}</p>" if footer else "")
    body = "\n".join(p for p in parts if p)
    return (
        f"<html><head><title>Letter</title></head><body><article>\n{body}\n</article></body></html>"
    )


def organisations_as(
    layout: str, names: list[str], heading: str, footer: str, body: str = BODY
) -> Letter:
    """A block of organisations, in one layout family, after a body of prose."""
    if layout == "lines":
        return Letter(_text(heading, names, footer, True, body), "md", tuple(names), ())
    if layout == "hard-breaks":
        # Markdown hard breaks: two trailing spaces or a backslash.
        lines = [n + ("  " if i % 2 else "\\") for i, n in enumerate(names[:-1])] + names[-1:]
        return Letter(_text(heading, lines, footer, True, body), "md", tuple(names), ())
    if layout == "paragraphs":
        return Letter(_text(heading, names, footer, False, body), "txt", tuple(names), ())
    if layout == "bullets":
        return Letter(
            _text(heading, [f"- {n}" for n in names], footer, True, body), "md", tuple(names), ()
        )
    if layout == "numbered":
        items = [f"{i}. {n}" for i, n in enumerate(names, 1)]
        return Letter(_text(heading, items, footer, True, body), "md", tuple(names), ())
    if layout == "table":
        rows = ["| Organisation |", "|---|"] + [f"| {n} |" for n in names]
        return Letter(_text(heading, rows, footer, True, body), "md", tuple(names), ())
    if layout == "html-list":
        items = "".join(f"<li>{escape(n)}</li>" for n in names)
        return Letter(_html(heading, f"<ul>{items}</ul>", footer), "html", tuple(names), ())
    if layout == "html-table":
        rows = "".join(f"<tr><td>{escape(n)}</td></tr>" for n in names)
        inner = f"<table><tr><th>Organisation</th></tr>{rows}</table>"
        return Letter(_html(heading, inner, footer), "html", tuple(names), ())
    if layout == "html-layout":
        # An e-mail newsletter: the letter sits in a layout table's cell.
        lines = "<br>".join(escape(n) for n in names)
        cell = f"<p>{escape(heading)}</p><p>{lines}</p>" if heading else f"<p>{lines}</p>"
        inner = f"<table><tr><td><p>{escape(BODY)}</p>{cell}</td></tr></table>"
        return Letter(_html("", inner, footer), "html", tuple(names), ())
    if layout == "html-br":
        inner = "<p>" + "<br>\n".join(escape(n) for n in names) + "</p>"
        return Letter(_html(heading, inner, footer), "html", tuple(names), ())
    raise ValueError(layout)


ORGANISATION_LAYOUTS = [
    "lines",
    "hard-breaks",
    "paragraphs",
    "bullets",
    "numbered",
    "table",
    "html-list",
    "html-table",
    "html-br",
    "html-layout",
]


def _name_and_translation(names: list[str]) -> bool:
    """A list of three or more pairs, each a Latin name then a name in Han or Hangul, reads
    as each name with its translation (a bilingual letter): the one layout a reader cannot
    tell from a mixed list, so the generator does not write it."""
    latin = [n.isascii() or any(c.isascii() and c.isalpha() for c in n) for n in names]
    return len(names) >= 6 and all(latin[i] != latin[i + 1] for i in range(len(names) - 1))


@st.composite
def organisation_letters(draw, layouts=tuple(ORGANISATION_LAYOUTS)) -> Letter:
    layout = draw(st.sampled_from(layouts))
    names = draw(
        st.lists(st.sampled_from(ORGANISATIONS), min_size=3, max_size=8, unique=True).filter(
            lambda names: not _name_and_translation(names)
        )
    )
    heading = draw(st.sampled_from(HEADINGS))
    footer = draw(st.sampled_from(FOOTERS))
    return organisations_as(layout, names, heading, footer, draw(st.sampled_from(BODIES)))


@st.composite
def placed_letters(draw) -> Letter:
    """ "Name, Country", "Name (Country)", "Name – Country" and "Name (ACR)" lines: the
    entry is kept whole, as written."""
    plain = draw(st.lists(st.sampled_from(ORGANISATIONS[:18]), min_size=2, max_size=5, unique=True))
    places = draw(st.lists(st.sampled_from(PLACES), min_size=len(plain), max_size=len(plain)))
    acronyms = draw(st.lists(st.sampled_from(ACRONYMS), min_size=1, max_size=3, unique=True))
    form = draw(st.sampled_from(["{}, {}", "{} ({})", "{} – {}", "{} - {}"]))
    names = [form.format(n, p) for n, p in zip(plain, places, strict=True)]
    names += [f"{n} ({a})" for n, a in acronyms]
    names = draw(st.permutations(names))
    layout = draw(st.sampled_from(["lines", "paragraphs", "bullets", "html-br"]))
    return organisations_as(layout, list(names), draw(st.sampled_from(HEADINGS)), "")


# How a person's line says who she is.
PERSON_FORMS = ["{name}, {who}", "{name} – {who}", "{name} ({who})"]
PEOPLE_HEADINGS = [
    "Individuals:",
    "Individual signatories:",
    "Personnes :",
    "Einzelpersonen:",
    "Personas firmantes:",
    "个人联署：",
]
# Chinese signers: a name, then a department and a class year, or a title.
CJK_PEOPLE = [
    "王丽华 北京大学法学院 2015级",
    "陈志明 香港中文大学 教授",
    "李文 清华大学新闻学院 2018级",
]


@st.composite
def people_letters(draw) -> Letter:
    """People with their affiliations under a heading of individuals, after a section of
    organisations or alone, as Markdown lines or an HTML list."""
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=3, max_size=6, unique=True))
    form = draw(st.sampled_from(PERSON_FORMS))
    lines = [form.format(name=name, who=who) for name, who in people]
    lines += draw(st.lists(st.sampled_from(CJK_PEOPLE), max_size=2, unique=True))
    orgs = draw(st.lists(st.sampled_from(ORGANISATIONS[:18]), max_size=5, unique=True))
    orgs = orgs if len(orgs) >= 2 else []
    heading = draw(st.sampled_from(PEOPLE_HEADINGS))
    if draw(st.booleans()):
        html = ["<h2>Signatories</h2>"]
        if orgs:
            html += ["<h3>Organisations</h3>", _ul(orgs)]
        html += [f"<h3>{escape(heading)}</h3>", _ul(lines)]
        text = _html("", "\n".join(html), "")
        return Letter(text, "html", tuple(orgs), tuple(lines))
    sections = ["Organisations:", "\n".join(orgs)] if orgs else []
    sections += [heading, "\n".join(lines)]
    text = "\n\n".join([BODY, "Signatories", *sections]) + "\n"
    return Letter(text, "md", tuple(orgs), tuple(lines))


def _ul(names: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(n)}</li>" for n in names) + "</ul>"


# Organisations whose names say so, as one may sign among people ("Electronic Frontier
# Foundation" in a list of individuals); a bare "Access Now" there reads as a person.
MARKED_ORGANISATIONS = [
    "Electronic Frontier Foundation",
    "Open Rights Network",
    "Tibet Action Institute",
    "Uyghur Human Rights Project",
    "Coalition for Digital Freedom",
]


@st.composite
def mixed_letters(draw) -> Letter:
    """People with their affiliations and an organisation or two among them, under one
    heading that names neither kind."""
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=3, max_size=6, unique=True))
    lines = [f"{name}, {who}" for name, who in people]
    orgs = draw(
        st.lists(st.sampled_from(MARKED_ORGANISATIONS), min_size=1, max_size=2, unique=True)
    )
    at = draw(st.lists(st.integers(1, len(lines)), min_size=len(orgs), max_size=len(orgs)))
    entries = list(lines)
    for org, index in zip(orgs, sorted(at, reverse=True), strict=True):
        entries.insert(index, org)
    heading = draw(st.sampled_from(["Signed by:", "Signatories:", "Sincerely,"]))
    text = "\n\n".join([BODY, heading, "\n".join(entries)]) + "\n"
    in_order = [e for e in entries if e in orgs]
    return Letter(text, "md", tuple(in_order), tuple(lines))


@st.composite
def section_line_letters(draw) -> Letter:
    """Sections that give their names on their own line: "Organisations: A, B and C",
    "Individuals: Jane Roe, Professor of Law, University of Leeds; Li Wei"."""
    orgs = draw(st.lists(st.sampled_from(ORGANISATIONS[:18]), min_size=2, max_size=5, unique=True))
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=2, max_size=4, unique=True))
    lines = [f"{name}, {who}" for name, who in people]
    conjunction = draw(st.sampled_from([" and ", ", "]))
    text = "\n\n".join(
        [
            BODY,
            draw(st.sampled_from(["Signatories", "Signed by:", "Signataires :"])),
            "Organisations: " + ", ".join(orgs[:-1]) + conjunction + orgs[-1],
            "Individuals: " + "; ".join(lines),
        ]
    )
    return Letter(text + "\n", "md", tuple(orgs), tuple(lines))


CJK_ORGANISATIONS = [
    "中国人权捍卫者",
    "香港人權監察",
    "新疆受害者基金会",
    "维吾尔人权项目",
    "台灣人權促進會",
]
CJK_NAMES = ["王丽华", "陈志明", "李文", "張雅婷", "刘晓波", "黃之鋒"]


@st.composite
def cjk_mixed_letters(draw) -> Letter:
    """A Chinese list of groups and people in one paragraph, parted by "、", under a heading
    that names both kinds."""
    orgs = draw(st.lists(st.sampled_from(CJK_ORGANISATIONS), min_size=1, max_size=4, unique=True))
    people = draw(st.lists(st.sampled_from(CJK_NAMES), min_size=1, max_size=4, unique=True))
    entries = draw(st.permutations(orgs + people))
    heading = draw(st.sampled_from(["联署团体及个人：", "發起團體/人包括：", "签名团体和个人："]))
    text = "\n\n".join([BODIES[4], heading, "、".join(entries) + "。"]) + "\n"
    in_order = [e for e in entries if e in orgs], [e for e in entries if e in people]
    return Letter(text, "md", tuple(in_order[0]), tuple(in_order[1]))


@st.composite
def grid_letters(draw) -> Letter:
    """A table of names two or three to a row, with no column of types or places; the
    names say they are organisations (a bare "Access Now" in a grid is not told from a
    person's name)."""
    names = draw(
        st.lists(
            st.sampled_from(MARKED_ORGANISATIONS + ACRONYM_NAMES),
            min_size=4,
            max_size=9,
            unique=True,
        )
    )
    width = draw(st.sampled_from([2, 3]))
    rows = [names[i : i + width] for i in range(0, len(names), width)]
    heading = draw(st.sampled_from(["Signatories:", "Signed by:", "Unterzeichner:"]))
    if draw(st.booleans()):
        cells = "".join(
            "<tr>" + "".join(f"<td>{escape(n)}</td>" for n in row) + "</tr>" for row in rows
        )
        return Letter(_html(heading, f"<table>{cells}</table>", ""), "html", tuple(names), ())
    lines = ["| " + " | ".join([""] * width) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    return Letter(_text(heading, lines, "", True), "md", tuple(names), ())


@st.composite
def behalf_letters(draw) -> Letter:
    """ "Person, on behalf of Organisation" lines after a closing: the person signs, and
    the organisation she signs for."""
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=2, max_size=4, unique=True))
    orgs = draw(
        st.lists(
            st.sampled_from(ORGANISATIONS[:18]),
            min_size=len(people),
            max_size=len(people),
            unique=True,
        )
    )
    names = [name for name, _ in people]
    lines = [f"{name}, on behalf of {org}" for name, org in zip(names, orgs, strict=True)]
    heading = draw(st.sampled_from(["Sincerely,", "Yours faithfully,", "Signed by:"]))
    text = "\n\n".join([BODY, heading, "\n".join(lines)]) + "\n"
    return Letter(text, "md", tuple(orgs), tuple(lines))


INLINE = [
    ("This statement is signed by {} and {}.", ", "),
    ("The letter was endorsed by {} and {}.", ", "),
    ("Der Brief wurde unterzeichnet von {} und {}.", ", "),
    ("La lettre est signée par {} et {}.", ", "),
    ("La carta fue firmada por {} y {}.", ", "),
    ("La lettera è firmata da {} e {}.", ", "),
    ("De brief is ondertekend door {} en {}.", ", "),
    ("签署这封公开信的团体包括：{}和{}。", "、"),
]


# A noun that names the signers, then a verb or a colon; a count before the names.
NAMED = [
    ("The signatories are: {} and {}.", ", "),
    ("The signatures on this statement include {} and {}", ", "),
    ("Signatories of the letter include 40 groups, including {} and {}.", ", "),
    ("Les signataires sont : {} et {}.", ", "),
    ("Zu den Unterzeichnern gehören {} und {}.", ", "),
    ("Entre los firmantes se encuentran {} y {}.", ", "),
    ("I firmatari sono {} e {}.", ", "),
    ("De ondertekenaars zijn {} en {}.", ", "),
]
# A web page kept as plain text: one paragraph a line, no blank line between them.
PROSE_LINES = [
    "The groups said the Council had failed to act on the assessment for a year.",
    "They called on member states to establish an independent investigation.",
]


@st.composite
def inline_letters(draw, sentences=tuple(INLINE)) -> Letter:
    names = draw(st.lists(st.sampled_from(ORGANISATIONS[:18]), min_size=3, max_size=6, unique=True))
    sentence, comma = draw(st.sampled_from(sentences))
    line = sentence.format(comma.join(names[:-1]), names[-1])
    lines = [line, *PROSE_LINES] if draw(st.booleans()) else [*PROSE_LINES, line]
    joiner = draw(st.sampled_from(["\n", "\n\n"]))
    text = BODY + joiner + joiner.join(lines) + "\n"
    return Letter(text, "txt", tuple(names), ())


# States that deliver a joint statement, as each language writes their names; "RPDC" and
# "DPRK" are short forms no list of states declares.
STATES = {
    "en": ["China", "Belarus", "Bolivia", "Cuba", "Egypt", "Russian Federation", "DPRK"],
    "fr": ["Chine", "Bélarus", "Bolivie", "Cuba", "Égypte", "Fédération de Russie", "RPDC"],
    "es": ["China", "Belarús", "Bolivia", "Cuba", "Egipto", "Federación de Rusia"],
    "zh": ["中国", "白俄罗斯", "古巴", "埃及", "俄罗斯联邦", "叙利亚"],
}
CLOSINGS = ["Thank you, Mr. President.", "Merci, Monsieur le Président.", "Gracias.", "谢谢。"]


@st.composite
def state_letters(draw) -> Letter:
    names = draw(st.sampled_from(sorted(STATES.values())))
    comma = draw(st.sampled_from(["、"] if names[0] == "中国" else [",", ", "]))
    closing = draw(st.sampled_from(CLOSINGS))
    text = "\n\n".join([BODY, closing, comma.join(names)]) + "\n"
    return Letter(text, "txt", tuple(names), ())


NEGATIVES = [
    # An addressee block: recipients never sign.
    "Dear High Commissioner,\n\n" + BODY,
    "To:\nH.E. Volker Türk\nUnited Nations High Commissioner for Human Rights\n\n" + BODY,
    # A board listed on an organisation's own page.
    BODY
    + "\n\nOur board of directors\n\nJane Roe, Chair\nMaria Okafor, Treasurer\nPieter de Vries,"
    " Secretary",
    # A press release speaks for its issuer, and its contacts are staff.
    "GENEVA (12 May 2023) – Human Rights Watch said today that the Council must act on the"
    " assessment.\n\n" + BODY + "\n\nFor more information, please contact:\nJane Roe,"
    " Human Rights Watch, +41 22 000 00 00\nMaria Okafor, Human Rights Watch, press@example.org",
    # A list of the organisations the letter is addressed to.
    "To the members of the Human Rights Council:\n\nPermanent Mission of France\nPermanent"
    " Mission of Germany\nPermanent Mission of Kenya\n\n" + BODY,
    # A list of members or partners under a title of its own.
    BODY + "\n\nOur members\n\n- Amnesty International\n- Access Now\n- Article 19\n",
    BODY + "\n\n## Partner organisations\n\nFreedom House\nCitizen Lab\nPEN America\n",
    # Countries named in the prose are no signers, nor is a list of them in a sentence.
    BODY + "\n\nThe assessment covers detention in China, and was discussed in Germany, France,"
    " Kenya, Chile and Brazil.",
    # Organisations named in the prose.
    BODY + "\n\nAmnesty International and Human Rights Watch have documented these abuses, as"
    " has the Uyghur Human Rights Project in its reports.",
]


def pdf_letter(path: Path, sections: list[tuple[str, list[str]]], numbered: bool) -> Letter:
    """A PDF letter: a title, the body, "Signatories:", then each section's heading (a
    region, or none) and its names one per line, numbered or not, and a contact line."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=16)
    pdf.multi_cell(0, 8, "Joint letter on the assessment", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, BODY, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Signatories:", new_x="LMARGIN", new_y="NEXT")
    names, number = [], 1
    for heading, section in sections:
        if heading:
            pdf.multi_cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
        for name in section:
            line = f"{number}. {name}" if numbered else name
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            names.append(name)
            number += 1
    pdf.ln(6)
    pdf.multi_cell(0, 6, "Contact: Jane Roe, press@example.org", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return Letter(path.read_bytes().decode("latin-1"), "pdf", tuple(names), ())


# Names composed from three pools, for lists long enough to run over a PDF's pages.
NAME_PARTS = (
    ["Northern", "Free", "Open", "Civic", "Democratic", "Pacific", "Global", "Tibetan", "Uyghur"],
    ["Rights", "Media", "Justice", "Youth", "Lawyers", "Labour", "Press", "Freedom"],
    ["Network", "Association", "Foundation", "Centre", "Alliance", "Institute", "Coalition"],
)


def composed_names(count: int, step: int) -> list[str]:
    """count names, every step-th of the pools' product: distinct while step shares no
    factor with the product's size (9 × 8 × 7)."""
    first, second, third = NAME_PARTS
    every = [f"{a} {b} {c}" for a in first for b in second for c in third]
    return [every[(i * step) % len(every)] for i in range(count)]


def paged_pdf_letter(path: Path, names: list[str], numbered: bool) -> Letter:
    """A PDF letter whose list of names runs over its pages, under a running header and
    above a page number on each page."""
    from fpdf import FPDF

    class Paged(FPDF):
        def header(self):
            self.set_font("helvetica", size=8)
            self.cell(0, 5, "Joint letter on the assessment - 12 May 2023")
            self.ln(8)

        def footer(self):
            self.set_y(-15)
            self.set_font("helvetica", size=8)
            self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Paged()
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, " ".join([BODY] * 4), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Signed by the following organisations:", new_x="LMARGIN", new_y="NEXT")
    for number, name in enumerate(names, 1):
        line = f"{number}. {name}" if numbered else name
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return Letter(path.read_bytes().decode("latin-1"), "pdf", tuple(names), ())
