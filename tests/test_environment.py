"""Odd environments: output that cannot be written, Ctrl-C, odd paths, a corpus that cannot be
written, clashing file names, and where a plain install keeps the user's corpus."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from uyghur_docs.cli import paths
from uyghur_docs.corpus import provenance
from uyghur_docs.service import Library
from uyghur_docs.store import catalog, search
from uyghur_docs.store.build import update

from .conftest import SEED_IDS, run

HRC51 = "2022-09-hrc51-joint-letter"


def udocs(*args, **kw):
    return subprocess.run(
        [sys.executable, "-m", "uyghur_docs", *args], capture_output=True, text=True, **kw
    )


@pytest.mark.parametrize(
    "args",
    [
        ["docs"],
        ["docs", "--json"],
        ["show", HRC51],
        ["show", HRC51, "--para", "1"],
        ["search", "torture"],
        ["search", "zzyzx", "--json"],
        ["quotes"],
        ["signers"],
        ["index", "--json"],
    ],
)
def test_a_reader_that_stops_reading_ends_any_command_quietly_with_0(corpus, tmp_path, args):
    update(corpus, tmp_path / "index")
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "uyghur_docs", *args],
            stdout=write,
            capture_output=False,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        os.close(write)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr and "Error" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [["docs"], ["show", HRC51, "--para", "1"]])
def test_a_full_disk_is_a_one_line_error(corpus, args):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "uyghur_docs", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write the output (No space left on device)\n"


@pytest.mark.parametrize("args", [["docs"], ["show", HRC51], ["quotes"], ["search", "x"]])
def test_ctrl_c_exits_130_in_every_command(corpus, monkeypatch, args):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    for name in ("documents", "text", "quotes", "search"):
        monkeypatch.setattr(Library, name, interrupted)
    result = run(*args)
    assert (result.exit_code, result.stderr) == (130, "udocs: interrupted\n")


def test_an_empty_corpus_searches_to_no_matches(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("--corpus", str(tmp_path / "empty"), "search", "x")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == "no matches for 'x'"


def test_an_index_path_that_is_a_file_is_a_one_line_error(tmp_path):
    (tmp_path / "afile").write_text("")
    result = run("--index", str(tmp_path / "afile"), "search", "x")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: the index path {tmp_path / 'afile'} is not a folder;"
        " pass --index DIR naming a folder (udocs creates it)\n"
    )


def test_more_jobs_than_sqlite_attaches(corpus, tmp_path):
    for n in range(20):
        (corpus / f"2023-04-{n:02d}-many.txt").write_text(f"Many {n}\n\nWords zqmany {n}.\n")
    result = run("index", "--rebuild", "--jobs", "12")
    assert result.exit_code == 0, result.stderr
    assert len(catalog.load(tmp_path / "index")) == 25
    assert search.search(tmp_path / "index", "zqmany", limit=50).total == 20


def test_jobs_is_bounded_by_click():
    result = run("index", "--jobs", "33")
    assert result.exit_code == 2
    assert "33 is not in the range 1<=x<=32" in result.stderr


def test_relative_paths_through_the_library(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = update(Path("corpus"), Path("rel-ix"))
    again = update(Path("corpus"), Path("rel-ix"))
    assert (first.added, again.unchanged) == (5, 5)
    assert search.search(Path("rel-ix"), "Karakax").total == 1
    assert {e.path for e in catalog.load(Path("rel-ix")).values()} == {
        str(corpus / f"{i}.txt") for i in SEED_IDS
    }


def test_two_files_with_one_id_are_refused_by_name(corpus):
    (corpus / "2023-02-02-twin.txt").write_text("Twin\n\nText words.\n")
    (corpus / "2023-02-02-twin.md").write_text("# Twin\n\nMarkdown words.\n")
    result = run("index")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[:2] == [
        "skipped: 2023-02-02-twin.md: 2023-02-02-twin.md and 2023-02-02-twin.txt would both be"
        " document 2023-02-02-twin; rename or remove one",
        "skipped: 2023-02-02-twin.txt: 2023-02-02-twin.md and 2023-02-02-twin.txt would both be"
        " document 2023-02-02-twin; rename or remove one",
    ]
    searched = run("search", "words")
    assert "changed" not in searched.stderr and "refreshing" not in searched.stderr


def test_add_into_a_corpus_that_cannot_be_written_is_one_line(corpus, tmp_path, monkeypatch):
    new = tmp_path / "new.txt"
    new.write_text("A new statement\n\nSome words about detention.\n")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(provenance.tempfile, "mkstemp", refuse)
    result = run("add", str(new))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: new.txt: cannot write to {corpus} (Permission denied); nothing was added\n"
    )
    assert sorted(p.stem for p in corpus.glob("*.txt")) == SEED_IDS


def test_add_keeps_the_folders_file_modes(corpus, tmp_path):
    for path in corpus.iterdir():
        path.chmod(0o640)
    new = tmp_path / "new.txt"
    new.write_text("A new statement\n\nSome words about detention.\n")
    assert run("add", str(new)).exit_code == 0
    modes = {p.name: p.stat().st_mode & 0o777 for p in corpus.iterdir()}
    assert set(modes.values()) == {0o640}
    assert "sources.json" in modes and len(modes) == len(SEED_IDS) + 3


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """udocs as a plain install sees it: no source checkout, seeds under the prefix."""
    seed = tmp_path / "prefix" / "share" / "udocs" / "corpus"
    seed.mkdir(parents=True)
    for path in (Path(__file__).resolve().parent.parent / "corpus").iterdir():
        (seed / path.name).write_bytes(path.read_bytes())
        (seed / path.name).chmod(0o444)
    monkeypatch.setattr(paths, "_SOURCE", tmp_path / "no-checkout")
    monkeypatch.setattr(paths, "_REPO_CORPUS", tmp_path / "no-checkout" / "corpus")
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("UDOCS_CORPUS")
    monkeypatch.delenv("UDOCS_INDEX")
    return seed


def test_a_plain_install_copies_the_seed_to_the_users_corpus_once(installed, tmp_path):
    user = tmp_path / "data" / "udocs" / "corpus"
    assert paths.corpus_dir(None) == user
    assert sorted(p.name for p in user.iterdir()) == sorted(p.name for p in installed.iterdir())
    assert {p.stat().st_mode & 0o222 for p in user.iterdir()} != {0}
    (user / "aliases.toml").write_text("# mine\n")
    (installed / "aliases.toml").chmod(0o644)
    (installed / "aliases.toml").write_text("# an upgrade's\n")
    assert paths.corpus_dir(None) == user
    assert (user / "aliases.toml").read_text() == "# mine\n"
    assert paths.index_dir(None, user) == tmp_path / "data" / "udocs" / "index"


def test_add_after_a_plain_install_writes_to_the_users_corpus(installed, tmp_path):
    new = tmp_path / "new.txt"
    new.write_text("A new statement\n\nSome words about detention.\n")
    result = run("add", str(new))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "data" / "udocs" / "corpus" / "undated-a-new-statement.txt").is_file()
    assert sorted(p.stem for p in installed.glob("*.txt")) == SEED_IDS


def test_a_source_checkout_keeps_the_repos_corpus(monkeypatch):
    monkeypatch.delenv("UDOCS_CORPUS")
    assert paths.corpus_dir(None) == Path(__file__).resolve().parent.parent / "corpus"


def test_a_seed_that_cannot_be_copied_is_one_line(installed, tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    result = run("docs")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: cannot copy the installed statements to"
        f" {tmp_path / 'data' / 'udocs' / 'corpus'} (Permission denied);"
        " pass --corpus DIR or set UDOCS_CORPUS\n"
    )
