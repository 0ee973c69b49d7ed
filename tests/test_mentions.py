"""Signature mentions stored in the catalog answer as the records they came from."""

import sqlite3
from pathlib import Path

from uyghur_docs.findings.cosigning import cosigning_result
from uyghur_docs.findings.orgs import Form, Letter, RecordMentions
from uyghur_docs.findings.signer_results import (
    organisation_counts,
    organisations_result,
)
from uyghur_docs.service import Library
from uyghur_docs.store.documents import stored_mentions as stored
from uyghur_docs.store.mentions import CatalogMentions

ISHR = "International Service for Human Rights"


def built(corpus: Path, tmp_path: Path) -> Library:
    library = Library(corpus, tmp_path / "index")
    library.update()
    return library


def mention_counts(library: Library) -> dict[str, int]:
    path = library.index_dir / "catalog.sqlite"
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT doc, COUNT(*) FROM mentions GROUP BY doc"))


def test_stored_forms_and_letters(corpus, tmp_path):
    library = built(corpus, tmp_path)
    mentions = stored(library.corpus, library.index_dir, None)
    assert isinstance(mentions, CatalogMentions)
    assert list(mentions.forms())[:2] == [
        (Form("Human Rights Watch", "Human Rights Watch", (), False), 3),
        (Form(f"{ISHR} (ISHR)", ISHR, ("ISHR",), False), 2),
    ]
    assert [
        (le.id, le.role) for le in mentions.letters({"international service for human rights"})
    ] == [
        ("2020-03-12-ishr-hrw-news-release", "issuer"),
        ("2022-03-08-open-letter-high-commissioner", "signatory"),
        ("2022-09-hrc51-joint-letter", "signatory"),
    ]
    assert mention_counts(library) == {
        "2020-03-12-ishr-hrw-news-release": 2,
        "2022-03-08-open-letter-high-commissioner": 192,
        "2022-08-31-campaign-for-uyghurs-press-release": 61,
        "2022-09-hrc51-joint-letter": 6,
        "2024-08-28-omct-second-anniversary-statement": 16,
    }


def test_stored_index_equals_the_records_index(corpus, tmp_path):
    library = built(corpus, tmp_path)
    from_store = library.signers()
    records = from_store.mentions.record
    in_memory = type(from_store)(
        RecordMentions(records(i) for i in from_store.mentions.ids()), library._aliases
    )
    assert isinstance(from_store.mentions, CatalogMentions)
    assert list(from_store.mentions.forms()) == list(in_memory.mentions.forms())
    assert organisations_result(from_store) == organisations_result(in_memory)
    assert cosigning_result(from_store, limit=None) == cosigning_result(in_memory, limit=None)
    assert organisation_counts(from_store) == organisation_counts(in_memory)
    assert cosigning_result(from_store, limit=3) == cosigning_result(in_memory, limit=3)


def test_removed_and_changed_documents_replace_their_mentions(corpus, tmp_path):
    library = built(corpus, tmp_path)
    (corpus / "2022-09-hrc51-joint-letter.txt").unlink()
    omct = corpus / "2024-08-28-omct-second-anniversary-statement.txt"
    omct.write_text(omct.read_text(encoding="utf-8") + "\n\nA closing line.\n", encoding="utf-8")
    assert stored(library.corpus, library.index_dir, None) is None
    library.update()
    counts = mention_counts(library)
    assert "2022-09-hrc51-joint-letter" not in counts
    assert counts["2024-08-28-omct-second-anniversary-statement"] == 16
    letters = library.signers().letters(library.signers().key_of("ISHR"))
    assert letters[-1] == Letter(
        "2022-03-08-open-letter-high-commissioner",
        letters[-1].title,
        letters[-1].date,
        "signatory",
        f"{ISHR} (ISHR)",
    )


def test_an_update_counts_again_the_forms_it_touched(corpus, tmp_path):
    library = built(corpus, tmp_path)
    counted = dict((f.as_written, n) for f, n in stored(corpus, library.index_dir, None).forms())
    (corpus / "2022-09-hrc51-joint-letter.txt").unlink()
    (corpus / "2023-01-01-new.txt").write_text("New letter\n\nTorture.\n\nSigned by: OMCT\n")
    library.update()
    mentions = stored(library.corpus, library.index_dir, None)
    records = RecordMentions(mentions.record(i) for i in mentions.ids())
    assert list(mentions.forms()) == list(records.forms())
    now = dict((f.as_written, n) for f, n in mentions.forms())
    assert {
        k: (counted.get(k), now.get(k)) for k in counted | now if counted.get(k) != now.get(k)
    } == {
        "Amnesty International": (2, 1),
        "Human Rights Watch": (3, 2),
        "International Commission of Jurists": (1, None),
        "International Service for Human Rights": (1, None),
        "OMCT": (1, 2),
        "Uyghur Human Rights Project": (4, 3),
        "World Uyghur Congress": (4, 3),
    }


def test_every_organisations_letters_read_at_once_are_each_ones_letters(corpus, tmp_path):
    signers = built(corpus, tmp_path).signers()
    every = signers.all_letters()
    assert list(every) == list(signers.organisations)
    assert every == {root: signers.letters(root) for root in signers.organisations}
    ishr = every[signers.key_of("ISHR")]
    assert [(le.id, le.role) for le in ishr] == [
        ("2020-03-12-ishr-hrw-news-release", "issuer"),
        ("2022-03-08-open-letter-high-commissioner", "signatory"),
        ("2022-09-hrc51-joint-letter", "signatory"),
    ]
