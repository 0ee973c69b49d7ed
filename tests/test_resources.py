"""Running out of open files, memory or disk, or writing to a full or read-only one: one
line and exit 1, never a traceback; the next run answers from an index that lacks nothing."""

import errno
import resource
import subprocess
import sys
from pathlib import Path

from uyghur_docs.store import build

from .conftest import run


def udocs(*args: str, files: tuple[int, int] | None = None, **kw):
    limit = None if files is None else (lambda: resource.setrlimit(resource.RLIMIT_NOFILE, files))
    return subprocess.run(
        [sys.executable, "-m", "uyghur_docs", *args],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        **kw,
    )


def test_version_to_a_full_disk_is_one_line():
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "uyghur_docs", "--version"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write the output (No space left on device)\n"


def test_too_few_open_files_is_said_before_anything_is_done(tmp_path):
    result = udocs("index", files=(12, 12))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: udocs needs 32 open files and `ulimit -n` allows 12; raise it and run again\n"
    )
    assert not (tmp_path / "index").exists()


def test_a_low_soft_limit_of_open_files_is_raised():
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    result = udocs("search", "crimes against humanity", "--json", files=(12, hard))
    assert result.returncode == 0, result.stderr
    assert '"total": 4' in result.stdout


def test_out_of_open_files_while_indexing_leaves_nothing_out(tmp_path, monkeypatch):
    """A document that cannot be read for want of open files is not a broken file: the run
    stops, and the next one indexes every document."""
    reading = Path.read_bytes

    def short_of_files(path):
        if path.name == "2022-09-hrc51-joint-letter.txt":
            raise OSError(errno.EMFILE, "Too many open files", str(path))
        return reading(path)

    monkeypatch.setattr(Path, "read_bytes", short_of_files)
    failed = run("index")
    monkeypatch.setattr(Path, "read_bytes", reading)
    after = run("index")

    doc = tmp_path / "corpus" / "2022-09-hrc51-joint-letter.txt"
    assert failed.exit_code == 1
    assert failed.stderr == (
        f"Error: too many open files ({doc}); raise `ulimit -n` (to 1024, say) and run again\n"
    )
    assert after.exit_code == 0
    assert after.stderr.startswith(f"indexed {tmp_path / 'index'}: 5 added, 0 updated")


def test_a_read_only_disk_and_no_memory_are_one_line(tmp_path, monkeypatch):
    index_dir = tmp_path / "index"

    def read_only(*args, **kw):
        raise OSError(errno.EROFS, "Read-only file system", str(index_dir))

    monkeypatch.setattr(build, "_run_lock", read_only)
    result = run("index")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: cannot write ({index_dir}): the disk is read-only;"
        " pass --index DIR on a writable one\n",
    )

    def no_memory(*args, **kw):
        raise MemoryError

    monkeypatch.setattr(build, "_run_lock", no_memory)
    result = run("index")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: out of memory; close other programs, or raise `ulimit -v`, and run again\n",
    )
