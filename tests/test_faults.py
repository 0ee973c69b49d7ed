"""Faults a research tool must survive: damaged, foreign, locked or read-only indexes, killed
runs, bad corpus files and broken output pipes. Each asserts what the user sees."""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from whoosh.filedb.filestore import FileStorage

from uyghur_docs.cli.errors import message
from uyghur_docs.engine import files
from uyghur_docs.errors import IndexDamaged, IndexFault
from uyghur_docs.store import search, workers
from uyghur_docs.store.build import update

from .conftest import run


def udocs(*args, env=None, **kw):
    return subprocess.run(
        [sys.executable, "-m", "uyghur_docs", *args], capture_output=True, text=True, env=env, **kw
    )


@pytest.fixture
def built(corpus, tmp_path):
    update(corpus, tmp_path / "index")
    return tmp_path / "index"


def toc(index_dir):
    (path,) = index_dir.glob("_paragraphs_*.toc")
    return path


def test_new_index_folder_is_owner_only(built):
    assert built.stat().st_mode & 0o777 == 0o700


def test_index_folder_writable_by_others_is_refused(built):
    built.chmod(0o777)
    result = run("search", "torture")
    assert result.exit_code == 1
    assert "is writable by group or others" in result.stderr
    assert "udocs will not open an index others could have written" in result.stderr


@pytest.mark.parametrize("args", [["index"], ["search", "Karakax"], ["add", "{file}"]])
def test_a_new_index_folder_others_can_write_is_refused_before_anything_is_written(
    corpus, tmp_path, args
):
    afile = tmp_path / "s.txt"
    afile.write_text("A statement\n\n1 May 2023\n\nText about Karakax.\n")
    index = tmp_path / "shared"
    index.mkdir()
    index.chmod(0o777)
    before = sorted(p.name for p in corpus.iterdir())
    result = run("--index", str(index), *(a.format(file=afile) for a in args))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: {index} is writable by group or others (mode drwxrwxrwx); udocs will not open"
        f" an index others could have written. Delete {index} and run `udocs index`, or pass"
        " --index DIR\n"
    )
    assert list(index.iterdir()) == []
    assert sorted(p.name for p in corpus.iterdir()) == before


def test_index_file_others_can_write_is_rebuilt(built):
    path = toc(built)
    path.chmod(0o666)
    result = run("search", "Karakax")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"the index in {built} was not sealed by udocs for you ({path.name} is writable by"
        " group or others); rebuilding it from the corpus"
    )
    assert result.stdout.startswith("2020-03-12-ishr-hrw-news-release ¶8\t")
    assert toc(built).stat().st_mode & 0o777 == 0o600


def test_index_inside_the_corpus_is_refused(corpus):
    result = run("--index", str(corpus / "index"), "search", "torture")
    assert result.exit_code == 1
    assert "is inside the corpus folder" in result.stderr
    assert not (corpus / "index").exists()


def test_truncated_toc_is_rebuilt_by_search(built):
    path = toc(built)
    written = path.read_bytes()
    path.write_bytes(written[:40])
    with pytest.raises(IndexDamaged) as caught:
        search.search(built, "torture")
    assert caught.value.path == built
    assert message(caught.value).endswith(
        f"is damaged (_paragraphs_1.toc has 40 bytes where {len(written)} were written);"
        " run `udocs index --rebuild`"
    )
    result = run("search", "Karakax")
    assert "is damaged; rebuilding it from the corpus" in result.stderr
    assert result.stdout.startswith("2020-03-12-ishr-hrw-news-release ¶8\t")


def test_truncated_toc_makes_index_say_rebuild(built):
    path = toc(built)
    path.write_bytes(path.read_bytes()[:40])
    (built.parent / "corpus" / "2023-01-01-x.txt").write_text("X\n\nNew words.\n")
    result = run("index")
    assert result.exit_code == 1 and "run `udocs index --rebuild`" in result.stderr
    assert run("index", "--rebuild").exit_code == 0
    assert search.search(built, "Karakax").total == 1


def test_corrupt_segment_is_rebuilt_by_search(built):
    segment_files = [*built.glob("*.trm"), *built.glob("*.pst")]
    assert segment_files
    for seg in segment_files:
        data = bytearray(seg.read_bytes())
        seg.write_bytes(bytes(data[: len(data) // 3]))
    result = run("search", "Karakax")
    assert result.exit_code == 0, result.stderr
    assert "rebuilding it from the corpus" in result.stderr
    assert "2020-03-12-ishr-hrw-news-release ¶8" in result.stdout


def test_ctrl_c_during_indexing_exits_130_and_keeps_the_index(corpus, built, monkeypatch):
    (corpus / "2023-01-01-x.txt").write_text("X\n\nKarakax elsewhere.\n")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(workers, "read_document", interrupted)
        result = run("index")
    assert result.exit_code == 130
    assert "interrupted; the index is as it was before this run" in result.stderr
    assert search.search(built, "Karakax").total == 1


def test_read_only_index_still_searches(corpus, built, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(FileStorage, "create_file", refuse)
    monkeypatch.setattr(FileStorage, "lock", refuse)
    (corpus / "2020-03-12-ishr-hrw-news-release.txt").unlink()
    indexing = run("index")
    assert indexing.exit_code == 1 and "cannot write the index" in indexing.stderr
    searching = run("search", "Karakax")
    assert searching.exit_code == 0
    assert "searching the index as it is: cannot write the index" in searching.stderr
    assert searching.stdout.startswith("2020-03-12-ishr-hrw-news-release ¶8")
    assert "the source file of 2020-03-12-ishr-hrw-news-release is gone" in searching.stderr


def test_search_during_indexing(built):
    writer = files.open_index(built).writer()
    try:
        assert search.search(built, "Karakax").total == 1
    finally:
        writer.cancel()


def test_bad_corpus_files_are_skipped_by_name(corpus):
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 in \xdcr\xfcmqi\n".encode("latin-1"))
    (corpus / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    with open(corpus / "huge.txt", "wb") as f:
        f.truncate(50_000_000)
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "2023-06-06-long-line.txt").write_text("Long\n\n" + "Karakax word " * 100_000)
    result = run("index")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("skipped: ")]
    assert [w.split()[1] for w in warnings] == [
        ".DS_Store:",
        "huge.txt:",
        "loop.txt:",
        "binary.txt",
        "empty.txt",
        "latin1.txt",
    ]
    assert "6 added, 0 updated, 0 removed, 0 unchanged, 6 skipped" in result.stderr
    assert {h.id for h in search.search(corpus.parent / "index", "Karakax").hits} == {
        "2020-03-12-ishr-hrw-news-release",
        "2023-06-06-long-line",
    }


def test_killed_indexing_runs_leave_a_working_index(corpus, tmp_path):
    rng = random.Random(7)
    for n in range(80):
        words = " ".join(
            rng.choice(["torture", "detention", "labour", "camps"]) for _ in range(200)
        )
        (corpus / f"2023-07-{n:03d}-synthetic.txt").write_text(f"Synthetic {n}\n\n{words}\n")
    env = {**os.environ}
    assert udocs("index", env=env).returncode == 0
    expected = search.search(tmp_path / "index", "Karakax").total
    for attempt in range(4):
        for path in list(corpus.glob("2023-07-*"))[: 40 + attempt]:
            path.write_text(path.read_text() + f"\n\nrevision {attempt}\n")
        proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "uyghur_docs", "index", "--jobs", str(attempt % 3 + 1)),
                *(["--rebuild"] if attempt % 2 else []),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.1, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert search.search(tmp_path / "index", "Karakax").total == expected
        assert udocs("search", "torture", "--json", env=env).returncode == 0
    final = udocs("index", env=env)
    assert final.returncode == 0, final.stderr
    assert search.search(tmp_path / "index", '"revision 3"', limit=100).total == 43


def test_closed_stdout_prints_no_traceback(corpus):
    result = subprocess.run(
        f"{sys.executable} -m uyghur_docs docs >&-", shell=True, capture_output=True, text=True
    )
    assert result.stderr == "udocs: standard output is closed; nothing to write to\n"
    assert result.returncode == 1


def test_non_utf8_terminal_encoding(corpus):
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = udocs("show", "2022-03-08-open-letter-high-commissioner", "--para", "6", env=env)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stdout.startswith("2022-03-08-open-letter-high-commissioner")


@pytest.mark.parametrize(
    "args",
    [
        ["docs"],
        ["show", "2022-09-hrc51-joint-letter"],
        ["search", "torture"],
        ["search", "zzyzx"],
        ["index"],
    ],
)
def test_json_output_is_always_valid(corpus, args):
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    assert isinstance(json.loads(result.stdout), dict)


def test_untrusted_index_error_is_a_fault(built):
    built.chmod(0o775)
    with pytest.raises(IndexFault, match="writable by group or others"):
        search.search(built, "x")
