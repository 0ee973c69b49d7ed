"""Reading a file someone else made, within limits: its size, the size of what it unpacks
to, and the memory and time its parser may take.

A Word file is a zip whose parts can unpack a thousand times over; a PDF's streams are
compressed too; an HTML page can be 50 MB of markup. The file's size and a Word file's
declared part sizes are checked before anything is parsed. The parser itself then runs in
a child process (forked, so the parsers the parent imported come along) whose address
space and time are capped: whatever a hostile file makes a parser do, the child runs out
of memory or time, and the file is refused with one line naming the limit. The child
sends back plain JSON, never a pickle: what it read came from someone else.
"""

import contextlib
import json
import os
import resource
import select
import signal
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from uyghur_docs.corpus import formats
from uyghur_docs.corpus.folder import MAX_BYTES
from uyghur_docs.errors import IngestError

MB = 1_000_000
# Parsers each format needs, imported before the child is forked.
_PARSERS = {
    "md": ("markdown_it", "yaml"),
    "html": ("trafilatura", "lxml.html"),
    "pdf": ("pdfplumber",),
    "docx": ("docx",),
}


# How large a file of each format may be by default (MB): a text file is its own text, which
# a statement holds at most MAX_BYTES of; a page's markup is a few times its text; a PDF or
# Word file carries fonts and pictures besides.
FILE_MB = {"txt": 16, "md": 16, "html": 16, "pdf": 64, "docx": 64}


@dataclass(frozen=True)
class Limits:
    """How large a file may be (MB; None: by its format, `FILE_MB`), what a Word file may
    unpack to (MB), and the memory (MB, above what udocs holds already) and seconds its
    reading may take."""

    file_mb: int | None = None
    unpacked_mb: int = 256
    memory_mb: int = 500
    seconds: int = 120


def read_file(path: Path, encoding: str | None = None, limits: Limits = Limits()):
    """The file's bytes and what `formats.read` extracts from them, or an IngestError
    naming the limit a file went over."""
    fmt = formats.format_of(path)
    data = _bytes(path, limits.file_mb or FILE_MB[fmt])
    if fmt == "docx":
        _check_parts(path, data, limits)
    extracted = _in_child(lambda: formats.read(path, data, encoding), fmt, path, limits)
    text_bytes = sum(len(p.encode("utf-8")) + 2 for p in extracted.paragraphs)
    if text_bytes > MAX_BYTES:
        raise IngestError(
            f"{path}: its text is {text_bytes // MB} MB; a statement holds at most"
            f" {MAX_BYTES // MB} MB of text (split it)"
        )
    return data, extracted


def _bytes(path: Path, mb: int) -> bytes:
    """The file's bytes, read only when its size is within the limit (a sparse file of
    gigabytes is refused by its size, never read)."""
    most = mb * MB
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > most:
                raise IngestError(_over(path, f"is {size / MB:.0f} MB", mb))
            data = f.read(most + 1)
    except OSError as exc:
        raise IngestError(f"cannot read {path}: {exc.strerror}") from exc
    if len(data) > most:
        raise IngestError(_over(path, "grew while it was read", mb))
    return data


def _over(path: Path, what: str, mb: int) -> str:
    return f"{path} {what}; files over {mb} MB of its format are refused (--max-size MB raises it)"


def _check_parts(path: Path, data: bytes, limits: Limits) -> None:
    """Refuse a Word file whose parts unpack to more than the limit. zipfile reads a part
    no further than its declared size, so the declared sizes bound what is unpacked."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise IngestError(
            f"{path} is not a readable Word document ({exc}); check the file"
        ) from exc
    if unpacked > limits.unpacked_mb * MB:
        raise IngestError(
            f"{path} unpacks to {unpacked // MB} MB; Word files that unpack to over"
            f" {limits.unpacked_mb} MB are refused"
        )


def _in_child(read, fmt: str, path: Path, limits: Limits) -> formats.Extracted:
    """`read()` run in a forked child under the memory and time limits; in this process
    where the platform cannot fork."""
    if not hasattr(os, "fork"):
        return read()
    for module in _PARSERS.get(fmt, ()):
        __import__(module)
    mapped = _address_space()
    budget = mapped + limits.memory_mb * 2**20 if mapped else None
    parent_end, child_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(parent_end)
        _child(read, child_end, budget, limits.seconds)
    os.close(child_end)
    try:
        answer = _answer(parent_end, time.monotonic() + limits.seconds)
    finally:
        os.close(parent_end)
        _reap(pid)
    return _extracted(answer, path, limits)


def _child(read, out: int, budget: int | None, seconds: int) -> None:
    try:
        if budget is not None:
            resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
        answer = {"extracted": asdict(read())}
    except IngestError as exc:
        answer = {"refused": str(exc)}
    except MemoryError:
        answer = {"memory": True}
    except BaseException as exc:  # a parser's own failure: the parent words it
        # A C parser out of memory says so in its own words ("unknown error"): the peak
        # address space tells.
        near = budget is not None and _peak() > budget - 32 * 2**20
        answer = {"memory": True} if near else {"failed": f"{type(exc).__name__}: {exc}"}
    try:
        with os.fdopen(out, "wb") as pipe:
            pipe.write(json.dumps(answer).encode())
    finally:
        os._exit(0)


def _answer(fd: int, deadline: float) -> dict | None:
    """What the child wrote, or None when it died, or wrote nothing, before the deadline."""
    chunks = []
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            try:
                return json.loads(b"".join(chunks))
            except ValueError:
                return None
        chunks.append(chunk)
    return {"timeout": True}


def _reap(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _extracted(answer: dict | None, path: Path, limits: Limits) -> formats.Extracted:
    if answer is None or "memory" in answer:
        raise IngestError(
            f"{path} needs more than {limits.memory_mb} MB to read; a statement never does,"
            " so it is refused"
        )
    if "timeout" in answer:
        raise IngestError(f"{path} took over {limits.seconds} s to read; it is refused")
    if "refused" in answer:
        raise IngestError(answer["refused"])
    if "failed" in answer:
        raise IngestError(f"{path} could not be read ({answer['failed']}); check the file")
    fields = answer["extracted"]
    return formats.Extracted(**{**fields, "paragraphs": tuple(fields["paragraphs"])})


def _address_space() -> int:
    """This process's virtual size in bytes (the child starts with all of it mapped), or 0
    where /proc does not tell: the child's memory is then not capped."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _peak() -> int:
    """This process's peak virtual size in bytes (VmPeak), 0 where /proc does not tell."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
