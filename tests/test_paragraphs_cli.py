from uyghur_docs.findings.paragraphs import paragraphs_result
from uyghur_docs.findings.quote_groups import Citation, QuoteGroup, QuotesResult

from .conftest import SEED_IDS, run, run_json

ISHR_RELEASE, MARCH, CAMPAIGN, HRC51, OMCT = SEED_IDS
MAY_CONSTITUTE = "may constitute international crimes, in particular crimes against humanity."


def test_by_paragraph_counts_the_statements_quoting_each_paragraph():
    rows = run_json("quotes", "--by-paragraph")["paragraphs"]
    assert [(r["paragraph"], r["statements"]) for r in rows] == [
        (148, 3),
        *((n, 1) for n in (28, 35, 71, 84, 127, 145, 146, 149, 151, 153)),
    ]
    first = rows[0]
    assert first["first_quoted"] == "2022-08-31"
    assert first["ids"] == [CAMPAIGN, HRC51, OMCT]
    assert first["quoted"] == [MAY_CONSTITUTE, "arbitrary and discriminatory detention"]
    assert first["opening"].startswith("The information currently available to OHCHR")
    assert {r["paragraph"]: r["ids"] for r in rows}[71] == [HRC51]


def test_unquoted_lists_every_other_paragraph_of_the_report():
    rows = run_json("quotes", "--unquoted")["paragraphs"]
    numbers = [r["paragraph"] for r in rows]
    assert len(numbers) == 142
    assert numbers[:3] == [1, 2, 3] and numbers[-1] == 152
    assert {148, 28, 153}.isdisjoint(numbers)
    assert all(r["statements"] == 0 and r["ids"] == [] for r in rows)


def test_dates_and_kinds_narrow_the_statements_counted():
    later = run_json("quotes", "--by-paragraph", "--since", "2022-09-01")["paragraphs"]
    assert (later[0]["paragraph"], later[0]["ids"]) == (148, [HRC51, OMCT])
    assert 127 not in {r["paragraph"] for r in later}
    joint = run_json("quotes", "--by-paragraph", "--kind", "joint-letter")["paragraphs"]
    assert [r["paragraph"] for r in joint] == [28, 35, 71, 84, 148, 149]


def test_piped_rows_are_one_paragraph_a_line():
    result = run("quotes", "--by-paragraph")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["report ¶148", "3", "2022-08-31"]
    assert len(lines) == 11


def cite(doc_id: str, date: str, paragraph: int | None) -> Citation:
    return Citation(doc_id, "t", date, 1, "w", report_paragraph=paragraph)


def test_copies_of_one_statement_count_once_but_are_all_listed():
    quotes = QuotesResult(
        (
            group := QuoteGroup(
                "words", "OHCHR", "", (cite("b", "2023-01", 7), cite("a", "2022-12", 7))
            ),
            QuoteGroup("other", "OHCHR", "", (cite("c", "2024", 9), cite("d", None, None))),
        )
    )
    found = paragraphs_result(quotes, {7: "Seven.", 8: "Eight.", 9: "Nine."}, {"b": "a"})
    assert [(p.paragraph, p.statements, p.ids, p.first_quoted) for p in found.paragraphs] == [
        (7, 1, ("a", "b"), "2022-12"),
        (9, 1, ("c",), "2024"),
    ]
    assert found.paragraphs[0].quoted == (group.text,)
    unquoted = paragraphs_result(quotes, {7: "Seven.", 8: "Eight."}, unquoted=True)
    assert [(p.paragraph, p.opening) for p in unquoted.paragraphs] == [(8, "Eight.")]
