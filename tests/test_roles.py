"""Paragraph roles at index time: signature lists, contact lines and page furniture."""

from uyghur_docs.extract.analysis import Analysis, analyse
from uyghur_docs.extract.signers import Signatory
from uyghur_docs.models import Document
from uyghur_docs.store.roles import paragraph_roles

from .conftest import run_json


def document(*paragraphs: str) -> Document:
    return Document("2023-01-01-x", paragraphs[0], None, "other", "x.txt", "0", paragraphs)


def signatory(name: str, paragraph: int) -> Signatory:
    return Signatory(name, name, "organisation", paragraph)


def test_a_list_of_signatories_is_a_signature_paragraph_a_sentence_naming_them_is_not():
    doc = document(
        "Joint letter",
        "Signed by Amnesty International and Human Rights Watch, who ask for an inquiry "
        "into the detention of lawyers and for the release of every one of them.",
        "Signatories:",
        "Amnesty International\nHuman Rights Watch\nFreedom House",
    )
    names = ["Amnesty International", "Human Rights Watch"]
    analysis = Analysis(
        signatories=(
            *(signatory(n, 2) for n in names),
            *(signatory(n, 4) for n in [*names, "Freedom House"]),
        )
    )
    assert paragraph_roles(doc, analysis) == {4: "signature"}


def test_contact_lines_after_a_cue():
    doc = document(
        "Release",
        "The groups said today that the trial must stop.",
        "For more information, please contact:",
        "In Geneva, A. Person: +41 22 555 01 01; a.person@example.org",
        "In London, B. Person: b.person@example.org",
        "The trial resumes on Monday; write to press@example.org for accreditation.",
    )
    assert paragraph_roles(doc, analyse(doc)) == {
        3: "contact",
        4: "contact",
        5: "contact",
        6: "contact",
    }


def test_page_furniture_and_the_author_box_before_it():
    doc = document(
        "Statement",
        "We call for the release of the detained.",
        "Signatories:",
        "Group One\nGroup Two",
        "About us",
        "We defend the rights of everyone, everywhere.",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    )
    analysis = Analysis(signatories=(signatory("Group One", 4), signatory("Group Two", 4)))
    roles = paragraph_roles(doc, analysis)
    assert roles == {
        4: "signature",
        5: "boilerplate",
        6: "boilerplate",
        7: "boilerplate",
        8: "boilerplate",
    }


def test_a_long_paragraph_that_opens_like_furniture_is_text():
    long = "Share this concern: " + "the detentions continue without charge or trial. " * 5
    assert paragraph_roles(document("Title", long), Analysis()) == {}


RELEASE = """Groups urge an inquiry into the detention of lawyers

12 May 2023

Twelve groups said today that the detention of lawyers in Ürümqi must end and that an inquiry
is overdue.

"Every week of silence is another week in a cell," said Dilnur Kader of the Lawyers' Fund.

Media contact: Mirzat Tohti, mirzat.tohti@example.org

Aysel Nur, Communications Officer
+44 20 7946 0018
aysel.nur@example.org

Share this
"""


def test_press_contacts_closing_a_release_without_a_cue():
    doc = document(*[p.strip() for p in RELEASE.split("\n\n")])
    assert paragraph_roles(doc, analyse(doc)) == {5: "contact", 6: "contact", 7: "boilerplate"}


def test_contact_lines_are_found_in_contacts(tmp_path, monkeypatch):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "2023-05-12-lawyers-release.txt").write_text(RELEASE, encoding="utf-8")
    monkeypatch.setenv("UDOCS_CORPUS", str(folder))
    for name in ("Tohti", "Aysel"):
        data = run_json("search", name, "--in", "contacts")
        assert [(h["id"], [p["paragraph"] for p in h["passages"]]) for h in data["hits"]] == [
            ("2023-05-12-lawyers-release", [5] if name == "Tohti" else [6])
        ]
        assert (run_json("search", name)["total"], run_json("search", name)["elsewhere"]) == (0, 1)
    assert run_json("search", "Kader", "--in", "contacts")["total"] == 0
