"""The figures of issue 18 (speed at scale) from one run, on synthetic corpora: udocs against
SQLite FTS5, grep and the import floor, each ratio against a baseline measured in the same run.

    python bench/search.py [--sizes 1000,10000] [--queries N] [--repeat R] [--json FILE]
                           [--code DIR]

For each size: generate the corpus (bench/synth.py) into a temporary folder, then measure:

* the udocs full build (`store.build.update(rebuild=True)`, one worker per core) against an
  FTS5 table of the same paragraphs (parsed by udocs' reader), an incremental update after one
  file is modified, the index size on disk, the peak RSS (each build in a child process);
* in-process query latency, median and p95 over N queries x R repeats of each type — udocs
  through `uyghur_docs.store.search.search`, FTS5 on an open connection (count of matching
  documents + best 30 paragraphs by bm25, text included); term queries again restricted to
  2022-23 and to the letters one organisation signed (FTS5: a date column, `doc IN` a
  temporary table);
* whole `python -m uyghur_docs` processes (warm index, median of 3): `search torture`
  against `grep -rliF torture` over the same files; `search torture --signed-by ORG`,
  `signers --org ORG`, `quotes` and `docs` against the import floor
  (`python -c 'import whoosh.index, click, rich.console'`), itself against `python -c pass`;
* on a second corpus of as many short statements (about 2 KB each), the udocs full build
  against a plain FTS5 table of the same files, one row per document.

Every timed command is checked: exit status 0 and the number of lines it should print (from
the same question asked in-process, or from the corpus itself); every in-process query must
match something, and term and phrase queries no more documents than FTS5 (which searches
signature and contact paragraphs too). A failed check is printed in the table in place of a
time. `--code DIR` measures the udocs of another checkout (DIR holding `uyghur_docs/`) with
these scripts: a before-and-after comparison.
"""

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, replace
from functools import partial
from pathlib import Path

import fts5
import synth
import table
from processes import Timed, child, failed, median_seconds
from queries import QUERIES

BENCH = Path(__file__).resolve().parent
CODE_VARIABLE = "UDOCS_BENCH_CODE"


def _code() -> Path:
    """The checkout whose udocs is measured: this one unless `--code` names another."""
    return Path(os.environ.get(CODE_VARIABLE) or BENCH.parent).resolve()


# The bench folder stays first on the path, then the udocs measured.
sys.path.insert(1, str(_code()))

FLOORS = {
    "python -c pass": "pass",
    "import floor": "import whoosh.index, click, rich.console",
}


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(_code()) + os.pathsep + env.get("PYTHONPATH", "")
    # Installed, udocs runs from bytecode: without it every process would compile each
    # module again (the untimed first run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# -- child processes: builds, measured one process each ------------------------------------


def _child(args: list[str]) -> None:
    kind, corpus, target = args
    corpus, target = Path(corpus), Path(target)
    start = time.perf_counter()
    if kind in ("udocs-build", "udocs-update"):
        from uyghur_docs.store.build import update

        report = update(corpus, target, rebuild=kind == "udocs-build")
        info = {"paragraphs": report.paragraphs, "documents": report.added + report.updated}
        info["updated"] = report.updated
    else:
        builds = {
            "fts5-paragraphs": fts5.build_paragraphs,
            "fts5-documents": fts5.build_documents,
            "fts5-update": fts5.update,
        }
        info = builds[kind](corpus, target)
    info["seconds"] = time.perf_counter() - start
    print(json.dumps(info))


def run_child(kind: str, corpus: Path, target: Path) -> dict:
    return child(Path(__file__), [kind, str(corpus), str(target)], _env())


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


def _summary(samples: list[float], **extra) -> dict:
    return {"median_ms": statistics.median(samples) * 1e3, "p95_ms": _p95(samples) * 1e3, **extra}


def _query_check(qtype: str, udocs: list[int], fts5_totals: list[int]) -> str:
    """Every query must match something, and no more documents than FTS5 doing the same,
    which also searches the signature and contact paragraphs that udocs keeps apart (a
    fuzzy term is not a prefix: it may match more)."""
    if not all(udocs):
        return f"FAILED: a query matched nothing ({udocs})"
    within = all(u <= f for u, f in zip(udocs, fts5_totals, strict=True))
    if qtype != table.FUZZY and not within:
        return f"FAILED: documents {udocs}, more than FTS5's {fts5_totals}"
    return f"ok: documents {udocs}, FTS5 {fts5_totals}"


def _searcher(index_dir: Path):
    """udocs' in-process search of one index, with the index kept open between calls where
    the checkout measured can keep it (a checkout from before that opens it on each call)."""
    from uyghur_docs.store import search as udocs_search

    if not hasattr(udocs_search, "keep"):
        return partial(udocs_search.search, index_dir)
    return partial(udocs_search.search, index_dir, kept=udocs_search.keep(index_dir))


def _queries(con, index_dir: Path, queries: int, repeat: int) -> dict:
    from uyghur_docs.models import Matching

    search = _searcher(index_dir)
    one_paragraph = Matching(same_paragraph=True)
    latency = {}
    for qtype, items in QUERIES.items():
        samples: dict[str, list[float]] = {"udocs": [], "fts5": []}
        hits: dict[str, list[int]] = {"udocs": [], "fts5": []}
        for uq, fq, _ in items[:queries]:
            if qtype == table.AND_PARAGRAPH:
                udocs, baseline = partial(search, uq, matching=one_paragraph), fts5.query(con, fq)
            elif qtype == table.AND:
                udocs, baseline = partial(search, uq), fts5.query_documents(con, fq)
            else:
                udocs, baseline = partial(search, uq), fts5.query(con, fq)
            t, r = _timed(udocs, repeat)
            samples["udocs"] += t
            hits["udocs"].append(r.total)
            t, r = _timed(baseline, repeat)
            samples["fts5"] += t
            hits["fts5"].append(r[0])
        check = _query_check(qtype, hits["udocs"], hits["fts5"])
        latency[qtype] = {
            "udocs": _summary(samples["udocs"], matching_docs=hits["udocs"]),
            "fts5": _summary(samples["fts5"], matching_docs=hits["fts5"]),
            "check": check,
            "ok": check.startswith("ok"),
        }
    return latency


def _filtered(con, index_dir: Path, signed: list[str], queries: int, repeat: int) -> dict:
    from uyghur_docs.models import Filters

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
    search = _searcher(index_dir)
    latency = {}
    for label, (filters, where) in filtered.items():
        samples: dict[str, list[float]] = {"udocs": [], "fts5": []}
        totals = []
        for uq, fq, _ in QUERIES["term"][:queries]:
            t, r = _timed(partial(search, uq, filters), repeat)
            samples["udocs"] += t
            totals.append(r.total)
            samples["fts5"] += _timed(fts5.query(con, fq, where), repeat)[0]
        ok = any(totals) and (label != "term, signed by" or max(totals) <= len(signed))
        check = f"{'ok' if ok else 'FAILED'}: documents {totals}"
        latency[label] = {
            "udocs": _summary(samples["udocs"]),
            "fts5": _summary(samples["fts5"]),
            "check": check,
            "ok": ok,
        }
    return latency


def _signer(library) -> tuple[str, int, list[str]]:
    """The organisation that signed most letters of the corpus, by the name `--org`
    resolves; the lines `signers --org` prints for it (one per letter and role); and the
    documents it signed or issued: the set a --signed-by search keeps."""
    signers = library.signers()
    key = max(signers.organisations, key=lambda k: len(signers.letters(k)))
    name = signers.organisations[key].name
    return name, len(signers.letters(key)), list(library.letters_signed_by(name))


def _lines_of(result) -> int:
    """The lines `udocs search` prints to a pipe for a result: one per passage."""
    return sum(len(hit.passages) for hit in result.hits)


def _pairs_shown(library) -> int:
    """The pairs `udocs signers --pairs` prints (its default limit, 20, at most)."""
    try:
        from uyghur_docs.findings.cosigning import cosigning_result
    except ImportError:
        # A checkout measured with --code from before co-signing had a module of its own.
        from uyghur_docs.findings.signer_results import cosigning_result
    return len(cosigning_result(library.signers(), limit=20).pairs)


def _commands(corpus: Path, index_dir: Path, library, org: str, org_lines: int) -> dict:
    """Whole udocs processes, each with the number of lines it must print (the same
    question asked in-process of the library)."""
    udocs = [sys.executable, "-m", "uyghur_docs", "--corpus", str(corpus), "--index"]
    udocs.append(str(index_dir))
    expected = {
        "signers --org ORG": (["signers", "--org", org], org_lines),
        "search torture --signed-by ORG": (
            ["search", "torture", "--signed-by", org],
            _lines_of(library.search("torture", signed_by=org)),
        ),
        "quotes": (["quotes"], len(library.quotes().quotes)),
        "docs": (["docs"], len(library.documents())),
        "search torture": (["search", "torture"], _lines_of(library.search("torture"))),
        "signers": (["signers"], len(library.signers().organisations)),
        "signers --pairs": (["signers", "--pairs"], _pairs_shown(library)),
        "quotes --by-paragraph": (
            ["quotes", "--by-paragraph"],
            len(library.quoted_paragraphs().paragraphs),
        ),
    }
    out = {}
    for label, (args, lines) in expected.items():
        timed = median_seconds([*udocs, *args], _env(), 3, lines)
        if not lines:
            timed = failed(f"the in-process answer is empty: nothing to check ({timed.check})")
        out[label] = asdict(timed)
        log(f"udocs {label}: {out[label]['seconds']} s, {out[label]['check']}")
    out["signers --graph FILE"] = asdict(_graph(udocs, index_dir.parent / "graph.json", library))
    return out


def _graph(udocs: list[str], path: Path, library) -> Timed:
    """`signers --graph FILE` (node-link JSON), checked by the organisations and links of
    the file its untimed run wrote against the network asked in-process."""
    from uyghur_docs.findings.network import cosigning_graph

    network = cosigning_graph(library.signers())
    timed = median_seconds([*udocs, "signers", "--graph", str(path)], _env(), 3, 0)
    if not timed.ok:
        return timed
    written = json.loads(path.read_text("utf-8"))
    found = (len(written["nodes"]), len(written["links"]))
    path.unlink()
    if found != (len(network.nodes), len(network.edges)):
        expected = (len(network.nodes), len(network.edges))
        return failed(f"{found} organisations and links, expected {expected}")
    return replace(timed, check=f"{timed.check}, {found[0]} organisations, {found[1]} links")


def _grep(corpus: Path) -> dict:
    files = sum("torture" in p.read_text("utf-8").lower() for p in corpus.iterdir())
    return asdict(median_seconds(["grep", "-rliF", "torture", str(corpus)], _env(), 3, files))


def _floors() -> dict:
    return {
        name: asdict(median_seconds([sys.executable, "-c", code], _env(), 5))
        for name, code in FLOORS.items()
    }


def _builds(corpus: Path, index_dir: Path, db: Path, size: int) -> dict:
    udocs = run_child("udocs-build", corpus, index_dir)
    log(f"[{size}] udocs build {udocs['seconds']:.1f} s")
    baseline = run_child("fts5-paragraphs", corpus, db)
    log(f"[{size}] FTS5 build {baseline['seconds']:.1f} s")
    return {"udocs": udocs, "fts5": baseline}


def _update(corpus: Path, index_dir: Path, db: Path, size: int) -> dict:
    """Modify one file (a paragraph appended), then the incremental updates."""
    time.sleep(0.05)
    victim = sorted(corpus.iterdir())[size // 2]
    with victim.open("a", encoding="utf-8") as out:
        out.write("\nAn added paragraph about torture and detention in Ürümqi.\n")
    udocs, baseline = (
        run_child("udocs-update", corpus, index_dir),
        run_child("fts5-update", corpus, db),
    )
    ok = udocs["updated"] == 1 and baseline["updated"] == 1
    check = f"{'ok' if ok else 'FAILED'}: updated {udocs['updated']}, FTS5 {baseline['updated']}"
    return {"udocs": udocs, "fts5": baseline, "check": check}


def _short_builds(workdir: Path, size: int, seed: int) -> dict:
    """Full builds of `size` short statements: udocs, and FTS5 with a row per document."""
    corpus = workdir / "short"
    written = synth.generate(corpus, size, seed=seed, short=True)
    udocs = run_child("udocs-build", corpus, workdir / "short-index")
    baseline = run_child("fts5-documents", corpus, workdir / "short.db")
    log(f"[{size}] short: udocs build {udocs['seconds']:.1f} s, FTS5 {baseline['seconds']:.2f} s")
    shutil.rmtree(corpus)
    shutil.rmtree(workdir / "short-index")
    (workdir / "short.db").unlink()
    return {"udocs": udocs, "fts5": baseline, "corpus_kb": written / size / 1e3}


def measure(size: int, queries: int, repeat: int, workdir: Path, seed: int) -> dict:
    from uyghur_docs.service import Library

    corpus, index_dir, db = workdir / "corpus", workdir / "index", workdir / "fts5.db"
    corpus_bytes = synth.generate(corpus, size, seed=seed)
    long = _builds(corpus, index_dir, db, size)
    result: dict = {
        "size": size,
        "corpus": f"corpus: {size} documents, {long['udocs']['paragraphs']} paragraphs,"
        f" {corpus_bytes / 1e6:.1f} MB",
        "udocs_size_mb": _dir_size(index_dir) / 1e6,
        "fts5_size_mb": db.stat().st_size / 1e6,
        "update": _update(corpus, index_dir, db, size),
    }
    con = sqlite3.connect(db)
    result["latency"] = _queries(con, index_dir, queries, repeat)
    library = Library(corpus, index_dir)
    org, org_lines, signed = _signer(library)
    result["latency"].update(_filtered(con, index_dir, signed, queries, repeat))
    con.close()
    log(
        f"[{size}] queries: "
        + ", ".join(f"{k} {v['udocs']['median_ms']:.0f} ms" for k, v in result["latency"].items())
    )
    result["signer"] = {"organisation": org, "documents": len(signed)}
    result["processes"] = _commands(corpus, index_dir, library, org, org_lines)
    result["grep"] = _grep(corpus)
    result["floors"] = _floors()
    shutil.rmtree(index_dir)
    db.unlink()
    result["builds"] = {"long": long, "short": _short_builds(workdir, size, seed)}
    return result


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
    parser.add_argument("--code", metavar="DIR", help="measure the udocs in DIR instead")
    args = parser.parse_args(argv)
    if args.code:
        os.environ[CODE_VARIABLE] = str(Path(args.code).resolve())
        sys.path.insert(1, os.environ[CODE_VARIABLE])
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
    print(f"udocs measured: {_code()}")
    print(table.table(results))
    print(
        f"\nqueries: {args.queries} per type x {args.repeat} timed runs (after 1 warm-up);"
        f" commands: median of 3 after 1 checked run; wall time of this run: {wall:.0f} s"
        f" on {os.cpu_count()} cores"
    )
    if args.json:
        Path(args.json).write_text(json.dumps({"wall_s": wall, "results": results}, indent=1))


if __name__ == "__main__":
    main()
