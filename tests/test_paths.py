"""A corpus or index folder named with `..`, a trailing slash or `~` is the same folder: the
index built through one spelling is current through the others."""

import pytest

from uyghur_docs.cli.paths import corpus_dir, index_dir

from .conftest import run


@pytest.mark.parametrize(
    "spelling", ["{parent}/x/../corpus", "{parent}/corpus/", "{parent}/./corpus"]
)
def test_another_spelling_of_the_corpus_folder_reindexes_nothing(corpus, monkeypatch, spelling):
    assert run("index").exit_code == 0
    monkeypatch.setenv("UDOCS_CORPUS", spelling.format(parent=corpus.parent))
    (corpus.parent / "x").mkdir()
    result = run("search", "Karakax")
    assert result.exit_code == 0
    assert result.stderr == "1 of 1 matching documents shown\n"


def test_folders_are_absolute_and_without_dot_segments(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert corpus_dir("a/../b/") == tmp_path / "b"
    assert index_dir("./i/", tmp_path / "b") == tmp_path / "i"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert corpus_dir("~/c") == tmp_path / "home" / "c"
