"""PDF reading order: columns untangled, lists kept as lines, running lines and footnote
marks dropped, footnotes apart from the body, the largest print on page 1 as the title."""

from pathlib import Path

from fpdf import FPDF

from uyghur_docs.corpus import formats
from uyghur_docs.corpus.pdf import read_pdf

from .conftest import run_json

LEFT = (
    "The Turkic communities of the region made up most of its people for a long time, and they"
    " remain its largest group in every census taken since then."
)
RIGHT = (
    "Newcomers from other provinces now form a much larger share of the people after decades"
    " of settlement that official programmes have long encouraged."
)
NAMES = ["Amnesty International", "Human Rights Watch", "World Uyghur Congress"]
NOTE = "See the census of 2020 as published by the statistics bureau."


class _Brief(FPDF):
    def header(self):
        self.set_font("helvetica", size=8)
        self.cell(0, 6, "POLICY BRIEF | No. 7", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self):
        self.set_y(-12)
        self.set_font("helvetica", size=8)
        self.cell(0, 6, str(self.page_no()), align="C")


def _two_column_brief(path: Path) -> Path:
    pdf = _Brief()
    pdf.add_page()
    pdf.set_font("helvetica", size=20)
    pdf.multi_cell(0, 9, "Xinjiang: what the assessment found", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "Geneva, 5 October 2022", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    top = pdf.get_y()
    pdf.set_xy(10, top)
    pdf.multi_cell(85, 5.5, LEFT + " It is their home.")
    pdf.set_xy(110, top)
    pdf.multi_cell(85, 5.5, RIGHT + " The shift is increas-")
    pdf.set_x(110)
    pdf.multi_cell(85, 5.5, "ing, the report says.")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "Signed by:", new_x="LMARGIN", new_y="NEXT")
    for name in NAMES:
        pdf.multi_cell(0, 6, name, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.write(6, "The figures are official")
    pdf.set_font("helvetica", size=6)
    pdf.write(4, "1")
    pdf.set_font("helvetica", size=11)
    pdf.write(6, " and they are recent.")
    pdf.ln(8)
    for line in ("Under the Counter-", "Terrorism Law, re-", "education is called re-education."):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(250)
    pdf.set_font("helvetica", size=8)
    pdf.multi_cell(0, 4, "1 " + NOTE, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_two_columns_lists_running_lines_and_footnotes(tmp_path):
    path = _two_column_brief(tmp_path / "brief.pdf")
    pdf = read_pdf(path, path.read_bytes())
    assert pdf.paragraphs == [
        "Xinjiang: what the assessment found",
        "Geneva, 5 October 2022",
        LEFT + " It is their home.",
        RIGHT + " The shift is increasing, the report says.",
        "Signed by:",
        "\n".join(NAMES),
        "The figures are official and they are recent.",
        "Under the Counter-Terrorism Law, re-education is called re-education.",
    ]
    assert pdf.footnotes == ["1 " + NOTE]
    assert pdf.headline == "Xinjiang: what the assessment found"


def test_a_pdf_is_added_with_its_printed_title_and_date(corpus, tmp_path):
    path = _two_column_brief(tmp_path / "brief.pdf")
    (added,) = run_json("add", str(path))["added"]
    assert (added["id"], added["title"], added["date"], added["paragraphs"]) == (
        "2022-10-05-xinjiang-what-the-assessment-found",
        "Xinjiang: what the assessment found",
        "2022-10-05",
        9,
    )
    assert formats.read(path, path.read_bytes()).paragraphs[-1] == "1 " + NOTE
