"""Folders from someone else: `udocs add` and the corpus reader follow no link out of the
folder, read no FIFO or device, and print names with their control characters escaped."""

import os
import stat

import pytest

from .conftest import run, run_json

STATEMENT = "Joint statement on {}\n\nWe, the undersigned, call for {} now.\n"
SECRET = "root:x:0:0:Zanzibarite:/root:/bin/bash\n"


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "outside" / "passwd"
    path.parent.mkdir()
    path.write_text(SECRET)
    return path


@pytest.fixture
def shared(tmp_path, secret):
    """A folder as someone might share it: two statements (one reached by a link that stays
    inside), links out of it, a looping and a broken link, and a FIFO."""
    folder = tmp_path / "shared"
    (folder / ".kept").mkdir(parents=True)
    (folder / "a.txt").write_text(STATEMENT.format("Kashgar", "accountability"))
    (folder / ".kept" / "c.txt").write_text(STATEMENT.format("Hotan", "access"))
    (folder / "c.txt").symlink_to(folder / ".kept" / "c.txt")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "etc").symlink_to(secret.parent, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_add_follows_no_link_out_of_the_folder_and_reads_no_fifo(shared):
    result = run("add", str(shared))
    assert result.exit_code == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped: ")]
    assert skipped == [
        f"skipped: {shared / 'etc'}: a link out of the folder; not followed",
        f"skipped: {shared / 'gone.txt'}: a broken or looping link",
        f"skipped: {shared / 'loop.txt'}: a broken or looping link",
        f"skipped: {shared / 'passwd.txt'}: a link out of the folder; not followed",
        f"skipped: {shared / 'pipe.txt'}: not a regular file (a FIFO, device or socket); not read",
    ]
    assert [line.split("\t")[-1] for line in result.stdout.splitlines()] == ["a.txt", "c.txt"]
    assert run_json("search", "Zanzibarite")["total"] == 0
    assert run_json("search", "Hotan")["total"] == 1


def test_add_reads_no_device(tmp_path):
    folder = tmp_path / "devices"
    folder.mkdir()
    try:
        os.mknod(folder / "zero.txt", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device needs privileges this run lacks")
    result = run("add", str(folder))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"skipped: {folder / 'zero.txt'}: not a regular file (a FIFO, device or socket); not read",
        f"Error: {folder} holds no .txt, .md, .html, .htm, .pdf, .docx files",
        "added 0, refused 1",
    ]


def test_add_of_a_fifo_named_alone_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    result = run("add", str(tmp_path / "pipe.txt"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path / 'pipe.txt'} is not a regular file (a FIFO, device or socket);"
        " not read\n"
    )


def test_the_corpus_reader_follows_no_link_out_and_reads_no_fifo(corpus, secret):
    (corpus / "2023-01-01-leak.txt").symlink_to(secret)
    os.mkfifo(corpus / "2023-01-02-pipe.txt")
    result = run("index")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        "skipped: 2023-01-01-leak.txt: a link out of the folder; not followed",
        "skipped: 2023-01-02-pipe.txt: not a regular file (a FIFO, device or socket); not read",
    ]
    assert run_json("search", "Zanzibarite")["total"] == 0


def test_names_are_printed_with_control_characters_escaped(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    name = "evil\x1b]0;owned\x07\nadded 2099-fake.txt"
    (folder / name).write_text(STATEMENT.format("Aksu", "justice"))
    result = run("add", str(folder))
    assert result.exit_code == 0, result.stderr
    assert not {"\x1b", "\x07"} & set(result.stderr + result.stdout)
    assert result.stdout.endswith("\tevil\\x1b]0;owned\\x07\\nadded 2099-fake.txt\n")
    missing = run("add", str(tmp_path / "gone\x1b[2J.txt"))
    assert missing.stderr == (
        f"Error: {tmp_path}/gone\\x1b[2J.txt does not exist; check the path\n"
    )
