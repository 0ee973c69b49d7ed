"""`udocs quotes` with the report's text: given as a PDF, remembered, and per-citation rows."""

import csv
import io
import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

from uyghur_docs.extract.quotes import extract_quotes
from uyghur_docs.findings.quote_groups import quotes_result
from uyghur_docs.models import Document

from .conftest import DATA, run, run_json

CAMPAIGN = "2022-08-31-campaign-for-uyghurs-press-release"
HRC51 = "2022-09-hrc51-joint-letter"
OMCT = "2024-08-28-omct-second-anniversary-statement"
MAY_CONSTITUTE = "may constitute international crimes, in particular crimes against humanity"
PARAGRAPHS = [
    "145. Invented text for the tests. The extent of arbitrary and discriminatory detention of"
    f" members of the groups concerned {MAY_CONSTITUTE}.",
    "146. Invented text. The conditions remain in place for serious violations to continue and"
    " recur.",
    "147. Invented text. The situation requires urgent attention by the Government, the United"
    " Nations intergovernmental bodies and human rights system, and the wider community.",
]


class _Report(FPDF):
    def header(self):
        self.set_font("helvetica", size=9)
        self.cell(0, 8, "A/HRC/00/FIXTURE")
        self.ln(12)


def make_report_pdf(path: Path) -> Path:
    pdf = _Report()
    for paragraph in PARAGRAPHS:
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_against_a_pdf_report_cites_its_paragraphs(corpus, tmp_path):
    data = run_json("quotes", "--against", str(make_report_pdf(tmp_path / "report.pdf")))
    found = {(r["text"], r["status"], r["paragraph"]) for r in data["results"]}
    assert (f"“{MAY_CONSTITUTE}.”", "verbatim", 145) in found
    assert (f"“{MAY_CONSTITUTE}”", "verbatim", 145) in found
    assert ("“to continue and recur”", "verbatim", 146) in found
    urgent = next(r for r in data["results"] if r["text"].startswith("“urgent attention"))
    assert (urgent["status"], urgent["paragraph"], urgent["cited_by"]) == (
        "altered",
        147,
        [f"{HRC51} ¶7"],
    )


def test_a_report_that_cannot_be_read_is_a_one_line_error(corpus, tmp_path):
    broken = tmp_path / "report.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    result = run("quotes", "--against", str(broken))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot use") and len(result.stderr.splitlines()) == 1


def test_the_remembered_report_is_used_by_the_stored_extraction(corpus, monkeypatch):
    monkeypatch.setenv("UDOCS_REPORT", str(DATA / "report-artefacts.txt"))
    assert run("index").exit_code == 0
    first = run_json("quotes")["quotes"][0]
    assert [(c["id"], c["paragraph"], c["report_paragraph"]) for c in first["citations"]] == [
        (CAMPAIGN, 7, 145),
        (HRC51, 7, 145),
        (OMCT, 3, 145),
    ]


def test_a_report_declared_in_the_corpus_folder(corpus, monkeypatch):
    monkeypatch.delenv("UDOCS_REPORT", raising=False)
    # In a folder of the corpus's own, whose files are not documents.
    (corpus / "report").mkdir()
    shutil.copyfile(DATA / "report-artefacts.txt", corpus / "report" / "assessment.txt")
    (corpus / "report.toml").write_text('path = "report/assessment.txt"\n', encoding="utf-8")
    first = run_json("quotes")["quotes"][0]
    assert {c["report_paragraph"] for c in first["citations"]} == {145}
    (corpus / "report.toml").write_text('path = "nowhere.pdf"\n', encoding="utf-8")
    result = run("quotes")
    assert result.exit_code == 1 and "no report file at" in result.stderr


@pytest.mark.parametrize("named", ["absolute", "up", "link"])
def test_a_report_toml_may_name_only_a_file_inside_the_corpus(corpus, monkeypatch, named):
    monkeypatch.delenv("UDOCS_REPORT", raising=False)
    secret = corpus.parent / "secret.txt"
    secret.write_text("1. Not for a shared corpus to read.\n", encoding="utf-8")
    (corpus / "report").mkdir()
    (corpus / "report" / "assessment.txt").symlink_to(secret)
    path = {"absolute": str(secret), "up": "../secret.txt", "link": "report/assessment.txt"}[named]
    (corpus / "report.toml").write_text(f'path = "{path}"\n', encoding="utf-8")
    result = run("quotes")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {corpus / 'report.toml'} names {secret}, outside the corpus folder; a"
        f" report.toml may name only a file inside {corpus} (set UDOCS_REPORT for a report"
        " elsewhere)\n"
    )


def test_csv_rows_carry_each_citation_s_own_cue(corpus):
    rows = list(csv.DictReader(io.StringIO(run("quotes", "--csv", "--min-docs", "2").stdout)))
    assert [(r["id"], r["paragraph"], r["cue"]) for r in rows] == [
        (CAMPAIGN, "7", "it finds (The report)"),
        (HRC51, "7", "The report concludes"),
        (OMCT, "3", "report … concluded"),
    ]


def _doc(doc_id: str, date: str, *paragraphs: str) -> Document:
    return Document(doc_id, doc_id, date, "other", f"{doc_id}.txt", "0", paragraphs)


WHOLE = (
    "The report found that “the extent of arbitrary and discriminatory detention of members of"
    f" the groups concerned {MAY_CONSTITUTE}.”"
)


def test_groups_show_only_the_words_every_citation_quotes():
    docs = [
        _doc("whole", "2022-10-01", WHOLE),
        _doc("part", "2022-09-01", f"The report concludes that abuses “{MAY_CONSTITUTE}”."),
        _doc(
            "twice",
            "2023-01-01",
            f"The report says “{MAY_CONSTITUTE}” and, again, “{MAY_CONSTITUTE}”.",
        ),
    ]
    extracted = {d.id: extract_quotes(d.paragraphs, d.date) for d in docs}
    (group,) = quotes_result(docs, extracted=extracted, min_docs=2).quotes
    assert group.text == MAY_CONSTITUTE
    assert [(c.id, c.paragraph) for c in group.citations] == [
        ("part", 1),
        ("whole", 1),
        ("twice", 1),
    ]
    assert group.citations[1].as_written.startswith("“the extent of arbitrary")
    assert (group.documents, group.first_quoted) == (3, "2022-09-01")


def test_a_changed_report_setting_is_noticed_and_the_analyses_made_again(corpus, monkeypatch):
    monkeypatch.delenv("UDOCS_REPORT", raising=False)
    assert run("index").exit_code == 0
    shipped = run_json("quotes")["quotes"][0]
    assert {c["report_paragraph"] for c in shipped["citations"]} == {148}
    monkeypatch.setenv("UDOCS_REPORT", str(DATA / "report-artefacts.txt"))
    # The listing reads no stale analysis: it analyses again at once.
    first = run_json("quotes")["quotes"][0]
    assert {c["report_paragraph"] for c in first["citations"]} == {145}
    searched = run("search", "Karakax")
    assert searched.exit_code == 0
    assert searched.stderr.splitlines()[:2] == [
        "the report setting changed (UDOCS_REPORT or report.toml) since the index was built;"
        " analysing every document again",
        "indexed 5 documents (188 paragraphs), skipped 0",
    ]
    again = run("search", "Karakax")
    assert again.stderr == "1 of 1 matching documents shown\n"
    first = run_json("quotes")["quotes"][0]
    assert {c["report_paragraph"] for c in first["citations"]} == {145}
    monkeypatch.delenv("UDOCS_REPORT")
    indexed = run("index")
    assert "5 added, 0 updated, 0 removed, 0 unchanged" in indexed.stderr
