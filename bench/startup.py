"""Process start-up cost of the udocs CLI against bare Python and its imports.

    python bench/startup.py [--runs 10]

Prints the median wall time of each command over --runs runs (after one untimed run), with
ratios: `--version` against `import click` (the CLI's own floor) and `search` against the
imports a search cannot avoid (whoosh index and query parser, click, rich). The search runs
on a copy of the bundled corpus in a temporary folder, with its index built beforehand.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def median_seconds(cmd: list[str], runs: int, env: dict) -> float:
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    # Installed, udocs runs from bytecode: without it every process would compile each
    # module again (the untimed first run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="udocs-startup-") as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index"
        shutil.copytree(ROOT / "corpus", corpus)
        udocs = [PY, "-m", "uyghur_docs", "--corpus", str(corpus), "--index", str(index)]
        subprocess.run([*udocs, "index"], env=env, check=True, capture_output=True)
        commands = {
            "python -c pass": [PY, "-c", "pass"],
            "python -c 'import click'": [PY, "-c", "import click"],
            "import floor (whoosh, click, rich)": [
                PY,
                "-c",
                "import whoosh.index, whoosh.qparser, click, rich.console",
            ],
            "udocs --version": [*udocs, "--version"],
            "udocs docs": [*udocs, "docs"],
            'udocs search "torture"': [*udocs, "search", "torture"],
        }
        times = {name: median_seconds(cmd, args.runs, env) for name, cmd in commands.items()}
    ratios = {
        "udocs --version": ("python -c 'import click'", "vs import click"),
        "udocs docs": ("python -c 'import click'", "vs import click"),
        'udocs search "torture"': ("import floor (whoosh, click, rich)", "vs import floor"),
        "python -c 'import click'": ("python -c pass", "vs python -c pass"),
        "import floor (whoosh, click, rich)": ("python -c pass", "vs python -c pass"),
    }
    width = max(map(len, times))
    print(f"{'command':<{width}}  {'median ms':>9}  ratio")
    print("-" * (width + 40))
    for name, seconds in times.items():
        ratio = ""
        if name in ratios:
            base, label = ratios[name]
            ratio = f"{seconds / times[base]:.2f}x {label}"
        print(f"{name:<{width}}  {seconds * 1e3:>9.1f}  {ratio}")
    print(
        f"\n{args.runs} runs each (after 1 untimed), {os.cpu_count()} cores;"
        f" wall time of this run: {time.perf_counter() - began:.0f} s"
    )


if __name__ == "__main__":
    main()
