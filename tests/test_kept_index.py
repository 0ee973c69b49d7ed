"""The index held open between searches (`engine.Index`, `store.search.keep`): opened once,
opened again after a commit, and still refusing a damaged index."""

import json

import pytest

from uyghur_docs.engine import files
from uyghur_docs.engine import kept as kept_module
from uyghur_docs.errors import IndexDamaged
from uyghur_docs.service import Library
from uyghur_docs.store import search
from uyghur_docs.store.build import update

from .conftest import run


@pytest.fixture
def opens(monkeypatch) -> list:
    """Every opening of the index by a kept `Index`."""
    opened = []
    real = kept_module.open_index

    def counted(index_dir):
        opened.append(index_dir)
        return real(index_dir)

    monkeypatch.setattr(kept_module, "open_index", counted)
    return opened


def test_a_kept_index_is_opened_once_and_again_after_a_commit(corpus, tmp_path, opens):
    index = tmp_path / "index"
    update(corpus, index)
    kept = search.keep(index)
    assert search.search(index, "Karakax", kept=kept).total == 1
    assert search.count(index, "Karakax", kept=kept).documents == 1
    assert len(opens) == 1
    (corpus / "2023-01-01-new.txt").write_text("New\n\nKarakax and Qaraqash again.\n")
    update(corpus, index)
    assert [h.id for h in search.search(index, "Qaraqash", kept=kept).hits] == ["2023-01-01-new"]
    assert len(opens) == 2
    update(corpus, index, rebuild=True)
    assert search.search(index, "Karakax", kept=kept).total == 2
    assert len(opens) == 3


def test_a_kept_index_still_refuses_a_damaged_file(corpus, tmp_path):
    index = tmp_path / "index"
    update(corpus, index)
    kept = search.keep(index)
    assert search.search(index, "Karakax", kept=kept).total == 1
    postings = next(index.glob("*.pst"))
    postings.write_bytes(postings.read_bytes()[:100])
    with pytest.raises(IndexDamaged):
        search.search(index, "Karakax", kept=kept)


def test_the_library_keeps_its_index_open_between_searches(corpus, tmp_path, opens):
    library = Library(corpus, tmp_path / "index")
    library.ensure_current()
    assert library.search("Karakax").total == 1
    assert library.count("Karakax").documents == 1
    assert library.search('"forced labour"').total == library.count('"forced labour"').documents
    assert len(opens) == 1


@pytest.fixture
def every_open(monkeypatch) -> list:
    """Every opening of the index, by a kept `Index` or any other reader."""
    opened = []
    for module in (kept_module, files):
        real = module.open_index
        monkeypatch.setattr(module, "open_index", lambda d, real=real: opened.append(d) or real(d))
    return opened


def test_a_search_opens_a_current_index_once(corpus, tmp_path, every_open):
    index = tmp_path / "index"
    update(corpus, index)
    every_open.clear()
    result = run("search", "Karakax", "--index", str(index), "--json")
    assert result.exit_code == 0, result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)["hits"]] == [
        "2020-03-12-ishr-hrw-news-release"
    ]
    assert every_open == [index]


def test_a_search_checks_a_changed_index_once_it_is_refreshed(corpus, tmp_path, every_open):
    index = tmp_path / "index"
    update(corpus, index)
    (corpus / "2023-01-01-new.txt").write_text("New\n\nKarakax and Qaraqash again.\n")
    every_open.clear()
    result = run("search", "Qaraqash", "--index", str(index), "--json")
    assert result.exit_code == 0, result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)["hits"]] == ["2023-01-01-new"]
    assert "refreshing" in result.stderr
    # Opened to be checked before the refresh and after it (the indexing run's own opening
    # to write is not counted), and the search asks the second.
    assert every_open == [index, index]
