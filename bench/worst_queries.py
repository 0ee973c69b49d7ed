"""The slowest queries of a fuzz run, each in a process of its own: wall time of the search
and its CPU time, and the process's peak RSS, against the bounds of issue 27 (1 s, 200 MB at
10k documents; "met" judges the wall time, which a busy machine stretches: the CPU time
says what the search itself costs).

    python bench/worst_queries.py [--docs 10000] [--corpus DIR --index DIR]

Without `--corpus`, writes --docs short synthetic statements (`synth.py --short`) into a
temporary folder and builds their index first (about 40 s per thousand on two busy cores);
with `--corpus` and `--index`, searches that index, built beforehand. Each query runs in a
fresh child process: `store.search.search` on the index folder (opened for the call, as
one `udocs search` opens it), timed alone; the peak RSS is the child's, imports included
(the first row, a plain word, is what any search costs).
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from processes import child

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve()
SECONDS, MEGABYTES = 1.0, 200

QUERIES = [
    "torture",
    "x~2",
    "a~2",
    "e~2 OR a~2 OR i~2 OR o~2",
    "a*",
    "s*",
    "*a*",
    "*e* *a* *i*",
    "?*",
    "?*~2",
    "a* b* c* d* e* f*",
    "torture -*e*",
    "title:?*",
    "torure~2 detenton~2 surveilance~2 genocid~2 sanctons~2 testimny~2",
    '"crimes against humanity" x~2 *ion',
]


def _child(index: Path, query: str) -> None:
    from uyghur_docs.errors import QueryError
    from uyghur_docs.store import search

    start, cpu = time.perf_counter(), time.process_time()
    try:
        result = search.search(index, query)
    except QueryError as refused:
        print(json.dumps({"seconds": time.perf_counter() - start, "refused": str(refused)}))
        return
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    cut = [f"{c.term} ({c.kept})" for c in result.cut]
    print(json.dumps({"seconds": seconds, "cpu": cpu, "total": result.total, "cut": cut}))


def _corpus(docs: int, tmp: Path) -> tuple[Path, Path]:
    from synth import generate

    from uyghur_docs.store.build import update

    corpus, index = tmp / "corpus", tmp / "index"
    generate(corpus, docs, short=True)
    update(corpus, index, rebuild=True)
    return corpus, index


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(Path(args.child[0]), args.child[1])
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory(prefix="udocs-worst-") as tmp:
        if args.corpus is None:
            os.environ["XDG_CONFIG_HOME"] = env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
            _, index = _corpus(args.docs, Path(tmp))
        else:
            index = args.index
        _table(index, env)


def _table(index: Path, env: dict) -> None:
    print(f"{'query':<68} {'search s':>8} {'CPU s':>6} {'peak MB':>8}  met  documents / cut")
    print("-" * 120)
    for query in QUERIES:
        info = child(BENCH, [str(index), query], env)
        met = info["seconds"] <= SECONDS and info["peak_mb"] <= MEGABYTES
        found = info.get("refused") or f"{info['total']}; cut: {', '.join(info['cut']) or '-'}"
        seconds, peak = f"{info['seconds']:>8.3f}", f"{info['peak_mb']:>8.1f}"
        cpu = f"{info.get('cpu', 0):>6.3f}"
        print(
            f"{query:<68} {seconds} {cpu} {peak}  {'yes' if met else 'NO':<3}  {found}", flush=True
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
