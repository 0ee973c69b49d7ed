"""Quotation extraction, attribution, grouping and verification, on the seeds and fixtures."""

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uyghur_docs.corpus.folder import load_corpus
from uyghur_docs.errors import UnknownDocument
from uyghur_docs.extract.quotes import extract_quotes, find_quotations, is_report_quote
from uyghur_docs.findings.quote_groups import (
    QuoteQueryError,
    contains,
    normalise,
    quotes_result,
)
from uyghur_docs.findings.verify import (
    ReportParagraph,
    ReportTextError,
    parse_report,
    verify_quote,
    verify_quotes,
)
from uyghur_docs.text.normalise import clean, split_paragraphs

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "data" / "quotes"
CAMPAIGN = "2022-08-31-campaign-for-uyghurs-press-release"
HRC51 = "2022-09-hrc51-joint-letter"
OMCT = "2024-08-28-omct-second-anniversary-statement"
ISHR = "2020-03-12-ishr-hrw-news-release"
OPEN_LETTER = "2022-03-08-open-letter-high-commissioner"
MAY_CONSTITUTE = "may constitute international crimes, in particular crimes against humanity"


@cache
def seeds():
    return tuple(load_corpus(REPO / "corpus"))


@cache
def seed_quotes(doc_id):
    doc = next(d for d in seeds() if d.id == doc_id)
    return extract_quotes(doc.paragraphs, doc.date)


def report_quotes(doc_id):
    return {(q.paragraph, q.as_written) for q in seed_quotes(doc_id) if q.kind == "report"}


def attributions(doc_id):
    return {q.text: (q.kind, q.speaker) for q in seed_quotes(doc_id) if q.depth == 0}


# --- the five seeds: exactly these report quotations -------------------------------------


def test_campaign_release_report_quotations():
    assert report_quotes(CAMPAIGN) == {
        (7, "“arbitrary and discriminatory detention”"),
        (7, f"“{MAY_CONSTITUTE}.”"),
        (
            8,
            "“far-reaching, arbitrary and discriminatory restrictions on human rights and"
            " fundamental freedoms, in violation of international norms and standards,”",
        ),
        (8, "“patterns of torture or ill-treatment”"),
        (8, "“incidents of sexual […] violence.”"),
        (9, "“deep concerns”"),
        (
            9,
            "“OHCHR shares, from the human rights perspective, the concerns laid out by the"
            " ILO supervisory bodies.”",
        ),
        (10, "“adequate remedy and reparation to victims”"),
        (11, "“refrain from returning [Uyghurs and other Turkic peoples] to China”"),
        (
            11,
            "“provide humanitarian assistance, including medical and psycho-social support,"
            " to victims in the States in which they are located.”",
        ),
    }


def test_hrc51_letter_report_quotations():
    assert report_quotes(HRC51) == {
        (
            5,
            "“broad interpretations of ‘extremism’, often explicitly targeting standard tenets"
            " of Islamic religion in practice”",
        ),
        (5, "“religious or cultural practice or expression is conflated with ‘extremism’”"),
        (
            5,
            "“manifestations... of nothing more or less than personal choice in the practice"
            " of Islamic religious beliefs and/or legitimate expression of opinion”",
        ),
        (
            6,
            "“in the context in which this [anti-terrorism law] system is implemented, it also"
            " carries an inherent risk of unnecessary, disproportionate and discriminatory"
            " application to the ethnic and religious communities concerned”",
        ),
        (7, f"“{MAY_CONSTITUTE}”"),
        (7, "“to continue and recur”"),
        (
            7,
            "“urgent attention by the United Nations intergovernmental bodies and human rights"
            " system.”",
        ),
        (
            8,
            "“forced to sing patriotic song after patriotic song every day, as loud as possible"
            " and until it hurts, until our faces become red and our veins appeared on our"
            " face”",
        ),
    }


def test_omct_statement_report_quotation():
    assert report_quotes(OMCT) == {(3, f"“{MAY_CONSTITUTE}.”")}


def test_documents_dated_before_the_report_quote_no_report():
    assert report_quotes(ISHR) == set()
    assert report_quotes(OPEN_LETTER) == set()


# --- the seeds' other quotations: who said them -----------------------------------------


def test_campaign_release_quotes_its_staff_and_partners_not_the_report():
    said = attributions(CAMPAIGN)
    people = {text[:30]: who for text, (kind, who) in said.items() if kind == "person"}
    assert people == {
        "This UN report is extremely im": "Dolkun Isa",
        "Accountability starts now.": "Dolkun Isa",
        "This is a game-changer for the": "Omer Kanat",
        "Despite the Chinese government": "Omer Kanat",
        "The Office of the High Commiss": "Rushan Abbas",
        "Now that the leading UN office": "Elfidar Iltebir",
        "Our people are enduring genoci": "Hidayet Oghuzhan",
        "As the diaspora community, we ": "Hidayet Oghuzhan",
    }
    assert said["finalizing its assessment"] == ("office", "OHCHR, not the report")
    assert said["alarm"] == ("other", "members")
    assert said["decisive measures"] == ("other", "50 UN experts")
    assert said["Ittipak"] == ("term", "scare quote or term")


def test_2020_release_quotes_the_secretary_general_and_bachelet_before_the_report():
    said = attributions(ISHR)
    assert said["call to action on human rights,"] == ("person", "Antonio Guterres")
    assert said["unfettered access,"] == ("office", "OHCHR, not the report")
    assert said["analyse in depth"] == ("office", "OHCHR, not the report")
    assert {who for kind, who in said.values() if kind == "person"} == {
        "Antonio Guterres",
        "John Fisher",
        "Sarah M. Brooks",
    }
    terms = {text for text, (kind, _) in said.items() if kind == "term"}
    assert terms == {"China Cables", "Karakax List,", "re-educate", "re-education", "Areya Road"}


def test_open_letter_quotes_the_office_before_the_report_existed():
    (quote,) = [q for q in seed_quotes(OPEN_LETTER) if q.kind != "term"]
    assert (quote.paragraph, quote.kind) == (7, "office")
    assert quote.cue == "your Office was; dated 2022-03-08, before the report"
    assert quote.text.startswith("finalising its assessment of the available information")


def test_omct_quotes_the_spokesperson_update_and_the_government():
    said = attributions(OMCT)
    assert said["fully investigated,"] == ("office", "OHCHR, not the report")
    assert said["helping improve human rights protections for the people on the ground"] == (
        "office",
        "OHCHR, not the report",
    )
    assert said["completely illegal and void."] == ("government", "Chinese government")
    quote = next(q for q in seed_quotes(OMCT) if q.text == "completely illegal and void.")
    assert quote.cue == "it has baselessly dismissed (The Chinese government)"


def test_hrc51_scare_quotes_and_officials_terms_are_not_report_quotations():
    said = attributions(HRC51)
    assert said["close the door"] == ("government", "Chinese government")
    assert said["vocational education and training centres"] == ("government", "Chinese government")
    for term in (
        "extremist",
        "re-education",
        "VETCs",
        "education and training",
        "cooperate",
        "objective criteria",
    ):
        assert said[term] == ("term", "scare quote or term"), term
    nested = [q.as_written for q in seed_quotes(HRC51) if q.depth == 1]
    assert nested == ["‘extremism’", "‘extremism’"]


# --- fixtures: quoting styles and attribution patterns -----------------------------------

REPORT, OFFICE, TERM = "OHCHR report", "OHCHR, not the report", "scare quote or term"
GOVERNMENT, UNKNOWN = "Chinese government", "unknown"
FIXTURE_QUOTES = {
    # apostrophes, plural possessives, marks inside words, unbalanced marks: no quotations
    "apostrophes": [],
    "styles": [
        (2, '"serious human rights violations"', REPORT),  # straight double
        (3, "'arbitrary detention'", REPORT),  # straight single
        (4, "« des crimes contre l’humanité »", REPORT),  # spaced guillemets, French cue
        (4, "«pas de coopération»", REPORT),
        (5, "“did not\nprovide curricula”", REPORT),  # spans a line break
        (5, "“held without charge”", REPORT),
        (6, "“so-called ‘voluntary’ programme”", REPORT),  # nested single in double
        (6, "‘voluntary’", TERM),
        (6, "'the \"vocational\" centres were not voluntary'", REPORT),  # nested double in single
        (6, '"vocational"', TERM),
        (7, "“closed words”", REPORT),  # an earlier unclosed “ does not swallow it
    ],
    "speakers": [
        (2, "“We will keep pushing for accountability,”", "Jane Doe"),  # said-person after
        (2, "“Nobody is above the law.”", "Jane Doe"),  # continues her quotation
        (3, "“The findings confirm what survivors told us.”", "Amina Roe"),  # said before
        (4, "“the Council must act this session.”", "Lee Park"),  # according to
        (5, "“a farce”", GOVERNMENT),
        (5, "“lies and disinformation”", GOVERNMENT),
        (6, "“Strike Hard”", TERM),  # a campaign's name
        (7, "“long-awaited”", TERM),  # scare quote
        (8, "“the conditions remain in place for violations to continue”", REPORT),
    ],
    "continuation": [
        (2, "“patterns of torture”", REPORT),  # it finds (the report)
        (2, "“forced labour”", REPORT),  # continues the sentence
        (2, "“may amount to crimes against humanity”", REPORT),
        (3, "“subjected to ill-treatment”", REPORT),
        (3, "“conducive to further violations”", REPORT),  # continues the paragraph
        (4, "“finalizing its work”", OFFICE),  # said in September 2021
        (4, "“serious violations have been committed”", REPORT),  # said in 2022
    ],
    "pre-report": [
        (2, "“finalising its assessment”", OFFICE),  # document dated 2021
        (2, "“made public in weeks”", OFFICE),
    ],
}


def fixture_quotes(name, date):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return extract_quotes([clean(p) for p in split_paragraphs(text)], date)


@pytest.mark.parametrize("name", sorted(FIXTURE_QUOTES))
def test_fixture_quotations_and_attributions(name):
    date = "2021-06-01" if name == "pre-report" else "2023-01-01"
    found = [(q.paragraph, q.as_written, q.speaker) for q in fixture_quotes(name, date)]
    assert found == FIXTURE_QUOTES[name]


REPORTING = [
    (2, "‘grave abuses’", REPORT, "UN says"),  # a headline
    (3, "“arbitrary and widespread”", REPORT, "The assessment states"),  # relative clause
    (4, "“a farce”", GOVERNMENT, "foreign ministry spokesperson … said"),
    (4, "“a pack of lies”", GOVERNMENT, "foreign ministry spokesperson … said"),
    (5, "“stands by”", OFFICE, "OHCHR spokesperson Jane Roe told journalists"),
    (
        6,
        "“We will not be silenced.”",
        "Rahima Tursun",
        "As Rahima Tursun, a campaigner in exile, put it",
    ),
    (7, "“families were separated for years”", REPORT, "In the words of the report"),
    (8, "“growing a beard,”", REPORT, "The report lists"),  # a run under one verb
    (8, "“praying at home”", REPORT, "The report lists"),
    (8, "“refusing alcohol”", REPORT, "The report lists"),
    (9, "“Conditions remain in place for violations to recur.”", REPORT, "The report says"),
    (
        10,
        "“Families have not been told where their relatives are held.”",
        REPORT,
        "The report says",
    ),
    (11, "« La détention était arbitraire et massive »", REPORT, "indique le rapport"),
    (12, "„Die Lage erfordert dringende Aufmerksamkeit“", REPORT, "heißt es in dem Bericht"),
    (13, "“La detención fue arbitraria”", REPORT, "señala el informe"),
    (15, "« tortures et mauvais traitements »", REPORT, "Selon le rapport"),
    (16, "„Verbrechen gegen die Menschlichkeit“", REPORT, "Dem Bericht zufolge"),
    (17, "„Das ist ein Wendepunkt“", "Aktivist Omer Kanat", "sagte der Aktivist Omer Kanat"),
    (18, "«Estas violaciones son graves»", REPORT, "señala el documento"),
    (19, "“Detainees were held for months without charge.”", REPORT, "The report … sets out"),
    (21, "“Detainees were moved between facilities at night.”", REPORT, "The report found"),
    (22, "“Families were not told where they were.”", REPORT, "The report found"),
    (23, "“the conditions remain in place”", REPORT, "the report’s conclusion that"),
    (24, "„schweren Menschenrechtsverletzungen“", REPORT, "Das UN-Menschenrechtsbüro spricht von"),
]


def test_reporting_clauses_decide_the_speaker():
    found = [
        (q.paragraph, q.as_written, q.speaker, q.cue)
        for q in fixture_quotes("reporting", "2023-01-01")
    ]
    assert found == REPORTING  # and "the '90s … the Uyghurs' lawyer" quotes nothing


def test_nested_quotations_nest_in_their_own_family_and_are_attributed_inside():
    paragraph = (
        "“Above all, the report speaks for itself. As the High Commissioner concluded,"
        " ‘the conditions remain in place for violations to recur’,” he said. The so-called"
        " “counter-“extremism” laws” remain."
    )
    quotes = extract_quotes([paragraph], "2023-01-01")
    assert [(q.text, q.depth, q.kind) for q in quotes] == [
        (
            "Above all, the report speaks for itself. As the High Commissioner concluded, ‘the"
            " conditions remain in place for violations to recur’,",
            0,
            "person",
        ),
        ("the conditions remain in place for violations to recur", 1, "report"),
        ("counter-“extremism” laws", 0, "term"),
        ("extremism", 1, "term"),
    ]


def test_cues_say_why():
    cues = {q.text: q.cue for q in fixture_quotes("speakers", "2023-01-01")}
    assert cues["a farce"] == "Beijing called"
    assert cues["Strike Hard"] == "known as"
    assert cues["the Council must act this session."] == "According to Lee Park"
    cues = {q.text: q.cue for q in fixture_quotes("continuation", "2023-01-01")}
    assert cues["patterns of torture"] == "it finds (The report)"
    assert cues["finalizing its work"] == (
        "OHCHR confirmed; said in September 2021, before the report"
    )


# --- grouping and the report the CLI prints ---------------------------------------------


def test_may_constitute_group_cites_every_document_that_quotes_it():
    first = quotes_result(seeds()).quotes[0]
    assert first.text == f"{MAY_CONSTITUTE}."
    assert (first.attributed_to, first.cue) == (REPORT, "it finds (The report)")
    assert [(c.id, c.date, c.paragraph, c.as_written) for c in first.citations] == [
        (CAMPAIGN, "2022-08-31", 7, f"“{MAY_CONSTITUTE}.”"),
        (HRC51, "2022-09", 7, f"“{MAY_CONSTITUTE}”"),
        (OMCT, "2024-08-28", 3, f"“{MAY_CONSTITUTE}.”"),
    ]
    assert [len(g.citations) for g in quotes_result(seeds()).quotes] == [3] + [1] * 16


def test_report_filters_and_json_contract():
    assert [g.text for g in quotes_result(seeds(), min_docs=2).quotes] == [f"{MAY_CONSTITUTE}."]
    by_keyword = quotes_result(seeds(), keyword="Crimes HUMANITY").quotes
    assert [g.text for g in by_keyword] == [f"{MAY_CONSTITUTE}."]
    assert quotes_result(seeds(), keyword="humanity genocide").quotes == ()
    omct = quotes_result(seeds(), doc_id=OMCT).quotes
    assert len(omct) == 1 and len(omct[0].citations) == 3  # its groups, with all citations
    # The JSON's keys and their order are held by the CLI's test of `quotes --json`.
    assert (omct[0].documents, omct[0].first_quoted) == (3, "2022-08-31")


def test_all_mode_labels_other_speakers():
    groups = quotes_result(seeds(), include_all=True).quotes
    speakers = {g.attributed_to for g in groups}
    assert {"Dolkun Isa", "Antonio Guterres", GOVERNMENT, OFFICE, TERM} <= speakers
    re_education = next(g for g in groups if g.text == "re-education")
    assert [c.id for c in re_education.citations] == [ISHR, HRC51]
    assert len(quotes_result(seeds(), include_all=True, doc_id=ISHR).quotes) == 12


def test_bad_queries_raise_udocs_errors():
    with pytest.raises(UnknownDocument, match="2022-09-hrc51-joint-letter"):
        quotes_result(seeds(), doc_id="hrc51")
    with pytest.raises(QuoteQueryError):
        quotes_result(seeds(), min_docs=0)


def test_report_quote_counts_per_document():
    assert {d.id: sum(map(is_report_quote, seed_quotes(d.id))) for d in seeds()} == {
        ISHR: 0,
        OPEN_LETTER: 0,
        CAMPAIGN: 10,
        HRC51: 8,
        OMCT: 1,
    }


def test_stored_quotations_are_used_instead_of_extracting_again():
    stored = {OMCT: ()}
    assert quotes_result(seeds(), extracted=stored).quotes[0].citations[-1].id == HRC51


def test_normalise_and_contains():
    assert (
        normalise("“Sexual […] violence.”")
        == normalise("sexual ... VIOLENCE")
        == ("sexual ... violence")
    )
    assert normalise("“manifestations... of”") == "manifestations ... of"
    assert contains("a b c d", "b c d") and not contains("a b c d", "c d")  # too short
    assert contains("crimes x y z against humanity", "crimes ... against humanity")
    assert not contains("against humanity crimes", "crimes ... against humanity")


# --- robustness --------------------------------------------------------------------------

QUOTE_CHARS = "\"'“”‘’«»„‚‹› \n.,abcS[]…"


@settings(deadline=None, max_examples=300)
@given(st.lists(st.text(alphabet=st.sampled_from(QUOTE_CHARS) | st.characters()), max_size=4))
def test_arbitrary_text_never_raises_and_spans_are_quotes(paragraphs):
    quotes = extract_quotes(paragraphs, date="2023-01-01")
    for q in quotes:
        assert paragraphs[q.paragraph - 1][q.start : q.end] == q.as_written
        assert q.kind in ("report", "office", "person", "government", "other", "term", "unknown")


@given(st.text())
def test_normalise_is_idempotent(text):
    assert normalise(normalise(text)) == normalise(text)


# How long these take is measured by bench/pathological.py; here, what they give.
@pytest.mark.parametrize(
    ("text", "found", "kinds"),
    [
        ('"' * 50_000, 0, set()),
        ("“" * 50_000, 0, set()),
        ("'" * 50_000, 0, set()),
        ("“”‘’\"'«»" * 6_250, 1, {"term"}),
        ("a “b ‘c\" d' " * 12_500, 12_500, {"term"}),
        ("The report notes “a b” " * 12_500, 12_500, {"report"}),
        ("“a” said Jane Doe. " * 12_500, 12_500, {"person"}),
    ],
)
def test_pathological_input_gives_its_quotations(text, found, kinds):
    quotes = extract_quotes([text])
    assert (len(quotes), {q.kind for q in quotes}) == (found, kinds)


def test_balanced_marks_pair_up_without_quadratic_stack():
    assert len(find_quotations("“a” " * 10_000)) == 10_000
    spans = find_quotations("“" * 1000 + "x”")  # only the innermost opener pairs
    assert [(s.start, s.end, s.depth) for s in spans] == [(999, 1002, 0)]


# --- verification against a report text (fixture written for the tests) -----------------


@cache
def fixture_report():
    return (REPO / "tests" / "data" / "report-fixture.txt").read_text(encoding="utf-8")


def test_parse_report_numbers_paragraphs_and_skips_headings():
    paragraphs = parse_report(fixture_report())
    assert [p.number for p in paragraphs] == [1, 2, 3, 4, 5, 6]
    assert paragraphs[3].text.startswith("Accounts of incidents")  # "para 4:" numbering
    assert "II. Findings" not in " ".join(p.text for p in paragraphs)
    with pytest.raises(ReportTextError, match="numbered paragraphs"):
        parse_report("A report\n\nwith no numbers at all.")


def test_verify_seed_quotations_against_the_fixture_report():
    results = verify_quotes(fixture_report(), quotes_result(seeds())).results
    found = {(r.text, r.ids): (r.status, r.paragraph, r.diff) for r in results if r.paragraph}
    assert found == {
        (f"“{MAY_CONSTITUTE}.”", (CAMPAIGN, OMCT)): ("verbatim", 3, None),
        (f"“{MAY_CONSTITUTE}”", (HRC51,)): ("verbatim", 3, None),
        ("“arbitrary and discriminatory detention”", (CAMPAIGN,)): ("verbatim", 3, None),
        ("“incidents of sexual […] violence.”", (CAMPAIGN,)): (
            "verbatim-with-elision",
            4,
            "incidents of sexual [-and gender-based-]{+[…]+} violence",
        ),
        ("“adequate remedy and reparation to victims”", (CAMPAIGN,)): (
            "altered",
            5,
            "adequate [-remedies-]{+remedy+} and reparation to victims",
        ),
        ("“refrain from returning [Uyghurs and other Turkic peoples] to China”", (CAMPAIGN,)): (
            "verbatim-with-elision",
            5,
            "refrain from returning [-them-]{+[Uyghurs and other Turkic peoples]+} to China",
        ),
        (
            "“manifestations... of nothing more or less than personal choice in the practice of"
            " Islamic religious beliefs and/or legitimate expression of opinion”",
            (HRC51,),
        ): (
            "verbatim-with-elision",
            6,
            "manifestations [-, in form or in substance,-]{+...+} of nothing more or less than"
            " personal choice in the practice of Islamic religious beliefs and/or legitimate"
            " expression of opinion",
        ),
        (
            "“broad interpretations of ‘extremism’, often explicitly targeting standard tenets"
            " of Islamic religion in practice”",
            (HRC51,),
        ): ("verbatim", 2, None),
    }
    assert len(results) == 18  # the other ten are "not found" in the fixture
    assert {r.status for r in results if not r.paragraph} == {"not found"}


def test_dropped_and_added_words_are_alterations():
    report = [ReportParagraph(7, "The Government must release all those arbitrarily detained.")]
    dropped = verify_quote("“must release those arbitrarily detained”", report)
    assert (dropped.status, dropped.paragraph) == ("altered", 7)
    assert dropped.diff == "must release [-all-] those arbitrarily detained"
    assert verify_quote("“release all those detained”", report).status == "altered"
    assert verify_quote("“Something else entirely”", report).status == "not found"
