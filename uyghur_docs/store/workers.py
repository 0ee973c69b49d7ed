"""Indexing a share of the documents, in this process or in worker processes of its own.

Each share writes its own index segments and catalog part file, which the run's one commit
takes in; a worker that fails or dies stops the run with the index as it was.
"""

import multiprocessing
import os
import queue
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from uyghur_docs import engine
from uyghur_docs.corpus.folder import read_document
from uyghur_docs.errors import CorpusError, IndexingFailed
from uyghur_docs.extract.analysis import Analysis
from uyghur_docs.findings.copies import body
from uyghur_docs.models import Document, ParagraphRecord
from uyghur_docs.store import catalog, parts
from uyghur_docs.store.documents import entry_of
from uyghur_docs.store.roles import paragraph_roles

# Below this many documents to index, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
MAX_WORKERS = 4
PROGRESS_EVERY = 25


@dataclass
class Part:
    """What indexing a share of the documents gave: the catalog part file of its entries,
    the number of documents and paragraphs indexed, the files that could not be read (ids,
    and why), and the segments written."""

    catalog: Path
    documents: int = 0
    paragraphs: int = 0
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    segments: list = field(default_factory=list)


def records(doc: Document, analysis: Analysis, roles: dict[int, str] | None = None):
    """A document's paragraphs as the engine indexes them, each with its role (from
    `paragraph_roles`, worked out here unless given)."""
    roles = paragraph_roles(doc, analysis) if roles is None else roles
    for number, text in enumerate(doc.paragraphs, start=1):
        role = roles.get(number, "prose")
        yield ParagraphRecord(doc.id, number, doc.title, text, doc.date, doc.kind, role)


def index_share(index_dir, paths, overrides, progress, number=0) -> Part:
    """Index documents into segments of their own and their entries into a part file."""
    entries = parts.Part(index_dir / catalog.PART_FILE.format(number))
    part, segments = Part(entries.path), engine.Segments(index_dir)
    try:
        for done, path in enumerate(paths, start=1):
            try:
                doc = read_document(path, overrides)
            except CorpusError as exc:
                part.skipped.append(str(exc))
                part.failed.append(path.stem)
            else:
                entry = entry_of(path, doc, overrides.get(doc.id, {}))
                roles = paragraph_roles(doc, entry.analysis)
                for record in records(doc, entry.analysis, roles):
                    segments.add(record)
                entries.add(entry, body(doc.paragraphs, roles))
                part.paragraphs += len(doc.paragraphs)
            if progress:
                progress(done, len(paths))
    except BaseException:
        segments.abort()
        raise
    finally:
        entries.close()
    part.documents = entries.count
    part.segments = segments.finish()
    return part


def workers(documents: int) -> int:
    """How many worker processes a run of this many documents should use."""
    if documents < PARALLEL_FROM:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_WORKERS, cpus or 1))


def shares(paths: list[Path], count: int) -> list[list[Path]]:
    """Consecutive runs of paths of about equal total size, one per worker."""
    sizes = [p.stat().st_size if p.exists() else 0 for p in paths]
    total, out, share, filled = sum(sizes) or 1, [], [], 0
    for path, size in zip(paths, sizes, strict=True):
        share.append(path)
        filled += size
        if filled >= total * (len(out) + 1) / count and len(out) < count - 1:
            out.append(share)
            share = []
    return [*out, share] if share else out


def in_workers(index_dir, split, overrides, progress, lock_fds) -> list[Part]:
    """Index each share in a process of its own; their progress and results come back on
    a queue, and a worker that dies stops the run."""
    # Forked workers start at once, without importing udocs again; elsewhere they spawn.
    forked = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forked else None)
    messages = context.Queue()
    started = [
        context.Process(
            target=_worker,
            args=(number, index_dir, share, overrides, messages, lock_fds if forked else ()),
            daemon=True,
        )
        for number, share in enumerate(split)
    ]
    total, done, parts = sum(map(len, split)), {}, {}
    try:
        for worker in started:
            worker.start()
        while len(parts) < len(started):
            try:
                number, kind, payload = messages.get(timeout=0.5)
            except queue.Empty:
                dead = [w for n, w in enumerate(started) if n not in parts and not w.is_alive()]
                if dead:
                    raise IndexingFailed(
                        f"an indexing process stopped (exit code {dead[0].exitcode})"
                    ) from None
                continue
            if kind == "progress":
                done[number] = payload
                if progress:
                    progress(sum(done.values()), total)
            elif kind == "error":
                raise IndexingFailed(f"indexing failed: {payload}")
            else:
                parts[number] = payload
    finally:
        for worker in started:
            if worker.is_alive() and len(parts) < len(started):
                worker.terminate()
            worker.join()
    return [parts[n] for n in range(len(started))]


def _reporter(number, messages) -> Callable[[int, int], None]:
    parent = os.getppid()

    def report(done: int, total: int) -> None:
        # A parent killed outright cannot stop its workers; they notice and stop.
        if os.getppid() != parent:
            os._exit(1)
        if done % PROGRESS_EVERY == 0 or done == total:
            messages.put((number, "progress", done))

    return report


def _worker(number, index_dir, paths, overrides, messages, lock_fds) -> None:
    # Ctrl-C reaches every process of the terminal; the parent alone decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker shares the parent's locks on the index: were the parent killed, they
    # would outlive it for as long as the worker runs.
    for fd in lock_fds:
        os.close(fd)
    try:
        part = index_share(index_dir, paths, overrides, _reporter(number, messages), number)
        messages.put((number, "part", part))
    except Exception as exc:
        messages.put((number, "error", repr(exc)))
