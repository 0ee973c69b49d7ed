"""A reader that leaves early (`2>&1 | head`) ends udocs quietly with status 0."""

import subprocess
import sys

import pytest

from .conftest import run

UDOCS = [sys.executable, "-m", "uyghur_docs"]


def leave_after(lines: int, *args: str) -> tuple[int, bytes]:
    """Run udocs with stdout and stderr on one pipe, read `lines` lines, close the pipe."""
    process = subprocess.Popen([*UDOCS, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    read = b"".join(process.stdout.readline() for _ in range(lines))
    process.stdout.close()
    return process.wait(timeout=120), read


def test_closing_after_one_line_is_status_0_every_time(corpus):
    assert run("index").exit_code == 0
    for _ in range(10):
        status, read = leave_after(1, "search", "China", "--in", "all", "-C", "3")
        assert status == 0
        assert read.startswith(b"2024-08-28-omct-second-anniversary-statement \xc2\xb61\t")


@pytest.mark.parametrize(
    "args",
    [
        ("search", "zzzqqq"),  # only a summary, on stderr
        ("show", "no-such-document"),  # only an error, on stderr
    ],
)
def test_a_message_to_a_reader_already_gone_is_status_0(corpus, args):
    assert run("index").exit_code == 0
    status, read = leave_after(0, *args)
    assert (status, read) == (0, b"")


def test_stdout_closed_before_the_first_line_leaves_no_traceback(corpus):
    assert run("index").exit_code == 0
    process = subprocess.Popen(
        [*UDOCS, "search", "China", "--in", "all", "-C", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()
    assert process.wait(timeout=120) == 0
    assert b"Traceback" not in process.stderr.read()
