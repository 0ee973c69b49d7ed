"""Damage to any file of the index folder, and a kill at any step of an indexing run: the user
gets an answer with every document found again, or one line whose advice then works."""

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uyghur_docs import engine
from uyghur_docs.engine import manifest, seal, writer
from uyghur_docs.engine.files import open_index
from uyghur_docs.errors import IndexDamaged
from uyghur_docs.store import catalog
from uyghur_docs.store.build import update

from .conftest import SEED_IDS, run

SEED_PARAGRAPHS = 188
# The damage found neither by the manifest nor by SQLite: 16 random bytes in the middle of
# the catalog fall on a page it does not read (the search and the listing are still right).
ANSWERED_AS_IT_IS = {"truncate": set(), "overwrite": {".sqlite"}}


def fresh(corpus: Path, tmp_path: Path) -> Path:
    index_dir = tmp_path / "index"
    shutil.rmtree(index_dir, ignore_errors=True)
    update(corpus, index_dir)
    return index_dir


def kind_of(path: Path) -> str:
    """A file's kind: what follows the segment id, or its suffix."""
    return "." + path.name.split(".", 1)[1] if path.name.startswith("paragraphs_") else path.suffix


def kinds(index_dir: Path) -> list[str]:
    """Each kind of file in a built index folder."""
    return sorted({kind_of(p) for p in index_dir.iterdir() if p.stat().st_size})


def file_of(index_dir: Path, kind: str) -> Path:
    files = sorted(index_dir.iterdir())
    return next(p for p in files if p.stat().st_size and kind_of(p) == kind)


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:5])


def overwrite(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16] = random.Random(len(data)).randbytes(16)
    path.write_bytes(bytes(data))


# The kinds of file an index of the seed corpus is made of, by the end of their names.
SEED_KINDS = [
    "._aside_exact_len.col",
    "._aside_len.col",
    "._body_len.col",
    "._exact_len.col",
    "._stored.col",
    "._title_len.col",
    ".date.col",
    ".doc.col",
    ".kind.col",
    ".para.col",
    ".pst",
    ".role.col",
    ".sqlite",
    ".sums",
    ".toc",
    ".trm",
]


def test_the_seed_index_has_every_kind_of_file(corpus, tmp_path):
    assert kinds(fresh(corpus, tmp_path)) == SEED_KINDS


def searched(result) -> set[str]:
    return {hit["id"] for hit in json.loads(result.stdout)["hits"]}


@pytest.mark.parametrize("kind", SEED_KINDS)
@pytest.mark.parametrize("damage", [truncate, overwrite])
def test_any_damaged_file_is_found_and_mended(corpus, tmp_path, damage, kind):
    index_dir = fresh(corpus, tmp_path)
    damage(file_of(index_dir, kind))
    result = run("search", "Karakax", "--json")
    if result.exit_code:
        (line,) = result.stderr.splitlines()
        assert line.endswith("run `udocs index --rebuild`"), line
        assert run("index", "--rebuild").exit_code == 0
        result = run("search", "Karakax", "--json")
    assert searched(result) == {"2020-03-12-ishr-hrw-news-release"}
    listed = json.loads(run("docs", "--json").stdout)["documents"]
    assert [(d["id"], d["index"]) for d in listed] == [(i, "current") for i in SEED_IDS]
    assert engine.check(index_dir) == SEED_PARAGRAPHS
    answered = kind in ANSWERED_AS_IT_IS[damage.__name__]
    assert ("rebuilding" not in result.stderr) == answered


def test_index_and_docs_never_call_a_damaged_index_current(corpus, tmp_path):
    index_dir = fresh(corpus, tmp_path)
    truncate(file_of(index_dir, ".pst"))
    indexing = run("index")
    assert indexing.exit_code == 1
    assert indexing.stderr.endswith("were written); run `udocs index --rebuild`\n")
    listed = json.loads(run("docs", "--json").stdout)["documents"]
    assert {d["index"] for d in listed} == {"damaged"}
    assert run("index", "--rebuild").exit_code == 0
    listed = json.loads(run("docs", "--json").stdout)["documents"]
    assert {d["index"] for d in listed} == {"current"}


def test_rebuild_mends_a_catalog_cut_to_50_bytes(corpus, tmp_path):
    index_dir = fresh(corpus, tmp_path)
    path = index_dir / catalog.CATALOG_FILE
    path.write_bytes(path.read_bytes()[:50])
    indexing = run("index", "--rebuild")
    assert indexing.exit_code == 0, indexing.stderr
    assert "5 added, 0 updated, 0 removed, 0 unchanged, 0 skipped" in indexing.stderr
    assert sorted(catalog.load(index_dir)) == SEED_IDS


KILL = """
import importlib, os, sys
from pathlib import Path
module, *names = sys.argv[1].split(":")
owner = importlib.import_module(module)
for name in names[:-1]:
    owner = getattr(owner, name)
setattr(owner, names[-1], lambda *a, **k: os._exit(137))
from uyghur_docs.store.build import update
update(Path(sys.argv[2]), Path(sys.argv[3]))
"""

# Each step of an indexing run, in order; the run is killed on reaching it.
STEPS = [
    "uyghur_docs.engine.writer:Run:delete",
    "uyghur_docs.store.build:index_share",
    "uyghur_docs.engine.writer:manifest:write",
    "uyghur_docs.engine.writer:os:replace",
    "uyghur_docs.engine.writer:manifest:clean",
    "uyghur_docs.store.build:catalog:save",
    "uyghur_docs.store.catalog:os:replace",
    "uyghur_docs.store.build:IndexResult",
]


def change_corpus(corpus: Path) -> None:
    (corpus / "2023-03-01-crash-window.txt").write_text(
        "Crash window\n\nOne zqcrash.\n\nTwo zqcrash.\n\nThree zqcrash.\n"
    )
    changed = corpus / "2022-09-hrc51-joint-letter.txt"
    changed.write_text(changed.read_text() + "\nA zqchanged paragraph.\n")
    (corpus / "2024-08-28-omct-second-anniversary-statement.txt").unlink()


def assert_agree(corpus: Path, index_dir: Path) -> None:
    """The catalog holds each corpus file once, and the index exactly their paragraphs."""
    entries = catalog.load(index_dir)
    assert sorted(entries) == sorted(p.stem for p in corpus.glob("*.txt"))
    assert engine.check(index_dir) == sum(e.paragraphs for e in entries.values())
    found = json.loads(run("search", "zqcrash", "--json").stdout)["hits"]
    assert [(h["id"], [p["paragraph"] for p in h["passages"]]) for h in found] == [
        ("2023-03-01-crash-window", [2, 3, 4])
    ]


# A rebuild after a kill starts from nothing whatever the step: one step before the
# engine's commit, one inside it and one after it stand for all.
KILLS = [(step, False) for step in STEPS] + [(STEPS[i], True) for i in (0, 3, 6)]


@pytest.mark.parametrize(("step", "rebuild"), KILLS)
def test_a_kill_at_any_step_leaves_catalog_and_index_agreeing(corpus, tmp_path, step, rebuild):
    index_dir = fresh(corpus, tmp_path)
    change_corpus(corpus)
    if step.endswith("Run:delete") and rebuild:
        step = "uyghur_docs.engine.writer:Run:commit"
    args = [sys.executable, "-c", KILL, step, str(corpus), str(index_dir)]
    killed = subprocess.run(args, capture_output=True, text=True)
    assert killed.returncode == 137, killed.stderr
    if rebuild:
        update(corpus, index_dir, rebuild=True)
    indexing = run("index")
    assert indexing.exit_code == 0, indexing.stderr
    assert_agree(corpus, index_dir)


def test_ctrl_c_after_the_index_commit_exits_130_and_the_next_run_agrees(
    corpus, tmp_path, monkeypatch
):
    index_dir = fresh(corpus, tmp_path)
    change_corpus(corpus)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(catalog, "save", interrupted)
        result = run("index")
    assert result.exit_code == 130 and "Traceback" not in result.stderr
    assert run("index").exit_code == 0
    assert_agree(corpus, index_dir)


def test_deleted_records_stay_below_the_stated_fraction(corpus, tmp_path):
    for n in range(60):
        (corpus / f"2023-05-{n:03d}-round.txt").write_text(f"Round {n}\n\nFirst.\n\nSecond.\n")
    index_dir = tmp_path / "index"
    update(corpus, index_dir)
    for round_number in range(8):
        for n in range(0, 60, 2):
            path = corpus / f"2023-05-{n:03d}-round.txt"
            path.write_text(path.read_text() + f"\nRevision {round_number}.\n")
        update(corpus, index_dir)
    ix = open_index(index_dir)
    segments = ix._segments()
    deleted = sum(s.deleted_count() for s in segments)
    total = sum(s.doc_count_all() for s in segments)
    assert deleted <= writer.MAX_DELETED * total
    paragraphs = sum(e.paragraphs for e in catalog.load(index_dir).values())
    assert total - deleted == engine.check(index_dir) == paragraphs


@pytest.mark.parametrize("blocked", [catalog.CATALOG_FILE, "_paragraphs_1.toc"])
def test_rebuild_moves_aside_a_folder_it_cannot_clear(corpus, tmp_path, blocked):
    index_dir = fresh(corpus, tmp_path)
    (index_dir / blocked).unlink()
    (index_dir / blocked).mkdir()
    result = run("index", "--rebuild")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(
        f"the damaged index folder was moved to {tmp_path / 'index.damaged'}\n"
    )
    assert (tmp_path / "index.damaged" / blocked).is_dir()
    assert sorted(catalog.load(index_dir)) == SEED_IDS
    assert engine.check(index_dir) == SEED_PARAGRAPHS


def sealed_names(index_dir):
    """The files the index's manifest seals (its first line is the seal)."""
    body = next(index_dir.glob("*.sums")).read_bytes().split(b"\n", 1)[1]
    return set(json.loads(body)["files"])


def test_a_small_update_sums_only_the_files_it_wrote(corpus, tmp_path, monkeypatch):
    index_dir = fresh(corpus, tmp_path)
    before = sealed_names(index_dir)
    summed = []
    real = manifest.digest
    monkeypatch.setattr(manifest, "digest", lambda path: summed.append(path.name) or real(path))
    (corpus / "2023-01-01-x.txt").write_text("X\n\nNew words.\n")
    update(corpus, index_dir)
    after = sealed_names(index_dir)
    new_segment = {name for name in after - before if name.startswith("paragraphs_")}
    assert len(new_segment) == 11
    assert sorted(summed) == sorted({*new_segment, "._paragraphs_2.toc.tmp"})
    assert before - after == {"_paragraphs_1.toc"}


def _nested(inner):
    # A named function: Hypothesis reads its source to check it recurses, which a lambda's
    # source does not always give back (the check then warns, and warnings are errors).
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=20), inner)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    _nested,
    max_leaves=12,
)
STAMPS = (
    st.lists(st.integers(), min_size=4, max_size=4).map(lambda n: [*n, "0" * 64])
    | st.lists(st.integers(), min_size=3, max_size=5)
    | JSON
)
MANIFESTS = st.fixed_dictionaries(
    {"generation": JSON | st.just(1), "files": JSON | st.dictionaries(st.text(), STAMPS)}
)


@given(
    st.binary(max_size=300) | (JSON | MANIFESTS).map(lambda v: json.dumps(v).encode()),
    st.booleans(),
)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_manifest_bytes_are_read_or_called_damage(tmp_path, body, sealed):
    """Sealed with the user's key (so that the parser reads them) or not."""
    (tmp_path / "_paragraphs_1.toc").write_bytes(b"toc")
    mac = seal.sign(seal.key(make=True), body) if sealed else "0" * 64
    (tmp_path / "_paragraphs_1.sums").write_bytes(mac.encode() + b"\n" + body)
    try:
        manifest.verify(tmp_path)
    except IndexDamaged as exc:
        assert exc.path == tmp_path
