"""Signatory and issuer accuracy against hand-checked gold, one row per signature layout.

    python bench/accuracy.py FOLDER [--show N]

FOLDER holds `<slug>.<ext>` texts (.txt, .md, .html, .xhtml, .pdf, .docx) each beside a
`<slug>.gold.json` with `signatories` (organisations as written), `individual_signatories`,
`issuers` and optionally `signatories_name_only`. Each text is read by udocs' own readers
(as `udocs add` reads it) and scored leniently, as the project's evaluation does: case,
quotes, spacing and edge punctuation are ignored, and a trailing place may be dropped.
The layout of a document is what the reader found its block to be made of (table rows, list
items, lines, an inline list, prose, or nothing). It also counts the names reported that
their document does not write (the invariant every name must hold: it should print 0).
Nothing here asserts anything.
"""

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from uyghur_docs.corpus import formats
from uyghur_docs.extract.entries import MARKER, is_table_row
from uyghur_docs.extract.issuers import extract_issuers
from uyghur_docs.extract.signers import read_signatures

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
AS_HTML = {".xhtml", ".php", ".htm"}


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTES).casefold()
    text = re.sub(r"\s+", " ", text.replace("–", "-").replace("—", "-")).strip()
    return text.strip(" .,;:'\"")


def paragraphs_of(path: Path) -> tuple[str, ...]:
    name = path.with_suffix(".html") if path.suffix.lower() in AS_HTML else path
    return formats.read(name, path.read_bytes()).paragraphs


def layout_of(paragraphs: tuple[str, ...], numbers: list[int]) -> str:
    if not numbers:
        return "none"
    texts = [paragraphs[n - 1] for n in dict.fromkeys(numbers)]
    if sum(map(is_table_row, texts)) * 2 >= len(texts):
        return "table rows"
    if sum(bool(MARKER.match(t)) for t in texts) * 2 >= len(texts):
        return "list items"
    if len(texts) == 1 and len(numbers) > 2:
        return "inline list"
    return "lines" if len(texts) > 1 else "prose"


def _spaced(text: str) -> str:
    return " ".join(text.split())


def score(path: Path, gold: dict) -> dict:
    paragraphs = paragraphs_of(path)
    text = "\n".join(paragraphs)
    found = read_signatures(paragraphs).signatories
    orgs = {norm(s.as_written) for s in found if s.kind == "organisation"}
    people = {norm(s.as_written) for s in found if s.kind == "person"}
    want = [norm(x) for x in gold.get("signatories", [])]
    alternatives = {norm(x) for x in gold.get("signatories_name_only", [])}
    hit = {o for o in orgs if o in want or o in alternatives}
    want_people = {norm(x) for x in gold.get("individual_signatories", [])}
    issuers = {norm(v) for i in extract_issuers(paragraphs) for v in (i.name, i.as_written)}
    want_issuers = [norm(x) for x in gold.get("issuers", [])]
    issuer_hits = sum(
        w in issuers or re.sub(r"\s*\([^)]*\)$", "", w) in issuers for w in want_issuers
    )
    return {
        "layout": layout_of(paragraphs, [s.paragraph for s in found]),
        "org": (min(len(hit), len(want)), len(orgs), len(want)),
        "person": (len(people & want_people), len(people), len(want_people)),
        "issuer": (issuer_hits, len(extract_issuers(paragraphs)), len(want_issuers)),
        # The invariant: every name reported is written in the document.
        "unwritten": [s.as_written for s in found if _spaced(s.as_written) not in _spaced(text)],
        "missed": [w for w in want if w not in orgs][:3],
        "extra": sorted(orgs - hit)[:3],
    }


def prf(tp: int, found: int, wanted: int) -> str:
    p = tp / found if found else (1.0 if not wanted else 0.0)
    r = tp / wanted if wanted else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:6.3f}{r:6.3f}{f:6.3f}"


def table(rows: dict[str, dict]) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows.values():
        groups[row["layout"]].append(row)
    groups["all"] = list(rows.values())
    head = ("layout", "docs", "orgs  P     R    F1", "people P     R    F1", "issuers")
    print(f"{head[0]:<13}{head[1]:>5}  {head[2]:<20}  {head[3]:<20}  {head[4]}")
    for layout, members in groups.items():
        totals = {
            k: [sum(m[k][i] for m in members) for i in range(3)]
            for k in ("org", "person", "issuer")
        }
        issuers = f"{totals['issuer'][0]}/{totals['issuer'][2]} (found {totals['issuer'][1]})"
        orgs, people = prf(*totals["org"]), prf(*totals["person"])
        print(f"{layout:<13}{len(members):>5}  {orgs:<20}  {people:<20}  {issuers}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", type=int, default=8, help="worst documents to list")
    args = parser.parse_args()
    rows = {}
    for gold_path in sorted(args.folder.glob("*.gold.json")):
        slug = gold_path.name[: -len(".gold.json")]
        texts = [p for p in args.folder.glob(f"{slug}.*") if not p.name.endswith(".gold.json")]
        if texts:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            rows[slug] = score(texts[0], gold)
    if not rows:
        sys.exit(f"no <slug>.gold.json beside a text in {args.folder}")
    table(rows)
    unwritten = [(slug, name) for slug, row in rows.items() for name in row["unwritten"]]
    print(f"\nnames reported that the document does not write: {len(unwritten)}")
    for slug, name in unwritten[: args.show]:
        print(f"  {slug[:44]:<44} {name!r}")
    worst = sorted(
        rows.items(),
        key=lambda kv: -sum(w - t + f - t for t, f, w in (kv[1]["org"], kv[1]["person"])),
    )
    print(f"\nworst {args.show} documents:")
    for slug, row in worst[: args.show]:
        print(f"  {slug[:44]:<44} {row['layout']:<12} orgs {row['org']} people {row['person']}")
        for key in ("missed", "extra"):
            if row[key]:
                print(f"      {key}: {row[key]}")


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.stderr.close()
