"""The search command: bare words, exclusion, every passage, counts, CSV, context, dates,
unknown ids and global options after the command."""

import csv
import io

import pytest

from uyghur_docs.render.output import Renderer
from uyghur_docs.service import Library
from uyghur_docs.store.listing import DocumentRow

from .conftest import SEED_IDS, run, run_json

RELEASE = "2020-03-12-ishr-hrw-news-release"
CAMPAIGN = "2022-08-31-campaign-for-uyghurs-press-release"


def test_bare_words_join_into_one_query(corpus):
    assert run_json("search", "forced", "labour") == run_json("search", "forced labour")


def test_minus_word_is_an_exclusion_not_an_option(corpus):
    data = run_json("search", "-genocide", "--limit", "50")
    assert sorted(h["id"] for h in data["hits"]) == [
        RELEASE,
        "2022-09-hrc51-joint-letter",
        "2024-08-28-omct-second-anniversary-statement",
    ]
    assert run_json("search", "genocide", "-Uyghur")["total"] == 0
    # A word after -n stays a word: only a number is an attached value.
    assert run("search", "China", "-nationalism", "--json").exit_code == 0


def test_global_options_after_the_command(corpus, tmp_path):
    moved = run("search", "Karakax", "--index", str(tmp_path / "elsewhere"), "--json")
    assert moved.exit_code == 0, moved.stderr
    assert (tmp_path / "elsewhere").is_dir()


def test_a_global_option_without_its_value_says_where_it_goes(corpus):
    result = run("search", "Karakax", "--corpus")
    assert result.exit_code == 2
    assert "--corpus needs a value; it is a global option" in result.stderr


def test_unknown_doc_is_an_error_with_suggestions(corpus):
    result = run("search", "report", "--doc", "hrc51")
    assert result.exit_code == 1
    assert "no document with id 'hrc51'; did you mean 2022-09-hrc51-joint-letter?" in result.stderr


def test_all_passages_of_one_document(corpus):
    data = run_json("search", "Uyghur", "--doc", CAMPAIGN)
    (hit,) = data["hits"]
    assert len(hit["passages"]) == 16
    assert (
        len(
            run_json("search", "Uyghur", "--doc", CAMPAIGN, "--passages", "2")["hits"][0][
                "passages"
            ]
        )
        == 2
    )
    assert len(run_json("search", "Uyghur", "--passages", "all")["hits"][0]["passages"]) > 3


def test_bad_passages_value(corpus):
    result = run("search", "Uyghur", "--passages", "some")
    assert result.exit_code == 2
    assert "'some' is not a number of paragraphs" in result.stderr


def test_count(corpus):
    assert run_json("search", "Karakax OR Bachelet", "--count") == {
        "query": "Karakax OR Bachelet",
        "documents": 2,
        "paragraphs": 4,
        "elsewhere": 0,
        "copies": 0,
        "cut": [],
    }
    assert run("search", "Karakax", "--count").stdout == "1\tdocuments\n1\tparagraphs\n"


def test_csv_has_one_row_per_passage(corpus):
    rows = list(csv.DictReader(io.StringIO(run("search", "Bachelet Karakax", "--csv").stdout)))
    assert [(r["id"], r["paragraph"]) for r in rows] == [
        (RELEASE, "8"),
        (RELEASE, "13"),
        (RELEASE, "6"),
    ]
    assert rows[0]["role"] == "prose" and "Karakax" in rows[0]["text"]


def test_context_paragraphs_in_a_pipe(corpus):
    lines = run("search", "Karakax", "-C", "1").stdout.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [
        [f"{RELEASE} ¶7", "context"],
        [f"{RELEASE} ¶8", "2020-03-12"],
        [f"{RELEASE} ¶9", "context"],
    ]


def test_sort_by_date(corpus):
    data = run_json("search", "China", "--sort", "date")
    assert [h["id"] for h in data["hits"]] == SEED_IDS


def test_signatures_on_request(corpus):
    data = run_json("search", "Genocide", "--in", "signatures")
    assert [(h["id"], [p["paragraph"] for p in h["passages"]]) for h in data["hits"]] == [
        ("2022-03-08-open-letter-high-commissioner", [26, 19])
    ]


@pytest.mark.parametrize(
    ("value", "first"),
    [("01/09/2022", "2022-09-hrc51-joint-letter"), ("31/08/2022", CAMPAIGN)],
)
def test_numeric_dates_are_day_first(corpus, value, first):
    data = run_json("search", "China", "--since", value, "--sort", "date")
    assert data["hits"][0]["id"] == first


def test_an_empty_date_range_says_so(corpus):
    result = run("search", "China", "--since", "2024", "--until", "2022")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: no date is on or after 2024 and on or before 2022: the range is empty;"
        " swap --since and --until\n"
    )
    within = run_json("search", "China", "--since", "2022-08", "--until", "2022", "--limit", "9")
    assert sorted(h["id"] for h in within["hits"]) == [CAMPAIGN, "2022-09-hrc51-joint-letter"]


@pytest.mark.parametrize("width", ["80", "120"])
def test_tables_never_break_an_id(corpus, capsys, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", width)
    rows = Library(corpus, corpus.parent / "index").documents()
    renderer = Renderer(no_color=True)
    renderer.terminal = True
    renderer.table(rows, list(DocumentRow.__dataclass_fields__))
    printed = capsys.readouterr().out
    for doc_id in SEED_IDS:
        assert doc_id in printed


def test_matches_outside_the_prose_are_counted_and_said(corpus):
    phrase = '"Uyghur Human Rights Project"'
    result = run("search", phrase)
    assert result.exit_code == 0, result.stderr
    assert "1 of 1 matching documents shown" in result.stderr
    assert (
        "3 more documents match when signature lists, contact lines or boilerplate are searched"
        " too: --in all" in result.stderr
    )
    data = run_json("search", phrase)
    assert (data["total"], data["elsewhere"]) == (1, 3)
    assert run_json("search", phrase, "--in", "all")["total"] == 4
    assert run_json("search", phrase, "--in", "all")["elsewhere"] == 0
    counted = run_json("search", phrase, "--count")
    assert (counted["documents"], counted["elsewhere"]) == (1, 3)
    plain = run("search", phrase, "--count")
    assert plain.stdout == "1\tdocuments\n1\tparagraphs\n"
    assert "3 more documents match" in plain.stderr


def test_no_match_in_prose_says_where_it_was_not_found_and_where_it_is(corpus):
    result = run("search", '"Tibet Solidarity"')
    assert result.exit_code == 0
    assert "no matches for '\"Tibet Solidarity\"' in prose" in result.stderr
    assert "did you mean" not in result.stderr
    assert "1 more document matches when signature lists" in result.stderr


def test_ids_only_lists_every_matching_document_unless_limited(corpus):
    result = run("search", "torture", "-l")
    assert result.stdout.splitlines() == [
        CAMPAIGN,
        "2024-08-28-omct-second-anniversary-statement",
        "2022-03-08-open-letter-high-commissioner",
        "2022-09-hrc51-joint-letter",
    ]
    assert run("search", "torture", "--ids", "-n", "2").stdout.splitlines() == [
        CAMPAIGN,
        "2024-08-28-omct-second-anniversary-statement",
    ]


def test_sort_date_reverse_lists_the_newest_first(corpus):
    newest = run("search", "China", "--sort", "date", "--reverse", "-l").stdout.splitlines()
    assert newest == list(reversed(SEED_IDS))
    assert run("search", "China", "--sort", "date", "-l").stdout.splitlines() == SEED_IDS
    assert run("search", "China", "--sort", "date", "--reverse", "-l", "-n", "1").stdout == (
        "2024-08-28-omct-second-anniversary-statement\n"
    )
    refused = run("search", "China", "--reverse")
    assert refused.exit_code == 2
    assert "--reverse goes with --sort date" in refused.stderr


def test_a_line_break_in_a_paragraph_is_a_space_in_a_pipe(corpus):
    letter = "2022-03-08-open-letter-high-commissioner"
    text = (
        "Open letter to UN High Commissioner for Human Rights: OHCHR report on grave human"
        " rights violations in Xinjiang can wait no longer"
    )
    shown = run("show", letter)
    assert shown.exit_code == 0, shown.stderr
    assert f"{letter} ¶1\t{text}\n" in shown.stdout
    found = run("search", '"can wait no longer"', "--in", "all")
    assert found.exit_code == 0, found.stderr
    assert f"{letter} ¶1\t2022-03-08\t{text}\n" in found.stdout
    assert " / " not in shown.stdout + found.stdout
