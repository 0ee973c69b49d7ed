"""The Library object: what the commands call, and how often it reads the corpus and catalog."""

import os
from collections import Counter

from uyghur_docs.corpus.report_file import SHIPPED
from uyghur_docs.errors import NoSuchParagraph
from uyghur_docs.service import Library
from uyghur_docs.store import catalog, current, documents, freshness

from .conftest import SEED_IDS, run


def count_reads(monkeypatch) -> Counter:
    """Count the readings of the corpus listing, the overrides and the catalog."""
    counts: Counter = Counter()

    def counted(module, name, label):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            counts[label] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counted(documents, "scan", "listing")
    counted(documents, "stamped", "listing")
    counted(freshness, "stamps", "listing")
    counted(documents, "load_overrides", "overrides")
    counted(freshness, "load_overrides", "overrides")
    counted(catalog, "load", "catalog")
    counted(current, "is_current", "catalog")
    counted(catalog, "rows", "catalog")
    return counts


def test_signed_by_reads_the_listing_overrides_and_catalog_once(corpus, monkeypatch):
    assert run("index").exit_code == 0
    counts = count_reads(monkeypatch)
    result = run("search", "torture", "--signed-by", "OMCT")
    assert result.exit_code == 0
    assert {line.split(" ¶")[0] for line in result.stdout.splitlines()} == {
        "2022-03-08-open-letter-high-commissioner",
        "2024-08-28-omct-second-anniversary-statement",
    }
    assert counts == {"listing": 1, "overrides": 1, "catalog": 1}


def test_docs_on_a_current_index_lists_the_corpus_once_and_compares_no_file(corpus, monkeypatch):
    assert run("index").exit_code == 0
    counts = count_reads(monkeypatch)
    monkeypatch.setattr(catalog, "compare", None)
    result = run("docs")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(row[0], row[8]) for row in rows] == [(i, "current") for i in SEED_IDS]
    assert counts == {"listing": 1, "overrides": 1, "catalog": 2}


def test_signed_by_on_a_stale_index_refreshes_it_first(corpus, monkeypatch):
    assert run("index").exit_code == 0
    (corpus / "2023-01-01-new.txt").write_text("New letter\n\nTorture.\n\nSigned by: OMCT\n")
    result = run("search", "torture", "--signed-by", "OMCT")
    assert "the corpus changed (1 new, 0 changed, 0 removed); refreshing the index" in (
        result.stderr
    )
    assert "2023-01-01-new ¶2" in result.stdout


def test_text_numbers_paragraphs_and_refuses_one_past_the_end(corpus, tmp_path):
    library = Library(corpus, tmp_path / "index")
    text = library.text("2022-09-hrc51-joint-letter", 7)
    assert [p.paragraph for p in text.paragraphs] == [7]
    assert text.paragraphs[0].text.startswith("The report concludes that the extent")
    try:
        library.text("2022-09-hrc51-joint-letter", 24)
    except NoSuchParagraph as exc:
        assert (exc.doc_id, exc.paragraphs, exc.number) == ("2022-09-hrc51-joint-letter", 23, 24)
    else:
        raise AssertionError("¶24 of a 23-paragraph document was given")


def test_paths_are_made_absolute(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    library = Library(corpus.relative_to(tmp_path), "rel-index")
    assert library.corpus == corpus
    assert library.index_dir == tmp_path / "rel-index"


def test_the_catalog_keeps_the_report_quotations_apart(corpus, tmp_path):
    Library(corpus, tmp_path / "index").update()
    campaign = "2022-08-31-campaign-for-uyghurs-press-release"
    every = catalog.load(tmp_path / "index", ("quotes",))[campaign].analysis
    report = catalog.load(tmp_path / "index", ("report_quotations",))[campaign].analysis
    assert every.report_quotes == report.report_quotes == 10
    assert len(report.quotes) == 10 < len(every.quotes)
    assert {q.kind for q in report.quotes} == {"report"}


def test_one_digest_tells_whether_the_catalog_is_current(corpus, tmp_path):
    from uyghur_docs.corpus.folder import stamps

    index_dir = tmp_path / "index"
    Library(corpus, index_dir).update()
    assert current.is_current(index_dir, stamps(corpus), {}, SHIPPED)
    path = corpus / "2022-09-hrc51-joint-letter.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1))
    assert not current.is_current(index_dir, stamps(corpus), {}, SHIPPED)
    Library(corpus, index_dir).update()
    assert current.is_current(index_dir, stamps(corpus), {}, SHIPPED)
    overrides = {"2022-09-hrc51-joint-letter": {"date": "2022-09-12"}}
    assert not current.is_current(index_dir, stamps(corpus), overrides, SHIPPED)


def test_the_catalog_reads_counted_records_only_where_the_count_is_not_0(corpus, tmp_path):
    index_dir = tmp_path / "index"
    Library(corpus, index_dir).update()
    quoting = catalog.load(index_dir, ("report_quotations",), having=True)
    assert {i: len(e.analysis.quotes) for i, e in quoting.items()} == {
        "2022-08-31-campaign-for-uyghurs-press-release": 10,
        "2022-09-hrc51-joint-letter": 8,
        "2024-08-28-omct-second-anniversary-statement": 1,
    }
    signed = catalog.load(index_dir, ("signatories",), having=True)
    assert {i: len(e.analysis.signatories) for i, e in signed.items()} == {
        "2022-03-08-open-letter-high-commissioner": 192,
        "2022-08-31-campaign-for-uyghurs-press-release": 60,
        "2022-09-hrc51-joint-letter": 6,
        "2024-08-28-omct-second-anniversary-statement": 15,
    }
    # Quotations of every speaker are not counted: every document is read.
    assert sorted(catalog.load(index_dir, ("quotes",), having=True)) == SEED_IDS
    assert catalog.load(index_dir, ("signatories",))[
        "2020-03-12-ishr-hrw-news-release"
    ].analysis == (catalog.load(index_dir)["2020-03-12-ishr-hrw-news-release"].analysis)
