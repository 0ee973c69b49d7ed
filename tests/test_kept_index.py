"""The index held open between searches (`engine.Index`, `store.search.keep`): opened once,
opened again after a commit, and still refusing a damaged index."""

import pytest

from uyghur_docs.engine import kept as kept_module
from uyghur_docs.errors import IndexDamaged
from uyghur_docs.service import Library
from uyghur_docs.store import search
from uyghur_docs.store.build import update


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
