"""Where a udocs index build spends its time: cProfile of one full build, workers included.

    python bench/profile_build.py [--docs 1000] [--short] [--jobs 1] [--top 25]

Generates the synthetic corpus (`--short`: statements of about 2 KB), builds the index under
cProfile, then prints the costliest functions by cumulative time and the self time summed
per whoosh/udocs module. With `--jobs N` (N > 1) the build runs in N forked worker
processes as usual; each worker profiles its share into a file of its own, and the table
adds them up with the parent's profile (so the total is CPU time across processes, about
N times the wall time of the indexing).
"""

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _profiled_shares(folder: Path):
    """Wrap the workers' indexing of a share in a profiler that dumps into `folder`."""
    from uyghur_docs.store import workers

    plain = workers.index_share

    def index_share(index_dir, paths, overrides, progress, number=0):
        profiler = cProfile.Profile()
        profiler.enable()
        try:
            return plain(index_dir, paths, overrides, progress, number)
        finally:
            profiler.disable()
            profiler.dump_stats(folder / f"worker-{number}.prof")

    workers.index_share = index_share


def _per_module(stats: pstats.Stats) -> Counter:
    per_module: Counter = Counter()
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():
        parts = Path(filename).parts
        if "whoosh" in parts:
            key = "whoosh/" + "/".join(parts[parts.index("whoosh") + 1 :])
        elif "uyghur_docs" in parts:
            key = "uyghur_docs/" + "/".join(parts[parts.index("uyghur_docs") + 1 :])
        else:
            key = filename if filename.startswith("~") else Path(filename).name
        per_module[key] += tottime
    return per_module


def main(argv=None) -> None:
    from bench import synth
    from uyghur_docs.store.build import update

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--short", action="store_true", help="statements of about 2 KB")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (1: none)")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="udocs-profile-") as tmp:
        corpus, index_dir = Path(tmp) / "corpus", Path(tmp) / "index"
        synth.generate(corpus, args.docs, short=args.short)
        if args.jobs > 1:
            _profiled_shares(Path(tmp))
        start = time.perf_counter()
        profiler = cProfile.Profile()
        profiler.enable()
        update(corpus, index_dir, rebuild=True, jobs=args.jobs)
        profiler.disable()
        wall = time.perf_counter() - start
        stats = pstats.Stats(profiler)
        for dump in sorted(Path(tmp).glob("worker-*.prof")):
            stats.add(str(dump))
    kind = "short " if args.short else ""
    print(f"cProfile of update(rebuild=True, jobs={args.jobs}) on {args.docs} {kind}documents")
    print(f"wall {wall:.1f} s; profiled time {stats.total_tt:.1f} s (all processes)\n")
    stats.sort_stats("cumulative").print_stats(args.top)
    print("self time per module:")
    for module, seconds in _per_module(stats).most_common(20):
        print(f"  {seconds:7.2f} s  {seconds / stats.total_tt:5.1%}  {module}")


if __name__ == "__main__":
    main()
