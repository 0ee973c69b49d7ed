"""Copy detection measured on the development texts: precision on every pair of distinct
documents, recall on copies made as a site would republish them, and the MinHash/LSH
candidate look-up against a plain all-pairs shingle-Jaccard baseline.

The texts are read where they are (never copied into the repository):

    python bench/copies_dev.py [--texts ../shared/realtexts] [--quotes ../shared/realquotes]

It prints the overlap (shared shingles over the larger body) of the closest distinct pair
and of the least similar copy, so the threshold `findings.copies.COVER` can be checked to
sit between them.
"""

import argparse
import itertools
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.copying import EDITS, republish
from uyghur_docs.corpus.folder import read_document
from uyghur_docs.extract.analysis import analyse
from uyghur_docs.findings import copies
from uyghur_docs.models import Document
from uyghur_docs.store.roles import paragraph_roles

READABLE = {".txt", ".md", ".html", ".xhtml"}
HERE = Path(__file__).resolve().parent.parent


def documents(folders: list[Path]) -> list[Document]:
    found = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.suffix in READABLE and path.name != "README.md":
                found.append(read_document(path))
    return found


def shingles_of(doc: Document) -> set[int]:
    return copies.shingles(copies.prose(doc.paragraphs, paragraph_roles(doc, analyse(doc))))


def overlap(a: set[int], b: set[int]) -> float:
    return len(a & b) / max(len(a), len(b), 1)


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / max(len(a | b), 1)


def lsh_pairs(bodies: list[set[int]]) -> set[tuple[int, int]]:
    """The pairs the band keys make candidates, then confirmed: what indexing does."""
    by_key: dict[int, list[int]] = {}
    found = set()
    for number, body in enumerate(bodies):
        candidates = set()
        for key in copies.band_keys(body):
            candidates.update(by_key.setdefault(key, []))
            by_key[key].append(number)
        found.update((c, number) for c in candidates if copies.are_copies(bodies[c], body))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=HERE.parent / "shared" / "realtexts")
    parser.add_argument("--quotes", type=Path, default=HERE.parent / "shared" / "realquotes")
    parser.add_argument("--copies", type=int, default=5, help="copies made of each document")
    args = parser.parse_args()
    docs = documents([args.texts, args.quotes])
    bodies = [shingles_of(doc) for doc in docs]
    n = len(docs)
    pairs = list(itertools.combinations(range(n), 2))

    started = time.perf_counter()
    baseline = {(a, b) for a, b in pairs if copies.are_copies(bodies[a], bodies[b])}
    baseline_time = time.perf_counter() - started
    started = time.perf_counter()
    lsh = lsh_pairs(bodies)
    lsh_time = time.perf_counter() - started
    closest = max(pairs, key=lambda p: overlap(bodies[p[0]], bodies[p[1]]))
    print(f"documents: {n}, distinct pairs: {len(pairs)}")
    print(f"merged distinct pairs: baseline {len(baseline)}, minhash/lsh {len(lsh)}")
    print(
        f"closest distinct pair: {docs[closest[0]].id} / {docs[closest[1]].id}"
        f" overlap {overlap(bodies[closest[0]], bodies[closest[1]]):.3f}"
        f" jaccard {jaccard(bodies[closest[0]], bodies[closest[1]]):.3f}"
    )

    rng = random.Random(29)
    found = total = 0
    least = (1.0, "")
    missed = []
    for number, doc in enumerate(docs):
        for copy_number in range(args.copies):
            edits = rng.sample(EDITS, rng.randint(1, len(EDITS)))
            copy = republish(doc, analyse(doc), edits, rng)
            copy = replace(copy, id=f"{doc.id}-copy{copy_number}")
            body = shingles_of(copy)
            total += 1
            seen = overlap(bodies[number], body)
            least = min(least, (seen, f"{doc.id} with {', '.join(edits)}"))
            keys = set(copies.band_keys(bodies[number])) & set(copies.band_keys(body))
            hit = bool(keys) and copies.are_copies(bodies[number], body)
            found += hit
            if not hit:
                missed.append(f"{doc.id} ({', '.join(edits)}): overlap {seen:.3f}")
    print(f"copies found: {found}/{total} (recall {found / total:.3f})")
    print("missed:", *missed, sep="\n  ")
    print(f"least similar copy: overlap {least[0]:.3f}: {least[1]}")
    print(f"threshold COVER = {copies.COVER}")
    print()
    print("| detection | merged distinct pairs | time for all pairs |")
    print("|---|---:|---:|")
    print(f"| shingle Jaccard, all pairs | {len(baseline)} | {baseline_time * 1000:.1f} ms |")
    print(f"| MinHash/LSH, then checked | {len(lsh)} | {lsh_time * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
