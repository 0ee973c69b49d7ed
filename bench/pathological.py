"""How long every parser takes on the pathological inputs of the test suite, and how that
grows when the input doubles: the tests check what these inputs give, this measures time.

    python bench/pathological.py [--runs 3]

Each row is one parser on one input (`tests/test_fuzz.py`: PATHOLOGICAL, PARSERS): the best
of `--runs` runs, against a baseline measured in the same run, one `str.split` over the
same text, and the time on the input written twice over against the time on it once
(about 2x when the work is linear). Not a test: nothing is asserted.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_fuzz import PARSERS, PATHOLOGICAL  # noqa: E402

NAMES = [
    "split_paragraphs",
    "metadata",
    "quotes",
    "signatories",
    "issuers",
    "name_key",
    "find_date",
    "parse_date",
]


def best(fn, text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per row; the best counts")
    args = parser.parse_args(argv)
    print(f"{'input':>5}  {'parser':<17}{'ms':>9}{'split ms':>10}{'ratio':>9}{'2x input':>10}")
    print("-" * 60)
    for number, text in enumerate(PATHOLOGICAL):
        floor = best(str.split, text, args.runs)
        for name, fn in zip(NAMES, PARSERS, strict=True):
            once = best(fn, text, args.runs)
            twice = best(fn, text * 2, args.runs)
            # Under a tenth of a millisecond, a ratio of two times is noise.
            growth = f"{twice / once:.1f}x" if once > 1e-4 else "-"
            print(
                f"{number:>5}  {name:<17}{once * 1e3:>9.1f}{floor * 1e3:>10.2f}"
                f"{once / floor:>8.0f}x{growth:>10}"
            )


if __name__ == "__main__":
    main()
