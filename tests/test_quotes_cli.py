import csv
import json

from .conftest import DATA, SEED_IDS, run, run_json

MAY_CONSTITUTE = "may constitute international crimes, in particular crimes against humanity."


def test_most_cited_group_cites_every_document_that_quotes_it(corpus):
    data = run_json("quotes", "--min-docs", "2")
    (group,) = data["quotes"]
    assert (group["text"], group["attributed_to"]) == (MAY_CONSTITUTE, "OHCHR report")
    assert [(c["id"], c["paragraph"], c["date"]) for c in group["citations"]] == [
        ("2022-08-31-campaign-for-uyghurs-press-release", 7, "2022-08-31"),
        ("2022-09-hrc51-joint-letter", 7, "2022-09"),
        ("2024-08-28-omct-second-anniversary-statement", 3, "2024-08-28"),
    ]
    assert {c["as_written"][-2:] for c in group["citations"]} == {".”", "y”"}


def test_json_contract(corpus):
    data = run_json("quotes")
    assert list(data) == ["quotes"]
    # The issue asked for each citation's own speaker and cue, and per group the number of
    # documents and the first date quoted.
    assert list(data["quotes"][0]) == [
        "text",
        "attributed_to",
        "cue",
        "citations",
        "documents",
        "first_quoted",
    ]
    assert list(data["quotes"][0]["citations"][0]) == [
        "id",
        "title",
        "date",
        "paragraph",
        "as_written",
        "speaker",
        "cue",
        "report_paragraph",
        "status",
        "report_text",
        "url",
    ]
    assert len(data["quotes"]) == 17


def test_keyword_filters_with_search_folding(corpus):
    texts = [q["text"] for q in run_json("quotes", "TORTURE")["quotes"]]
    assert texts == ["patterns of torture or ill-treatment"]


def test_doc_filter_and_all_speakers(corpus):
    only = run_json("quotes", "--doc", "2024-08-28-omct-second-anniversary-statement")
    assert [q["text"] for q in only["quotes"]] == [MAY_CONSTITUTE]
    everyone = run_json("quotes", "--all", "--doc", "2024-08-28-omct-second-anniversary-statement")
    assert {(q["text"], q["attributed_to"]) for q in everyone["quotes"]} >= {
        ("completely illegal and void.", "Chinese government"),
        (MAY_CONSTITUTE, "OHCHR report"),
    }


def test_pre_report_documents_quote_nothing_from_it(corpus):
    for doc_id in SEED_IDS[:2]:
        assert run_json("quotes", "--doc", doc_id)["quotes"] == []


def test_docs_counts_report_quotes(corpus):
    rows = run_json("docs")["documents"]
    assert [r["report_quotes"] for r in rows] == [0, 0, 10, 8, 1]


def test_stored_quotes_equal_fresh_ones(corpus):
    fresh = run_json("quotes", "--all")
    assert run("index").exit_code == 0
    assert run_json("quotes", "--all") == fresh


def test_against_a_report_marks_each_quote(corpus):
    data = run_json("quotes", "--against", str(DATA / "report-fixture.txt"))
    statuses = {(r["text"], r["status"], r["paragraph"]) for r in data["results"]}
    assert ("“adequate remedy and reparation to victims”", "altered", 5) in statuses
    assert ("“deep concerns”", "not found", None) in statuses
    first = data["results"][0]
    assert (first["status"], first["paragraph"]) == ("verbatim", 3)


def test_csv_is_one_row_per_citation(corpus):
    lines = run("quotes", "--csv", "--min-docs", "2").stdout.splitlines()
    assert lines[0] == (
        "text,speaker,cue,id,title,url,date,paragraph,as_written,report_paragraph,status,"
        "report_text"
    )
    assert len(lines) == 4
    rows = list(csv.DictReader(run("quotes", "--csv", "urgent").stdout.splitlines()))
    assert [(r["speaker"], r["id"], r["paragraph"], r["report_paragraph"]) for r in rows] == [
        ("OHCHR report", "2022-09-hrc51-joint-letter", "7", "149")
    ]


def citations(*args: str) -> list[tuple]:
    return [
        (q["text"][:20], c["id"][:7], c["paragraph"], c["report_paragraph"], c["status"])
        for q in run_json("quotes", *args)["quotes"]
        for c in q["citations"]
    ]


def test_status_lists_the_misquotations_and_what_was_not_found(corpus):
    assert citations("--status", "altered") == [
        ("broad interpretation", "2022-09", 5, 84, "altered"),
        ("in the context in wh", "2022-09", 6, 35, "altered"),
        ("urgent attention by ", "2022-09", 7, 149, "altered"),
    ]
    assert citations("--status", "not-found", "--status", "verbatim-with-elision") == [
        ("incidents of sexual ", "2022-08", 8, 145, "verbatim-with-elision"),
        ("deep concerns", "2022-08", 9, None, "not found"),
        ("refrain from returni", "2022-08", 11, 153, "verbatim-with-elision"),
        ("manifestations... of", "2022-09", 5, 28, "verbatim-with-elision"),
    ]
    bad = run("quotes", "--status", "wrong")
    assert bad.exit_code == 2 and "'wrong' is not a status; use one of verbatim," in bad.stderr


def test_dates_narrow_the_citing_documents(corpus):
    later = citations("--since", "2022-09-01", "--until", "2023")
    assert {(doc, status) for _, doc, *_, status in later} == {
        ("2022-09", "verbatim"),
        ("2022-09", "verbatim-with-elision"),
        ("2022-09", "altered"),
    }
    assert len(later) == 8
    assert citations("--since", "2025") == []
    empty = run("quotes", "--since", "2023", "--until", "2022")
    assert empty.exit_code == 1 and "the range is empty" in empty.stderr


def test_speaker_lists_that_speakers_quotations(corpus):
    data = run_json("quotes", "--speaker", "CHINESE")["quotes"]
    assert [(q["text"], q["attributed_to"]) for q in data] == [
        ("vocational education and training centres", "Chinese government"),
        ("VETCs", "Chinese government"),
        ("close the door", "Chinese government"),
        ("completely illegal and void.", "Chinese government"),
    ]
    rows = list(
        csv.DictReader(run("quotes", "--speaker", "dolkun isa", "--csv").stdout.split("\n"))
    )
    assert [(r["speaker"], r["paragraph"]) for r in rows] == [("Dolkun Isa", "5")] * 2


def test_status_narrows_the_paragraphs_and_a_check_against_another_report(corpus):
    rows = run("quotes", "--by-paragraph", "--status", "altered").stdout.splitlines()
    assert [row.split("\t")[:2] for row in rows] == [
        ["report ¶35", "1"],
        ["report ¶84", "1"],
        ["report ¶149", "1"],
    ]
    against = ("--against", str(DATA / "report-fixture.txt"), "--status", "altered")
    data = run_json("quotes", *against)["results"]
    assert [(r["text"], r["paragraph"], r["cited_by"]) for r in data] == [
        (
            "“adequate remedy and reparation to victims”",
            5,
            ["2022-08-31-campaign-for-uyghurs-press-release ¶10"],
        )
    ]
    assert run("quotes", *against).stdout.startswith("altered\treport ¶5\t“adequate remedy")


def test_unknown_doc_and_missing_report_are_one_line_errors(corpus, tmp_path):
    unknown = run("quotes", "--doc", "hrc51")
    assert unknown.exit_code == 1 and "did you mean 2022-09-hrc51-joint-letter" in unknown.stderr
    missing = run("quotes", "--against", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: cannot read")


def test_no_match_is_success_with_a_message(corpus):
    result = run("quotes", "zzyzx")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "no quotations match" in result.stderr
    assert json.loads(run("quotes", "zzyzx", "--json").stdout) == {"quotes": []}


def test_default_output_marks_each_citation_against_the_shipped_report(corpus):
    (line,) = run("quotes", "urgent").stdout.splitlines()
    assert line.endswith(
        "2022-09-hrc51-joint-letter ¶7 (2022-09) [altered: report ¶149 reads “urgent attention"
        " by the Government, the United Nations intergovernmental bodies and human rights"
        " system”]"
    )
    statuses = {
        (c["id"][:7], c["paragraph"], c["report_paragraph"], c["status"])
        for q in run_json("quotes")["quotes"]
        for c in q["citations"]
    }
    assert ("2024-08", 3, 148, "verbatim") in statuses
    assert ("2022-08", 8, 145, "verbatim-with-elision") in statuses  # “incidents of sexual […]”
    assert ("2022-08", 9, None, "not found") in statuses  # “deep concerns”
