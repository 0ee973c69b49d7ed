"""Index build and query latency of udocs against SQLite FTS5 and grep, on synthetic corpora.

    python bench/search.py [--sizes 1000,10000] [--queries N] [--repeat R] [--json FILE]

For each size: generate the corpus (bench/synth.py) into a temporary folder, then measure, in
the same run, and print one table:

* udocs full build (`index.update(rebuild=True)`), incremental update after one file is
  modified, index size on disk, peak RSS of the build — each build runs in its own child
  process, whose peak RSS is read with `os.wait4`;
* the same for an SQLite FTS5 table of the same paragraphs (parsed by udocs' own reader);
* query latency, median and p95 over N queries x R repeats of each type — udocs in-process
  through `uyghur_docs.store.search.search` as is (it opens the index on every call), FTS5 on an
  open connection (count of matching documents + best 30 paragraphs by bm25, text included),
  and `grep -rlF` as a whole process; term queries again restricted to 2022-23 and to the
  letters one organisation signed (FTS5: a date column, `doc IN` a temporary table);
* whole `python -m uyghur_docs` processes (warm index): `search torture` against
  `grep -rliF torture` over the same files, `search --signed-by`, `signers --org`, `quotes`
  and `docs` against `python -c pass` (median of 3).

Not a test: nothing is asserted.
"""

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Each type: (udocs query, FTS5 query, grep fixed strings — all must be in the file).
QUERIES = {
    "term": [
        ("torture", "torture", ["torture"]),
        ("detention", "detention", ["detention"]),
        ("Ürümqi", "Ürümqi", ["Ürümqi"]),
        ("cotton", "cotton", ["cotton"]),
        ("genocide", "genocide", ["genocide"]),
        ("testimony", "testimony", ["testimony"]),
        ("imams", "imams", ["imams"]),
        ("sanctions", "sanctions", ["sanctions"]),
    ],
    "and": [
        ("torture detention", "torture AND detention", ["torture", "detention"]),
        ("cotton sanctions", "cotton AND sanctions", ["cotton", "sanctions"]),
        ("Ürümqi surveillance", "Ürümqi AND surveillance", ["Ürümqi", "surveillance"]),
        ("survivors testimony", "survivors AND testimony", ["survivors", "testimony"]),
        ("genocide accountability", "genocide AND accountability", ["genocide", "accountability"]),
        ("mosques demolished", "mosques AND demolished", ["mosques", "demolished"]),
        ("journalists reprisals", "journalists AND reprisals", ["journalists", "reprisals"]),
        ("boarding schools", "boarding AND schools", ["boarding", "schools"]),
    ],
    "phrase": [
        (f'"{p}"', f'"{p}"', [p])
        for p in (
            "crimes against humanity",
            "vocational education and training centres",
            "arbitrary and discriminatory detention",
            "family separation",
            "to continue and recur",
            "enforced disappearances",
            "deprivation of liberty",
            "fully investigated",
        )
    ],
    # whoosh fuzzy (edit distance 1); FTS5 and grep have none: a prefix is the nearest.
    "fuzzy": [
        ("torure~", "tortur*", ["tortur"]),
        ("surveilance~", "surveil*", ["surveil"]),
        ("genocid~", "genocid*", ["genocid"]),
        ("sanctons~", "sanction*", ["sanction"]),
        ("testimny~", "testimon*", ["testimon"]),
        ("detenton~", "detent*", ["detent"]),
        ("cottn~", "cotton*", ["cotton"]),
        ("mosqes~", "mosque*", ["mosque"]),
    ],
}
FTS5_TOKENIZER = "porter unicode61 remove_diacritics 2"


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


# -- child processes: builds, measured one process each ------------------------------------


def _child(args: list[str]) -> None:
    kind, corpus, target = args
    corpus, target = Path(corpus), Path(target)
    start = time.perf_counter()
    if kind == "udocs-build":
        from uyghur_docs.store.build import update

        report = update(corpus, target, rebuild=True)
        info = {"paragraphs": report.paragraphs, "documents": report.added}
    elif kind == "udocs-update":
        from uyghur_docs.store.build import update

        report = update(corpus, target)
        info = {"updated": report.updated, "paragraphs": report.paragraphs}
    elif kind == "fts5-build":
        info = _fts5_build(corpus, target)
    elif kind == "fts5-update":
        info = _fts5_update(corpus, target)
    else:
        raise SystemExit(f"unknown child {kind}")
    info["seconds"] = time.perf_counter() - start
    print(json.dumps(info))


def _fts5_build(corpus: Path, db: Path) -> dict:
    from uyghur_docs.corpus.folder import document_paths, read_document

    con = sqlite3.connect(db)
    con.execute(
        "CREATE VIRTUAL TABLE p USING fts5(doc UNINDEXED, para UNINDEXED, date UNINDEXED,"
        f" title, body, tokenize='{FTS5_TOKENIZER}')"
    )
    paragraphs = 0
    with con:
        for path in document_paths(corpus):
            doc = read_document(path)
            con.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?)", _fts5_rows(doc))
            paragraphs += len(doc.paragraphs)
    con.close()
    return {"paragraphs": paragraphs}


def _fts5_rows(doc):
    return ((doc.id, n, doc.date, doc.title, t) for n, t in enumerate(doc.paragraphs, 1))


def _fts5_update(corpus: Path, db: Path) -> dict:
    """Re-index the files newer than the database (stat every file, as udocs' catalog does)."""
    from uyghur_docs.corpus.folder import document_paths, read_document

    since = db.stat().st_mtime_ns
    con = sqlite3.connect(db)
    updated = 0
    with con:
        for path in document_paths(corpus):
            if path.stat().st_mtime_ns <= since:
                continue
            doc = read_document(path)
            con.execute("DELETE FROM p WHERE doc = ?", (doc.id,))
            con.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?)", _fts5_rows(doc))
            updated += 1
    con.close()
    return {"updated": updated}


def run_child(kind: str, corpus: Path, target: Path) -> dict:
    """Run one build in a child process; its result plus wall time and peak RSS (MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, str(corpus), str(target)],
        stdout=subprocess.PIPE,
        env=_env(),
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = proc.stdout.read()
    proc.stdout.close()
    if proc.returncode:
        raise SystemExit(f"child {kind} failed with exit code {proc.returncode}")
    info = json.loads(out)
    info["wall"] = wall
    info["peak_mb"] = usage.ru_maxrss / 1024  # Linux: kilobytes
    return info


# -- measurements --------------------------------------------------------------------------


def _timed(fn, repeat: int) -> tuple[list[float], object]:
    result = fn()  # warm-up, untimed
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples, result


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _dir_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _grep(strings: list[str], corpus: Path):
    if len(strings) == 1:
        cmd = ["grep", "-rlF", "--", strings[0], str(corpus)]
        return lambda: subprocess.run(cmd, stdout=subprocess.PIPE, check=False).stdout
    first, *rest = strings
    pipeline = f"grep -rlFZ -- {_sh(first)} {_sh(str(corpus))}"
    for word in rest:
        pipeline += f" | xargs -0r grep -lFZ -- {_sh(word)}"
    return lambda: (
        subprocess.run(["sh", "-c", pipeline], stdout=subprocess.PIPE, check=False).stdout
    )


def _sh(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _fts5_query(con: sqlite3.Connection, q: str, where: str = ""):
    q = f"body : ({q})"  # udocs searches the body field unless told otherwise

    def run():
        total = con.execute(
            f"SELECT count(DISTINCT doc) FROM p WHERE p MATCH ? {where}", (q,)
        ).fetchone()
        rows = con.execute(
            f"SELECT doc, para, body FROM p WHERE p MATCH ? {where} ORDER BY bm25(p) LIMIT 30",
            (q,),
        ).fetchall()
        return total[0], rows

    return run


def _signer(corpus: Path, index_dir: Path) -> tuple[str, int, list[str]]:
    """The organisation that signed most letters of the corpus, by the name `--org`
    resolves; the lines `signers --org` prints for it (one per letter and role); and the
    documents it signed or issued: the set a --signed-by search keeps."""
    from uyghur_docs.service import Library

    library = Library(corpus, index_dir)
    signers = library.signers()
    key = max(signers.organisations, key=lambda k: len(signers.letters(k)))
    name = signers.organisations[key].name
    return name, len(signers.letters(key)), list(library.letters_signed_by(name))


def _process_seconds(cmd: list[str], runs: int, lines: int | None = None) -> float:
    """Median wall time of `runs` runs after an untimed one (one run if that took over 5 s).

    The untimed run must succeed and, when `lines` is given, print that many lines: a
    benchmark of a command that fails, or answers wrongly, measures nothing.
    """
    start = time.perf_counter()
    first = subprocess.run(cmd, capture_output=True, text=True, env=_env())
    printed = len(first.stdout.splitlines())
    if first.returncode != 0 or (lines is not None and printed != lines):
        raise SystemExit(
            f"{' '.join(cmd)} exited {first.returncode} with {printed} lines"
            f" (expected {lines}): {first.stderr.strip()[-300:]}"
        )
    samples = []
    for _ in range(runs if time.perf_counter() - start < 5 else 1):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure(size: int, queries: int, repeat: int, workdir: Path, seed: int) -> dict:
    from bench import synth
    from uyghur_docs.models import Filters
    from uyghur_docs.store import search as udocs_search

    corpus, index_dir, db = workdir / "corpus", workdir / "index", workdir / "fts5.db"
    start = time.perf_counter()
    corpus_bytes = synth.generate(corpus, size, seed=seed)
    result: dict = {"size": size, "corpus_mb": corpus_bytes / 1e6}
    result["generate_s"] = time.perf_counter() - start
    log(f"[{size}] generated {corpus_bytes / 1e6:.1f} MB in {result['generate_s']:.1f} s")

    result["udocs_build"] = run_child("udocs-build", corpus, index_dir)
    log(f"[{size}] udocs build {result['udocs_build']['seconds']:.1f} s")
    result["fts5_build"] = run_child("fts5-build", corpus, db)
    log(f"[{size}] FTS5 build {result['fts5_build']['seconds']:.1f} s")
    result["udocs_size_mb"] = _dir_size(index_dir) / 1e6
    result["fts5_size_mb"] = db.stat().st_size / 1e6

    # Modify one file (a paragraph appended), then the incremental updates.
    time.sleep(0.05)
    victim = sorted(corpus.iterdir())[size // 2]
    with victim.open("a", encoding="utf-8") as out:
        out.write("\nAn added paragraph about torture and detention in Ürümqi.\n")
    result["udocs_update"] = run_child("udocs-update", corpus, index_dir)
    result["fts5_update"] = run_child("fts5-update", corpus, db)
    log(f"[{size}] incremental: udocs {result['udocs_update']['seconds']:.2f} s")

    con = sqlite3.connect(db)
    kept = udocs_search.keep(index_dir)
    latency: dict = {}
    for qtype, items in QUERIES.items():
        samples: dict[str, list[float]] = {"udocs": [], "fts5": [], "grep": []}
        hits: dict[str, list[int]] = {"udocs": [], "fts5": [], "grep": []}
        for uq, fq, strings in items[:queries]:
            t, r = _timed(lambda uq=uq: udocs_search.search(index_dir, uq, kept=kept), repeat)
            samples["udocs"] += t
            hits["udocs"].append(r.total)
            t, r = _timed(_fts5_query(con, fq), repeat)
            samples["fts5"] += t
            hits["fts5"].append(r[0])
            t, r = _timed(_grep(strings, corpus), repeat)
            samples["grep"] += t
            hits["grep"].append(len([f for f in r.split(b"\0" if b"\0" in r else b"\n") if f]))
        latency[qtype] = {
            engine: {
                "median_ms": statistics.median(s) * 1e3,
                "p95_ms": _p95(s) * 1e3,
                "samples": len(s),
                "matching_docs": hits[engine],
            }
            for engine, s in samples.items()
        }
        log(f"[{size}] {qtype}: udocs {latency[qtype]['udocs']['median_ms']:.0f} ms median")
    org, org_lines, signed = _signer(corpus, index_dir)
    con.execute("CREATE TEMP TABLE signed (doc TEXT PRIMARY KEY)")
    con.executemany("INSERT INTO signed VALUES (?)", [(i,) for i in signed])
    since, until = "2022-01-01", "2023-12-31"
    filtered = {
        "term, dated 2022-23": (
            Filters(since=since, until=until),
            f"AND date BETWEEN '{since}' AND '{until}\uffff'",
        ),
        "term, signed by": (Filters(among=tuple(signed)), "AND doc IN signed"),
    }
    for label, (filters, where) in filtered.items():
        samples = {"udocs": [], "fts5": []}
        for uq, fq, _ in QUERIES["term"][:queries]:
            search = partial(udocs_search.search, index_dir, uq, filters, kept=kept)
            samples["udocs"] += _timed(search, repeat)[0]
            samples["fts5"] += _timed(_fts5_query(con, fq, where), repeat)[0]
        latency[label] = {
            engine: {"median_ms": statistics.median(s) * 1e3, "p95_ms": _p95(s) * 1e3}
            for engine, s in samples.items()
        }
        log(f"[{size}] {label}: udocs {latency[label]['udocs']['median_ms']:.0f} ms median")
    con.close()
    result["latency"] = latency
    result["signer"] = {"organisation": org, "documents": len(signed)}

    udocs = [sys.executable, "-m", "uyghur_docs", "--corpus", str(corpus), "--index"]
    udocs.append(str(index_dir))
    processes = {
        "search torture": ([*udocs, "search", "torture"], ["grep", "-rliF", "torture"], None),
        "search torture --signed-by": (
            [*udocs, "search", "torture", "--signed-by", org],
            None,
            None,
        ),
        "signers --org": ([*udocs, "signers", "--org", org], None, org_lines),
        "quotes": ([*udocs, "quotes"], None, None),
        "docs": ([*udocs, "docs"], None, size),
    }
    result["processes"] = {}
    for label, (command, grep, lines) in processes.items():
        result["processes"][label] = {
            "udocs_s": _process_seconds(command, 3, lines),
            "grep_s": _process_seconds([*grep, str(corpus)], 3) if grep else None,
        }
        log(f"[{size}] udocs {label}: {result['processes'][label]['udocs_s']:.2f} s")
    result["python_pass_s"] = _process_seconds([sys.executable, "-c", "pass"], 5)
    return result


# -- output --------------------------------------------------------------------------------


def rows(r: dict) -> list[tuple]:
    """(metric, udocs, baseline name, baseline value, ratio) for one size."""
    ub, fb = r["udocs_build"], r["fts5_build"]
    out = [
        (
            f"corpus: {r['size']} docs, {ub['paragraphs']} paragraphs, {r['corpus_mb']:.1f} MB",
            "",
            "",
            "",
            None,
        ),
        ("build (s)", ub["seconds"], "FTS5 build", fb["seconds"], ub["seconds"] / fb["seconds"]),
        (
            "incremental, 1 file (s)",
            r["udocs_update"]["seconds"],
            "FTS5 incremental",
            r["fts5_update"]["seconds"],
            r["udocs_update"]["seconds"] / r["fts5_update"]["seconds"],
        ),
        (
            "index size (MB)",
            r["udocs_size_mb"],
            "FTS5 db",
            r["fts5_size_mb"],
            r["udocs_size_mb"] / r["fts5_size_mb"],
        ),
        (
            "build peak RSS (MB)",
            ub["peak_mb"],
            "FTS5 build",
            fb["peak_mb"],
            ub["peak_mb"] / fb["peak_mb"],
        ),
    ]
    for qtype, engines in r["latency"].items():
        u = engines["udocs"]
        for name, label in (("fts5", "FTS5"), ("grep", "grep -rlF")):
            if name not in engines:
                continue
            b = engines[name]
            if qtype == "fuzzy":
                label += " prefix"
            out.append(
                (
                    f"{qtype} ms p50/p95",
                    f"{u['median_ms']:.1f}/{u['p95_ms']:.1f}",
                    label,
                    f"{b['median_ms']:.1f}/{b['p95_ms']:.1f}",
                    u["median_ms"] / b["median_ms"],
                )
            )
    for label, p in r["processes"].items():
        name, value = ("grep -rliF", p["grep_s"]) if p["grep_s"] else ("python -c pass", None)
        value = value or r["python_pass_s"]
        out.append((f"udocs {label} (s)", p["udocs_s"], name, value, p["udocs_s"] / value))
    return out


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 1000 else f"{value:.0f}"
    return str(value)


def table(results: list[dict]) -> str:
    head = ("size", "metric", "udocs", "baseline", "baseline value", "udocs/baseline")
    lines = [head]
    for r in results:
        for metric, udocs, name, value, ratio in rows(r):
            ratio_text = "" if ratio is None else f"{ratio:.1f}x"
            lines.append((str(r["size"]), metric, _cell(udocs), name, _cell(value), ratio_text))
    widths = [max(len(line[i]) for line in lines if len(line[1]) < 40 or i != 1) for i in range(6)]
    text = []
    for line in lines:
        if line[1].startswith("corpus:"):
            text.append(f"{line[0]:>{widths[0]}}  {line[1]}")
            continue
        text.append(
            f"{line[0]:>{widths[0]}}  {line[1]:<{widths[1]}}  {line[2]:>{widths[2]}}  "
            f"{line[3]:<{widths[3]}}  {line[4]:>{widths[4]}}  {line[5]:>{widths[5]}}"
        )
        if line is head:
            text.append("-" * len(text[-1]))
    return "\n".join(text)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child(argv[1:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--queries", type=int, default=5, help="queries per type (max 8)")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs per query")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", metavar="FILE", help="also write the raw results as JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    start = time.perf_counter()
    results = []
    for size in sizes:
        workdir = Path(tempfile.mkdtemp(prefix=f"udocs-bench-{size}-"))
        try:
            results.append(measure(size, args.queries, args.repeat, workdir, args.seed))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    wall = time.perf_counter() - start
    print(table(results))
    print(
        f"\nqueries: {args.queries} per type x {args.repeat} timed runs (after 1 warm-up);"
        f" wall time of this run: {wall:.0f} s on {os.cpu_count()} cores"
    )
    if args.json:
        Path(args.json).write_text(json.dumps({"wall_s": wall, "results": results}, indent=1))


if __name__ == "__main__":
    main()
