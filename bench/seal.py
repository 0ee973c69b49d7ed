"""What checking an index's seal costs before a search, on synthetic corpora.

    python bench/seal.py [N ...] [--runs 20]

For each size N (default 1000), writes N short synthetic statements (`synth.py --short`),
builds their index, then times `engine.verify` (what every search and listing runs before
whoosh opens a file): the median over --runs checks with every file's stamp as sealed (one
stat per file, the manifest's HMAC), and once with every file's change time moved, so that
each file is hashed (the first check after an index is copied or restored, and the cost of
a sealing commit that writes every file). The key lives in a temporary config folder.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def median_seconds(check, runs: int) -> float:
    check()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        check()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure(n: int, runs: int, tmp: Path) -> tuple:
    from synth import generate

    from uyghur_docs import engine
    from uyghur_docs.store.build import update

    corpus, index = tmp / f"corpus-{n}", tmp / f"index-{n}"
    generate(corpus, n, short=True)
    update(corpus, index)
    sealed = [p for p in index.iterdir() if "paragraphs_" in p.name and p.suffix != ".sums"]
    size = sum(p.stat().st_size for p in sealed)
    warm = median_seconds(lambda: engine.verify(index), runs)
    for path in sealed:
        # A chmod to the same mode moves the change time alone: the bytes must be hashed.
        path.chmod(path.stat().st_mode)
    start = time.perf_counter()
    engine.verify(index)
    hashed = time.perf_counter() - start
    return n, len(sealed), size / 1e6, warm * 1e3, hashed * 1e3


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="udocs-seal-") as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        print("| documents | files sealed | MB | check, stamps as sealed | every file hashed |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        for n in args.sizes:
            row = measure(n, args.runs, Path(tmp))
            print("| {} | {} | {:.1f} | {:.2f} ms | {:.1f} ms |".format(*row), flush=True)


if __name__ == "__main__":
    main()
