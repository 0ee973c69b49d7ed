"""Commands run at once: nothing added is lost, nothing removed comes back, no id is shared.

Each test starts its commands in forked processes released together by a barrier, so that
they overlap as two terminals' commands would; what is left must equal one after the other.
"""

import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from uyghur_docs.corpus import ingest, lock, removal
from uyghur_docs.corpus.lock import folder_lock
from uyghur_docs.corpus.provenance import SOURCES_FILE

from .conftest import run

FORK = multiprocessing.get_context("fork")
TIMEOUT = 60
ADDERS = 10
# A kind the texts do not say, so that each add writes overrides.toml too.
KIND = "news-release"


def _statement(number: int) -> str:
    return (
        f"Statement {number} on the OHCHR assessment\n\n"
        f"Organisation {number} welcomes the assessment and urges the Council to act on it.\n"
    )


def _files(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"statement-{n}.txt" for n in range(len(texts))]
    for path, text in zip(paths, texts, strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def _add(barrier, corpus: Path, path: Path, date: str, results) -> None:
    barrier.wait()
    result = ingest.add(corpus, [path], ingest.AddOptions(date=date, kind=KIND))
    results.put((path.name, [a.id for a in result.added], [r.error for r in result.refused]))


def _remove(barrier, corpus: Path, doc_id: str, results) -> None:
    barrier.wait()
    results.put(("remove", [r.id for r in removal.remove(corpus, [doc_id]).removed], []))


def _at_once(jobs: list[tuple]) -> list[tuple]:
    """Run (function, args) jobs in processes started together; what each reported."""
    barrier, results = FORK.Barrier(len(jobs)), FORK.Queue()
    procs = [FORK.Process(target=f, args=(barrier, *args, results)) for f, args in jobs]
    for proc in procs:
        proc.start()
    reports = [results.get(timeout=TIMEOUT) for _ in procs]
    for proc in procs:
        proc.join(TIMEOUT)
        assert proc.exitcode == 0
    return reports


def _state(corpus: Path) -> tuple[dict, dict, dict]:
    """The corpus as a reader sees it: texts by id, provenance (without the time of adding)
    and overrides."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))}
    sources = json.loads((corpus / SOURCES_FILE).read_text(encoding="utf-8"))["documents"]
    for entry in sources.values():
        del entry["added"]
    overrides = tomllib.loads((corpus / "overrides.toml").read_text(encoding="utf-8"))
    return texts, sources, overrides


def test_adds_at_once_end_as_one_after_the_other(corpus, tmp_path):
    paths = _files(tmp_path / "new", [_statement(n) for n in range(ADDERS)])
    dates = [f"2022-09-{n + 1:02d}" for n in range(ADDERS)]
    sequential = tmp_path / "sequential"
    shutil.copytree(corpus, sequential)
    for path, date in zip(paths, dates, strict=True):
        ingest.add(sequential, [path], ingest.AddOptions(date=date, kind=KIND))

    reports = _at_once([(_add, (corpus, p, d)) for p, d in zip(paths, dates, strict=True)])

    assert sorted(r[2] for r in reports) == [[]] * ADDERS
    assert _state(corpus) == _state(sequential)
    texts, sources, overrides = _state(corpus)
    assert sorted(s["file"] for s in sources.values()) == sorted(p.name for p in paths)
    assert sorted(overrides) == sorted(sources)
    assert sorted(texts.values()).count(_statement(3)) == 1


def test_files_of_one_id_added_at_once_get_ids_of_their_own(corpus, tmp_path):
    same_title = [f"Joint statement\n\nGroup {n} calls for action.\n" for n in range(6)]
    paths = _files(tmp_path / "new", same_title)

    reports = _at_once([(_add, (corpus, p, "2022-09-01")) for p in paths])

    ids = sorted(doc_id for _, added, _ in reports for doc_id in added)
    base = "2022-09-01-joint-statement"
    assert ids == sorted([base, *(f"{base}-{n}" for n in range(2, 7))])
    texts, sources, _ = _state(corpus)
    assert sorted(texts[i] for i in ids) == sorted(same_title)
    assert {sources[i]["file"] for i in ids} == {p.name for p in paths}


def test_one_file_added_at_once_twice_is_added_once(corpus, tmp_path):
    text = "Joint statement\n\nOne text, sent by two people at once.\n"
    paths = _files(tmp_path / "new", [text, text])

    reports = _at_once([(_add, (corpus, p, "2022-09-01")) for p in paths])

    added = [doc_id for _, ids, _ in reports for doc_id in ids]
    assert added == ["2022-09-01-joint-statement"]
    [(second, _, errors)] = [report for report in reports if not report[1]]
    assert errors == [f"{paths[0].parent / second} is already in the corpus as {added[0]}"]


@pytest.mark.parametrize("attempt", range(3))
def test_a_remove_during_adds_stays_removed(corpus, tmp_path, attempt):
    gone = "2022-09-01-statement-0-on-the-ohchr-assessment"
    first = _files(tmp_path / "first", [_statement(0)])
    ingest.add(corpus, first, ingest.AddOptions(date="2022-09-01", kind=KIND))
    paths = _files(tmp_path / "new", [_statement(n) for n in range(1, 6)])
    jobs = [(_add, (corpus, p, f"2022-10-{n + 1:02d}")) for n, p in enumerate(paths)]

    _at_once([*jobs[:2], (_remove, (corpus, gone)), *jobs[2:]])

    texts, sources, overrides = _state(corpus)
    assert gone not in texts and gone not in sources and gone not in overrides
    assert sorted(s["file"] for s in sources.values()) == sorted(p.name for p in paths)
    assert sorted(overrides) == sorted(sources)


def test_an_id_taken_while_a_file_is_read_goes_to_the_next_number(corpus, tmp_path):
    """A writer that does not take the lock (an older udocs) makes the id's file between
    this add's reading of the corpus and its writing: neither file is lost."""
    base = "2022-09-01-joint-statement"
    theirs = "Joint statement\n\nWritten by hand meanwhile.\n"

    def meanwhile(doc):
        if not (corpus / f"{base}.txt").exists():
            (corpus / f"{base}.txt").write_text(theirs, encoding="utf-8")
        return 0, 0

    paths = _files(tmp_path / "new", ["Joint statement\n\nAdded by udocs.\n"])
    result = ingest.add(corpus, paths, ingest.AddOptions(date="2022-09-01", kind=KIND), meanwhile)

    assert [a.id for a in result.added] == [f"{base}-2"]
    texts, sources, overrides = _state(corpus)
    assert texts[base] == theirs and texts[f"{base}-2"] == "Joint statement\n\nAdded by udocs.\n"
    assert sorted(sources) == sorted(overrides) == [f"{base}-2"]


def udocs(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "uyghur_docs", *args], capture_output=True, text=True, **kw
    )


def test_a_rebuild_while_another_run_holds_the_index_changes_nothing(corpus, tmp_path):
    index_dir = tmp_path / "index"
    assert run("index").exit_code == 0
    before = run("search", "crimes against humanity", "--json").stdout
    held = folder_lock(index_dir, 0)
    try:
        rebuild = udocs("index", "--rebuild")
        searched = udocs("search", "crimes against humanity", "--json")
    finally:
        os.close(held)

    assert rebuild.returncode == 1
    assert rebuild.stderr == _locked(index_dir)
    assert (index_dir / "catalog.sqlite").is_file()
    assert searched.returncode == 0 and searched.stdout == before


def test_rebuilds_and_searches_at_once_answer_as_before(corpus, tmp_path):
    """Two `index --rebuild` and searches started together: each rebuild succeeds or says
    the other holds the index; each search answers as the index did before."""
    index_dir = tmp_path / "index"
    assert run("index").exit_code == 0
    before = run("search", "crimes against humanity", "--json").stdout
    done = re.compile(
        f"indexed {re.escape(str(index_dir))}: 5 added, 0 updated, 0 removed, 0 unchanged,"
        r" 0 skipped \(188 paragraphs\) in [0-9.]+s\n"
    )
    for _ in range(2):
        rebuilds = [_start("index", "--rebuild") for _ in range(2)]
        searches = [_start("search", "crimes against humanity", "--json") for _ in range(3)]
        for proc in rebuilds:
            out, err = proc.communicate(timeout=TIMEOUT)
            assert (proc.returncode, err) == (1, _locked(index_dir)) or (
                proc.returncode == 0 and done.fullmatch(err)
            ), err
        for proc in searches:
            out, err = proc.communicate(timeout=TIMEOUT)
            assert (proc.returncode, out) == (0, before), err
        assert not list(index_dir.glob("catalog.*.sqlite"))


def _locked(index_dir: Path) -> str:
    return (
        f"Error: another `udocs index` run holds the lock on {index_dir}; wait for it to finish\n"
    )


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "uyghur_docs", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_search_while_the_corpus_is_held_answers_from_the_index_as_it_is(
    corpus, tmp_path, monkeypatch
):
    assert run("index").exit_code == 0
    before = run("search", "crimes against humanity", "--json").stdout
    (corpus / "2022-09-hrc51-joint-letter.txt").touch()  # stale: the search would refresh
    monkeypatch.setattr(lock, "LOCK_WAIT", 0.2)
    held = folder_lock(corpus, 0)
    try:
        searched = run("search", "crimes against humanity", "--json")
    finally:
        os.close(held)

    assert (searched.exit_code, searched.stdout) == (0, before)
    assert searched.stderr.endswith(
        "searching the index as it is: another udocs command is changing the corpus"
        f" {corpus}; try again when it is done\n"
    )
