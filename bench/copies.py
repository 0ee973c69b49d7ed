"""What finding copies costs when one document is added to a corpus of 1k or 10k.

For each size, a synthetic corpus (`synth.py --short`) is indexed once; then, from a fresh
copy of that index each time, one new statement is added (`store.build.update`), and one
copy of a statement already there, with detection and without it (the body's MinHash and
the catalog look-ups replaced by nothing). It prints the median times and their ratio, and
the time spent in detection itself:

    PYTHONPATH=. python bench/copies.py [--sizes 1000,10000] [--repeat 3]
"""

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import Generator, generate
from tests.copying import EDITS, republish, text_of
from uyghur_docs.corpus.folder import read_document
from uyghur_docs.extract.analysis import analyse
from uyghur_docs.findings import copies as found_copies
from uyghur_docs.store import build, catalog, workers
from uyghur_docs.store import copies as stored_copies


class Clock:
    """Time spent inside the detection functions during one add."""

    def __init__(self):
        self.seconds = 0.0

    def timed(self, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        return wrapper


@contextmanager
def detection(on: bool, clock: Clock):
    """Detection as it is (timed), or replaced by nothing."""
    if on:
        with (
            mock.patch.object(workers, "body", clock.timed(found_copies.body)),
            mock.patch.object(catalog.copies, "link", clock.timed(stored_copies.link)),
        ):
            yield
        return
    empty = found_copies.Body((), ())
    with (
        mock.patch.object(workers, "body", lambda paragraphs, roles: empty),
        mock.patch.object(catalog.copies, "link", lambda db, taken, affected: None),
    ):
        yield


def add_once(base: Path, name: str, text: str, on: bool) -> tuple[float, float]:
    """Seconds to add one document to the indexed corpus as it was built, and of them the
    seconds spent finding copies. The corpus and index are put back in the same folder
    (the catalog records absolute paths) with their files' times."""
    work = base / "work"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(base / "built", work)
    (work / "corpus" / name).write_text(text, encoding="utf-8")
    clock = Clock()
    with detection(on, clock):
        started = time.perf_counter()
        result = build.update(work / "corpus", work / "index", jobs=1)
        elapsed = time.perf_counter() - started
    assert (result.added, result.unchanged) == (1, len(list((base / "built" / "corpus").iterdir())))
    return elapsed, clock.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| documents | added | add without detection | add with detection | ratio | detection |")
    print("|---:|---|---:|---:|---:|---:|", flush=True)
    for size in map(int, args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            base = Path(folder)
            work = base / "work"
            generate(work / "corpus", size, seed=0, short=True)
            started = time.perf_counter()
            build.update(work / "corpus", work / "index")
            print(f"{size}: built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            shutil.copytree(work, base / "built")
            name, text = Generator(1, short=True).document(size + 1)
            existing = sorted((work / "corpus").iterdir())[size // 2]
            doc = read_document(existing)
            copy = republish(doc, analyse(doc), EDITS, random.Random(size))
            added = {"new statement": (name, text), "copy": (f"copy-{name}", text_of(copy))}
            for what, (file_name, body) in added.items():
                times = {True: [], False: []}
                spent = []
                for _ in range(args.repeat):
                    for on in (False, True):
                        elapsed, detecting = add_once(base, file_name, body, on)
                        times[on].append(elapsed)
                        if on:
                            spent.append(detecting)
                without, with_ = statistics.median(times[False]), statistics.median(times[True])
                spent = statistics.median(spent)
                # Each row as soon as it is measured: a 100k run takes the better part of an hour
                print(
                    f"| {size:,} | {what} | {without * 1000:.0f} ms | {with_ * 1000:.0f} ms"
                    f" | {with_ / without:.2f} | {spent * 1000:.1f} ms |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
