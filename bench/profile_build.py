"""Where a udocs index build spends its time: cProfile of one full build, in one process.

    python bench/profile_build.py [--docs 1000] [--top 25]

Generates the synthetic corpus, builds the index under cProfile, then prints the costliest
functions by cumulative time and the self time summed per whoosh/udocs module.
"""

import argparse
import cProfile
import pstats
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv=None) -> None:
    from bench import synth
    from uyghur_docs.store.build import update

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="udocs-profile-") as tmp:
        corpus, index_dir = Path(tmp) / "corpus", Path(tmp) / "index"
        synth.generate(corpus, args.docs)
        profiler = cProfile.Profile()
        profiler.enable()
        update(corpus, index_dir, rebuild=True, jobs=1)
        profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"cProfile of update(rebuild=True, jobs=1) on {args.docs} synthetic documents")
    print(f"total {stats.total_tt:.1f} s (profiled; about 2x the unprofiled time)\n")
    stats.sort_stats("cumulative").print_stats(args.top)

    per_module: Counter = Counter()
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():
        parts = Path(filename).parts
        if "whoosh" in parts:
            key = "whoosh/" + "/".join(parts[parts.index("whoosh") + 1 :])
        elif "uyghur_docs" in parts:
            key = "uyghur_docs/" + parts[-1]
        else:
            key = filename if filename.startswith("~") else Path(filename).name
        per_module[key] += tottime
    print("self time per module:")
    for module, seconds in per_module.most_common(15):
        print(f"  {seconds:7.2f} s  {seconds / stats.total_tt:5.1%}  {module}")


if __name__ == "__main__":
    main()
