"""Where a command meets the ends of its process: output that cannot be written, and files,
memory or disk that run out. Each is one line and an exit status, never a traceback."""

import sys
from contextlib import contextmanager

import click

from uyghur_docs.cli.status import ExitStatus

# Open files below which even a small index cannot be built and searched with room to spare.
MIN_OPEN_FILES = 32


@contextmanager
def output_errors():
    """A reader that stops reading ends the command quietly; stdout that cannot be written,
    or a process out of files, memory or disk, is a one-line error."""
    from uyghur_docs.cli.errors import resource_message

    try:
        yield
    except BrokenPipeError:
        # With `2>&1 | head` the reader that left was stderr's too.
        discard_output(sys.stderr)
        raise click.exceptions.Exit(ExitStatus.SUCCESS) from None
    except (OSError, MemoryError) as exc:
        if isinstance(exc, OSError) and is_output_error(exc):
            discard_output()
            raise click.ClickException(f"cannot write the output ({exc.strerror})") from None
        said = resource_message(exc)
        if said is None:
            raise
        raise click.ClickException(said) from None


def is_output_error(exc: OSError) -> bool:
    """Whether an error came from writing stdout (a full disk, a lost terminal)."""
    import errno

    # Writes to stdout name no file; those to the index's files mostly do.
    return exc.filename is None and exc.errno in (
        errno.ENOSPC,
        errno.EIO,
        errno.EDQUOT,
        errno.EFBIG,
    )


def discard_output(*streams) -> None:
    """Point stdout (and the streams given) at /dev/null, so that what is still buffered is
    not written again on exit (which would print a second error, or a traceback)."""
    import os

    for stream in (sys.stdout, *streams):
        try:
            fd = stream.fileno()
        except (AttributeError, ValueError, OSError):
            continue
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)


def open_files() -> int:
    """How many files this process may open, raised first as far as the hard limit lets
    it (up to 1024): running out midway fails later and less clearly."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 1024 if hard == resource.RLIM_INFINITY else min(hard, 1024)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        return wanted
    return soft
