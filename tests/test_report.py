"""The report's own text: reading it, locating quotations in it despite PDF artefacts,
verifying the seeds against it, and weighing it in as evidence of who is quoted."""

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uyghur_docs.corpus.folder import load_corpus
from uyghur_docs.corpus.report_file import ReportFileError, remembered_report
from uyghur_docs.extract.quotes import extract_quotes
from uyghur_docs.extract.report import (
    SHIPPED,
    Found,
    ReportTextError,
    load_report,
    number_blocks,
    parse_report,
    shipped,
)
from uyghur_docs.findings.quote_groups import quotes_result
from uyghur_docs.findings.verify import verify_quotes

REPO = Path(__file__).resolve().parent.parent
ARTEFACTS = REPO / "tests" / "data" / "report-artefacts.txt"
CAMPAIGN = "2022-08-31-campaign-for-uyghurs-press-release"
HRC51 = "2022-09-hrc51-joint-letter"
OMCT = "2024-08-28-omct-second-anniversary-statement"
MAY_CONSTITUTE = "may constitute international crimes, in particular crimes against humanity"


@cache
def artefacts():
    return parse_report(ARTEFACTS.read_text(encoding="utf-8"))


def test_numbered_paragraphs_survive_headers_footnotes_and_run_on_numbers():
    report = artefacts()
    assert [p.number for p in report.paragraphs] == list(range(141, 150))
    text = " ".join(p.text for p in report.paragraphs)
    assert "A/HRC/00/FIXTURE" not in text and "Invented footnote" not in text
    assert "Conclusions" not in text
    assert report.paragraph(145).text.endswith("crimes against humanity.")  # no "15"
    assert report.paragraph(146).text.startswith("Invented text. The conditions remain")
    with pytest.raises(ReportTextError, match="numbered paragraphs"):
        parse_report("A report\n\nwith no numbers at all.")


def test_locate_tolerates_split_and_joined_words_and_glued_notes():
    report = artefacts()
    assert report.locate("religious or cultural practice") == Found(141, 1.0, True)
    assert report.locate("far-reaching, arbitrary and discriminatory restrictions") == Found(
        143, 1.0, True
    )
    assert report.locate("ill-treatment, and incidents") == Found(144, 1.0, True)
    assert report.locate("reparation to victims without delay") == Found(148, 1.0, True)
    assert report.locate("medical and psycho-social support") == Found(149, 1.0, True)
    changed = report.locate("urgent attention by the United Nations intergovernmental bodies")
    assert (changed.paragraph, changed.exact) == (147, False)
    assert report.locate("nothing of the kind anywhere") is None


def test_seed_quotations_against_a_report_with_pdf_artefacts():
    results = verify_quotes(artefacts(), quotes_result(load_corpus(REPO / "corpus"))).results
    found = {(r.text, r.cited_by): (r.status, r.paragraph) for r in results}
    assert found[(f"“{MAY_CONSTITUTE}.”", (f"{CAMPAIGN} ¶7", f"{OMCT} ¶3"))] == ("verbatim", 145)
    assert found[(f"“{MAY_CONSTITUTE}”", (f"{HRC51} ¶7",))] == ("verbatim", 145)
    urgent = next(r for r in results if r.text.startswith("“urgent attention"))
    assert (urgent.status, urgent.paragraph) == ("altered", 147)
    assert urgent.diff == (
        "urgent attention by [-the Government,-] the United Nations intergovernmental bodies"
        " and human rights system"
    )
    statuses = {r.text: r.status for r in results}
    assert [t for t, s in statuses.items() if s not in ("verbatim", "verbatim-with-elision")] == [
        urgent.text
    ]
    assert sorted(t[:30] for t, s in statuses.items() if s == "verbatim-with-elision") == [
        "“in the context in which this ",
        "“incidents of sexual […] viole",
        "“manifestations... of nothing ",
        "“refrain from returning [Uyghu",
    ]
    assert all(r.paragraph for r in results) and len(results) == 18


PARAGRAPHS = [
    "The report found that officials pursued “far-reaching, arbitrary and discriminatory"
    " restrictions on human rights”.",
    "Activists said the plan was “a thing the report never says”.",
    "A paragraph with no quotation ends what the one before said.",
    "“The conditions remain in place for serious violations to continue and recur.”",
    "The UN says it found “officials concerned with humanitarian victims”.",
    "« Les détenus restent privés de liberté », indique le rapport.",
]


def test_the_report_weighs_in_as_evidence():
    plain = extract_quotes(PARAGRAPHS, "2023-01-01")
    weighed = extract_quotes(PARAGRAPHS, "2023-01-01", artefacts())
    assert [(q.kind, q.status) for q in plain] == [
        ("report", ""),
        ("other", ""),
        ("unknown", ""),
        ("report", ""),
        ("report", ""),
    ]
    assert [(q.kind, q.cue_kind, q.report_paragraph, q.status) for q in weighed] == [
        ("report", "report", 143, "verbatim"),
        ("other", "", None, ""),
        ("report", "unknown", 146, "verbatim"),
        ("report", "report", None, "not found"),  # credited to it, shown as not found
        ("report", "report", None, "translated"),
    ]


def test_the_shipped_report_is_the_official_pdf_s_text():
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert data["sha256"] == "78c58ee5888224b62643fd2b6ffff130def65479bc88e1a604f0be0a7480f08e"
    assert data["source"].startswith("https://www.ohchr.org/")
    assert [n for n, _ in data["paragraphs"]] == list(range(1, 154))
    assert data["annex"].startswith("Note Verbale of the Permanent Mission")
    report = shipped()
    # Footnote numbers and headings are not in the text; lines broken at hyphens are joined.
    assert "ethnic minority communities were missing" in report.paragraph(1).text
    assert report.paragraph(150).text.endswith("their loved ones.")
    assert "counter-terrorism and counter-“extremism” strategies" in report.paragraph(143).text
    assert report.paragraph(148).text.endswith(f"{MAY_CONSTITUTE}.")


def test_the_remembered_report_comes_from_the_environment_or_the_corpus(tmp_path, monkeypatch):
    monkeypatch.delenv("UDOCS_REPORT", raising=False)
    assert remembered_report(tmp_path) is None
    (tmp_path / "assessment.txt").write_text("1. One.", encoding="utf-8")
    (tmp_path / "report.toml").write_text('path = "assessment.txt"\n', encoding="utf-8")
    assert remembered_report(tmp_path) == tmp_path / "assessment.txt"
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("1. Two.", encoding="utf-8")
    monkeypatch.setenv("UDOCS_REPORT", str(elsewhere))
    assert remembered_report(tmp_path) == elsewhere
    monkeypatch.setenv("UDOCS_REPORT", str(tmp_path / "missing.pdf"))
    with pytest.raises(ReportFileError, match=r"no report file at .*missing\.pdf"):
        remembered_report(tmp_path)
    monkeypatch.delenv("UDOCS_REPORT")
    (tmp_path / "report.toml").write_text("file = 3\n", encoding="utf-8")
    with pytest.raises(ReportFileError, match=r"must say path = \"REPORT\.pdf\""):
        remembered_report(tmp_path)


def test_report_files_that_cannot_serve_say_why(tmp_path):
    with pytest.raises(ReportTextError, match="cannot read the report"):
        load_report(tmp_path / "absent.pdf")
    odd = tmp_path / "report.xyz"
    odd.write_text("1. One.", encoding="utf-8")
    with pytest.raises(ReportTextError, match=r"cannot use .*report\.xyz as the report"):
        load_report(odd)


BLOCK = st.text(alphabet=st.sampled_from("0123456789. IVXabcT¶para:\n“”…[]-"), max_size=40)


@settings(deadline=None, max_examples=200)
@given(st.lists(BLOCK, max_size=8), st.text(max_size=60))
def test_any_blocks_give_rising_paragraphs_or_a_clear_error(blocks, quote):
    try:
        report = number_blocks(blocks)
    except ReportTextError:
        return
    numbers = [p.number for p in report.paragraphs]
    assert numbers == sorted(set(numbers))
    found = report.locate(quote)
    assert found is None or found.paragraph in numbers
