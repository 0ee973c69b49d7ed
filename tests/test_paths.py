"""A corpus or index folder named with `..`, a trailing slash or `~` is the same folder: the
index built through one spelling is current through the others."""

import pytest

from uyghur_docs.cli.paths import cached_index, corpus_dir, index_dir

from .conftest import run, run_json


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


def test_a_file_as_the_corpus_is_refused_in_one_line(tmp_path):
    afile = tmp_path / "statement.txt"
    afile.write_text("A statement\n\nText.\n")
    result = run("--corpus", str(afile), "docs")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: the corpus {afile} is a file, not a folder; --corpus must name a folder"
        " (udocs add makes a new one)\n"
    )


def test_add_makes_a_new_corpus_folder_and_says_so(tmp_path):
    afile = tmp_path / "statement.txt"
    afile.write_text("A statement\n\n1 May 2023\n\nText about Karakax.\n")
    new = tmp_path / "mine" / "corpus"
    result = run("--corpus", str(new), "add", str(afile))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == f"made the corpus folder {new}"
    assert sorted(p.name for p in new.iterdir()) == ["2023-05-01-a-statement.txt", "sources.json"]
    found = run("--corpus", str(new), "search", "Karakax", "-l")
    assert found.stdout == "2023-05-01-a-statement\n"


@pytest.mark.parametrize("name", ["statements", "corpus"])
def test_a_corpus_folder_gets_no_sibling_its_index_is_in_the_cache(tmp_path, monkeypatch, name):
    monkeypatch.delenv("UDOCS_INDEX")
    mine = tmp_path / "work" / name
    mine.mkdir(parents=True)
    (mine / "2023-05-01-a-statement.txt").write_text("A statement\n\nText about Karakax.\n")
    assert run("--corpus", str(mine), "search", "Karakax", "-l").stdout == (
        "2023-05-01-a-statement\n"
    )
    assert [p.name for p in mine.parent.iterdir()] == [name]
    cache = cached_index(mine)
    assert cache.parent == tmp_path / "cache" / "udocs" and cache.is_dir()
    for spelling in (str(mine), f"{mine}/../{name}/"):
        assert run("--corpus", spelling, "status").stdout == (
            f"corpus\t{mine}\t1 document\nindex\t{cache}\tcurrent\nreport\tshipped\n"
        )


def test_status_says_where_the_index_is_and_how_it_stands(corpus, tmp_path):
    index = tmp_path / "index"
    assert run_json("status") == {
        "corpus": str(corpus),
        "documents": 5,
        "index": str(index),
        "index_state": "missing",
        "report": "shipped",
    }
    run("index")
    assert run_json("status")["index_state"] == "current"
    (corpus / "2023-05-01-new.txt").write_text("New\n\nText.\n")
    assert run_json("status")["index_state"] == "stale"
