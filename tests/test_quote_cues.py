"""Attribution read from the sentence, composed: cue (per language) × quote style × position.

Sentences are built from declared pieces, so no rule can fit one text: every combination
must name the speaker exactly, and for the report's own words the report's paragraph.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uyghur_docs.extract import speech_cues
from uyghur_docs.extract.quotes import extract_quotes
from uyghur_docs.extract.report import shipped

REPORT = "OHCHR report"
# The report's own words and the paragraph that holds them (checked against the PDF).
REPORT_WORDS = [
    ("serious human rights violations have been committed in XUAR", 143),
    ("may constitute international crimes, in particular crimes against humanity", 148),
    ("the conditions remain in place for serious violations to continue and recur", 149),
    (
        "allegations of patterns of torture or ill-treatment, including forced medical treatment"
        " and adverse conditions of detention, are credible",
        145,
    ),
    ("possible forced sterilisations", 111),
    (
        "large-scale arbitrary deprivation of liberty of members of Uyghur and other"
        " predominantly Muslim communities",
        144,
    ),
    (
        "far-reaching, arbitrary and discriminatory restrictions on human rights and fundamental"
        " freedoms",
        146,
    ),
]
# Per language: translations of the report's words (no paragraph: a translation is not
# aligned word by word), a name for the report, a verb before a quotation, the same after
# it, a preposition naming it, asides, and a pronoun standing for it a sentence or two later
# (where the language has one).
LANGUAGES = {
    "en": {
        "quotes": [w for w, _ in REPORT_WORDS],
        "subject": ["The report", "The UN report", "The assessment", "The UN human rights office"],
        "before": ["found that", "said", "concluded that", "states that"],
        "after": ["the report said", "the assessment concluded", "according to the report"],
        "according": "According to the report,",
        "asides": [", which was released on Wednesday,", " (48 pages)", " – released late –"],
        "pronoun": "It",
        "published": "was published on Wednesday",
        "filler": "It runs to 48 pages.",
    },
    "fr": {
        "quotes": ["des violations graves des droits humains ont été commises", "crédibles"],
        "subject": ["Le rapport", "Le rapport de l’ONU", "Le Haut-Commissariat"],
        "before": ["conclut que", "indique que", "souligne que"],
        "after": ["indique le rapport", "écrit le Haut-Commissariat", "selon le rapport"],
        "according": "Selon le rapport,",
        "asides": [", publié mercredi,", " (48 pages)", " – publié mercredi –"],
        "pronoun": "Il",
        "published": "a été publié mercredi",
        "filler": "Il compte 48 pages.",
    },
    "de": {
        "quotes": ["schwere Menschenrechtsverletzungen", "Verbrechen gegen die Menschlichkeit"],
        "subject": ["Der Bericht", "Das UN-Menschenrechtsbüro", "Der UN-Bericht"],
        "before": ["spricht von", "stellt fest:", "kommt zu dem Schluss:"],
        "after": ["heißt es in dem Bericht", "so der Bericht", "schreibt das Hochkommissariat"],
        "according": "Laut dem Bericht",
        "asides": [", der am Mittwoch erschien,", " (48 Seiten)", " – am Mittwoch erschienen –"],
        "pronoun": "Er",
        "published": "wurde am Mittwoch veröffentlicht",
        "filler": "Er umfasst 48 Seiten.",
    },
    "es": {
        "quotes": ["graves violaciones de los derechos humanos", "crímenes de lesa humanidad"],
        "subject": ["El informe", "El informe de la ONU", "La oficina de la ONU"],
        "before": ["señala que", "concluye que", "habla de"],
        "after": ["señala el informe", "concluye el documento", "según el informe"],
        "according": "Según el informe,",
        "asides": [", publicado el miércoles,", " (48 páginas)", " – publicado el miércoles –"],
        "pronoun": "",
    },
    "it": {
        "quotes": ["gravi violazioni dei diritti umani", "crimini contro l’umanità"],
        "subject": ["Il rapporto", "Il rapporto dell’Onu", "L’Alto commissariato"],
        "before": ["afferma che", "parla di", "sottolinea che"],
        "after": ["si legge nel rapporto", "afferma il rapporto", "secondo il rapporto"],
        "according": "Secondo il rapporto,",
        "asides": [", pubblicato mercoledì,", " (48 pagine)", " – pubblicato mercoledì –"],
        "pronoun": "",
    },
    "pt": {
        "quotes": ["graves violações dos direitos humanos", "crimes contra a humanidade"],
        "subject": ["O relatório", "O relatório da ONU"],
        "before": ["conclui que", "afirma que", "fala de"],
        "after": ["afirma o relatório", "segundo o relatório"],
        "according": "Segundo o relatório,",
        "asides": [", publicado na quarta-feira,", " (48 páginas)"],
        "pronoun": "",
    },
    "nl": {
        "quotes": ["ernstige mensenrechtenschendingen", "misdaden tegen de menselijkheid"],
        "subject": ["Het rapport", "Het VN-rapport", "Het VN-mensenrechtenbureau"],
        "before": ["spreekt van", "stelt dat", "concludeert dat"],
        "after": ["aldus het rapport", "staat in het rapport", "volgens het rapport"],
        "according": "Volgens het rapport",
        "asides": [", dat woensdag verscheen,", " (48 pagina’s)", " – woensdag verschenen –"],
        "pronoun": "Het",
        "published": "werd woensdag gepubliceerd",
        "filler": "Het telt 48 pagina’s.",
    },
}
STYLES = ["“{}”", '"{}"', "«{}»", "« {} »", "„{}“", "‘{}’"]
POSITIONS = ["before", "aside", "after", "according", "next sentence", "sentences later"]


@st.composite
def sentences(draw):
    """(paragraph, the quotation's words, its language)."""
    lang = draw(st.sampled_from(sorted(LANGUAGES)))
    cues = LANGUAGES[lang]
    words = draw(st.sampled_from(cues["quotes"]))
    quoted = draw(st.sampled_from(STYLES)).format(words)
    subject = draw(st.sampled_from(cues["subject"]))
    verb = draw(st.sampled_from(cues["before"]))
    positions = [p for p in POSITIONS if cues["pronoun"] or "sentence" not in p]
    position = draw(st.sampled_from(positions))
    if position == "before":
        text = f"{subject} {verb} {quoted}."
    elif position == "aside":
        text = f"{subject}{draw(st.sampled_from(cues['asides']))} {verb} {quoted}."
    elif position == "after":
        text = f"{quoted}, {draw(st.sampled_from(cues['after']))}."
    elif position == "according":
        text = f"{cues['according']} {quoted}."
    else:
        filler = f" {cues['filler']}" if position == "sentences later" else ""
        said = f"{subject} {cues['published']}.{filler}"
        text = f"{said} {cues['pronoun']} {verb} {quoted}."
    return text, words, lang


def test_every_declared_language_is_composed():
    assert set(LANGUAGES) == set(speech_cues.LANGUAGES)


@settings(deadline=None, max_examples=400)
@given(sentences())
def test_composed_sentences_give_the_report_and_its_paragraph(case):
    text, words, lang = case
    (quote,) = extract_quotes([text], "2022-09-01", shipped())
    assert (quote.kind, quote.speaker) == ("report", REPORT), (text, quote.cue)
    if lang == "en":
        expected = dict(REPORT_WORDS)[words]
        assert (quote.report_paragraph, quote.status) == (expected, "verbatim"), text
    else:
        assert (quote.report_paragraph, quote.status) == (None, "translated"), text


OTHERS = [
    ("“{},” said Jane Doe, a lawyer.", "Jane Doe"),
    ("Jane Doe, a campaigner, said: “{}”.", "Jane Doe"),
    ("Beijing dismissed the claim that “{}”.", "Chinese government"),
    ("« {} », a déclaré Jean Dupont.", "Jean Dupont"),
    ("„{}“, sagte der Aktivist Omer Kanat.", "Aktivist Omer Kanat"),
]


@settings(deadline=None, max_examples=100)
@given(st.sampled_from(OTHERS), st.sampled_from([w for w, _ in REPORT_WORDS]))
def test_report_words_given_to_a_named_other_speaker_stay_theirs(other, words):
    template, speaker = other
    (quote,) = extract_quotes([template.format(words)], "2022-09-01", shipped())
    assert quote.speaker == speaker


def weighed(paragraph: str):
    return extract_quotes([paragraph], "2022-09-01", shipped())


@pytest.mark.parametrize(
    ("sentence", "paragraph"),
    [
        # The finding, not the first paragraph with the words.
        ("The UN said abuses may amount to “crimes against humanity”.", 148),
        ("Its list of prohibited acts includes “crimes against humanity”, it says.", 148),
        ("The report found evidence of “possible forced sterilization” of Uyghur women.", 111),
        ("The report found “serious human rights violations”.", 143),
        ("The assessment calls for “urgent attention” from the UN.", 149),
        ("The report said there was “arbitrary and discriminatory detention”.", 148),
        ("The Office found “interlocking patterns of severe and undue restrictions”.", 143),
        # Words the development texts quote, in sentences of our own, checked in the PDF.
        ("It found “a pattern of large-scale arbitrary detention” in the camps.", 57),
        ("The report notes “closing restaurants during Ramadan” among the signs.", 83),
        ("The report lists “giving one’s child a Muslim name”.", 83),
        ("The report cites “wearing hijabs and ‘abnormal’ beards”.", 83),
        (
            "The report found “credible indications of violations of reproductive rights through"
            " the coercive enforcement of family planning policies since 2017”.",
            114,
        ),
        (
            "The report says schemes “may involve elements of coercion and discrimination on"
            " religious and ethnic grounds”.",
            146,
        ),
        (
            "The report cites “obligations under international human rights law,"
            " contained principally in the human rights treaties to which China is a State"
            " Party”.",
            6,
        ),
        (
            "It urges China to invite “as a matter of priority the Working Group on Enforced and"
            " Involuntary Disappearances”.",
            151,
        ),
        ("The report says “the conditions remain in place for serious violations”.", 149),
        (
            "The report found “These patterns of restrictions are characterized by a"
            " discriminatory component”.",
            143,
        ),
        ("The High Commissioner’s assessment found “serious human rights violations”.", 143),
    ],
)
def test_the_paragraph_that_best_explains_the_quotation(sentence, paragraph):
    (quote,) = [q for q in weighed(sentence) if not q.depth]
    assert (quote.kind, quote.report_paragraph) == ("report", paragraph)


def test_misquotes_are_shown_altered_with_the_report_s_words():
    (sterilization,) = weighed("The report cites “possible forced sterilization”.")
    assert (sterilization.status, sterilization.report_paragraph) == ("altered", 111)
    assert sterilization.report_text == "possible forced sterilisations"
    (committed,) = weighed("The UN said China “may have committed crimes against humanity”.")
    assert (committed.kind, committed.status, committed.report_paragraph) == (
        "report",
        "altered",
        148,
    )
    assert committed.report_text == (
        "may constitute international crimes, in particular crimes against humanity"
    )
    (invented,) = weighed("The report speaks of “credible evidence”.")
    assert (invented.kind, invented.status, invented.report_paragraph) == (
        "report",
        "not found",
        None,
    )


def test_words_the_report_quotes_from_others_are_not_its_own():
    # The report quotes a Chinese list of signs of "extremism" (¶26): not its words.
    (listed,) = weighed("Officials treated “resisting government propaganda” as a danger.")
    assert listed.kind != "report"
    (labelled,) = weighed("China labelled the OHCHR’s Assessment “completely illegal and void.”")
    assert (labelled.kind, labelled.speaker) == ("government", "Chinese government")


def test_the_high_commissioner_s_words_are_the_report_s_when_the_report_has_them():
    (report_words,) = weighed(
        "Bachelet said the detention “may constitute international crimes, in particular"
        " crimes against humanity”."
    )
    assert (report_words.kind, report_words.cue_kind, report_words.report_paragraph) == (
        "report",
        "office",
        148,
    )
    (elsewhere,) = weighed("Bachelet said she had faced “tremendous pressure to publish”.")
    assert (elsewhere.kind, elsewhere.status) == ("office", "")


def test_a_list_of_short_quotations_after_one_cue():
    quotes = weighed(
        "The report lists “forced medical treatment”, “adverse conditions of detention” and"
        " “sexual and gender-based violence”."
    )
    assert [(q.kind, q.report_paragraph) for q in quotes] == [("report", 145)] * 3


def test_a_speaker_introducing_words_with_a_colon():
    (headline,) = weighed("UN report: ‘crimes against humanity’ in Xinjiang")
    assert (headline.kind, headline.cue, headline.report_paragraph) == ("report", "UN report", 148)


def test_a_term_is_a_quotation_only_when_the_sentence_gives_it_to_the_report():
    (term,) = weighed("Activists have long used the term “crimes against humanity”.")
    assert term.kind == "term"
    (quoted,) = weighed("The report warns of “crimes against humanity”.")
    assert (quoted.kind, quoted.report_paragraph) == ("report", 148)


@pytest.mark.parametrize(
    "paragraph",
    [
        # The report named a sentence or two before, nothing in the quotation's own sentence.
        "Bachelet hat ihren Bericht vorgelegt. Darin ist von „schweren Verletzungen“ die Rede.",
        "Het rapport is woensdag verschenen. Daarin wordt gesproken van „ernstige schendingen”.",
        # A preposition naming the report gives it the sentence, one word included.
        "Según el texto, las denuncias de tortura son «creíbles».",
        # A cue closing the sentence, with words between it and the report's name.
        "Die Taten könnten „Verbrechen“ darstellen, heißt es in dem 48-seitigen Dokument.",
    ],
)
def test_translated_quotations_given_to_the_report_by_their_sentences(paragraph):
    (quote,) = weighed(paragraph)
    assert (quote.kind, quote.status) == ("report", "translated"), quote.cue


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "Le rapport est paru. Des camps de « formation professionnelle », selon Pékin.",
            "Chinese government",
        ),
        (
            "Le secrétaire général de l’ONU, António Guterres, a appelé à « un dialogue"
            " constructif ».",
            "Le secrétaire général",
        ),
        (
            "The UN’s top official, Volker Türk, said he would raise “serious concerns”.",
            "OHCHR, not the report",
        ),
        ("Minister Jane Doe called the report’s findings “deeply worrying”.", "Jane Doe"),
    ],
)
def test_other_speakers_near_the_report_keep_their_words(paragraph, speaker):
    (quote,) = weighed(paragraph)
    assert quote.speaker == speaker, quote.cue
