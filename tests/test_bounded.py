"""Files someone else made are read within limits: size before reading, a Word file's
unpacked size before parsing, and the parser's memory and time in a child process."""

import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from uyghur_docs.corpus import bounded, formats
from uyghur_docs.corpus.bounded import Limits, read_file
from uyghur_docs.errors import IngestError

from .conftest import run

TEXT = "A statement\n\nThe report finds serious human rights violations in Xinjiang.\n"


def test_a_file_is_read_as_the_reader_reads_it(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text(TEXT)
    data, extracted = read_file(path)
    assert data == TEXT.encode()
    assert extracted == formats.read(path, data)


def test_a_file_over_the_size_of_its_format_is_refused_unread(tmp_path, monkeypatch):
    sparse = tmp_path / "huge.txt"
    with sparse.open("wb") as f:
        f.truncate(17_000_000)
    monkeypatch.setattr(Path, "read_bytes", None)
    with pytest.raises(IngestError) as refused:
        read_file(sparse)
    assert str(refused.value) == (
        f"{sparse} is 17 MB; files over 16 MB of its format are refused (--max-size MB raises it)"
    )
    with pytest.raises(IngestError, match="is binary, not text"):
        read_file(sparse, limits=Limits(file_mb=18))


def _word_file(declared_part: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", declared_part)
    return buffer.getvalue()


def test_a_word_file_that_unpacks_past_the_limit_is_refused_before_parsing(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_word_file(b"<w:p>" + b"a" * 3_000_000 + b"</w:p>"))
    assert path.stat().st_size < 100_000
    with pytest.raises(IngestError) as refused:
        read_file(path, limits=Limits(unpacked_mb=2))
    assert str(refused.value) == (
        f"{path} unpacks to 3 MB; Word files that unpack to over 2 MB are refused"
    )


def test_a_reader_that_needs_too_much_memory_is_refused(tmp_path):
    path = tmp_path / "x.txt"
    with pytest.raises(IngestError) as refused:
        bounded._in_child(lambda: bytearray(400 * 2**20), "txt", path, Limits(memory_mb=100))
    assert str(refused.value) == (
        f"{path} needs more than 100 MB to read; a statement never does, so it is refused"
    )


def test_a_reader_that_takes_too_long_is_refused_and_stopped(tmp_path):
    path = tmp_path / "x.txt"
    started = time.monotonic()
    with pytest.raises(IngestError) as refused:
        bounded._in_child(lambda: time.sleep(60), "txt", path, Limits(seconds=1))
    assert str(refused.value) == f"{path} took over 1 s to read; it is refused"
    assert time.monotonic() - started < 30


def test_a_reader_s_own_refusal_and_failure_come_back_as_one_line(tmp_path):
    path = tmp_path / "x.txt"

    def refuse():
        raise IngestError("x.txt is empty; there is nothing to add")

    with pytest.raises(IngestError, match=r"^x\.txt is empty; there is nothing to add$"):
        bounded._in_child(refuse, "txt", path, Limits())
    with pytest.raises(IngestError) as failed:
        bounded._in_child(lambda: 1 / 0, "txt", path, Limits())
    assert str(failed.value) == (
        f"{path} could not be read (ZeroDivisionError: division by zero); check the file"
    )


def test_the_child_leaves_no_process_behind(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text(TEXT)
    for _ in range(3):
        read_file(path)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_add_refuses_a_large_file_in_one_line_and_max_size_raises_the_limit(tmp_path):
    sparse = tmp_path / "huge.txt"
    with sparse.open("wb") as f:
        f.truncate(17_000_000)
    result = run("add", str(sparse))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: {sparse} is 17 MB; files over 16 MB of its format are refused"
        " (--max-size MB raises it)\n"
    )
    raised = run("add", str(sparse), "--max-size", "18")
    assert "is binary, not text" in raised.stderr
