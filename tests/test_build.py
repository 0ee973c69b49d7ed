"""Index builds split across worker processes: the same index as one process builds, and a
worker that fails, dies or is interrupted leaves the index as it was."""

import json
import multiprocessing
import os
import random

import pytest

from uyghur_docs.engine import files, schema
from uyghur_docs.errors import IndexFault
from uyghur_docs.models import Filters
from uyghur_docs.store import catalog, search, workers
from uyghur_docs.store.build import update

from .conftest import SEED_IDS, run

QUERIES = ["torture", "Karakax", '"crimes against humanity"', "detention AND labour", "Urumqi"]


@pytest.fixture
def grown(corpus):
    """The seeds and 40 more statements of varied length (one of them empty of words)."""
    rng = random.Random(3)
    words = ["torture", "detention", "labour", "camps", "Ürümqi", "families", "crimes", "against"]
    for n in range(40):
        paragraphs = [
            " ".join(rng.choice(words) for _ in range(rng.randint(5, 60)))
            for _ in range(rng.randint(1, 30))
        ]
        text = f"Joint statement {n}\n\n" + "\n\n".join(paragraphs) + "\n"
        (corpus / f"2023-05-{n:02d}-statement.txt").write_text(text)
    (corpus / "2023-06-01-blank.txt").write_text("\n\n")
    return corpus


def answers(index_dir):
    found = {}
    for q in QUERIES:
        result = search.search(index_dir, q, limit=100, per_doc=100)
        found[q] = (
            result.total,
            sorted((h.id, p.paragraph) for h in result.hits for p in h.passages),
        )
    return found


def test_workers_build_the_same_index_as_one_process(grown, tmp_path):
    one = update(grown, tmp_path / "one", jobs=1)
    three = update(grown, tmp_path / "three", jobs=3)
    assert one == three
    assert (one.added, one.paragraphs, len(one.skipped)) == (45, three.paragraphs, 1)
    assert len(list((tmp_path / "three").glob("*.trm"))) == 3
    assert list((tmp_path / "three").glob("catalog.part-*")) == []
    assert answers(tmp_path / "one") == answers(tmp_path / "three")
    assert answers(tmp_path / "one")["Karakax"] == (1, [(SEED_IDS[0], 8)])
    assert catalog.load(tmp_path / "one", catalog.ANALYSES) == catalog.load(
        tmp_path / "three", catalog.ANALYSES
    )


def test_workers_update_an_index(grown, tmp_path):
    update(grown, tmp_path / "index", jobs=2)
    (grown / "2023-05-07-statement.txt").unlink()
    (grown / "2023-05-08-statement.txt").write_text("Changed\n\nKarakax once more.\n")
    (grown / "2023-07-01-new.txt").write_text("New\n\nKarakax again.\n")
    report = update(grown, tmp_path / "index", jobs=2)
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    assert answers(tmp_path / "index")["Karakax"][1] == [
        (SEED_IDS[0], 8),
        ("2023-05-08-statement", 2),
        ("2023-07-01-new", 2),
    ]


def test_shares_are_consecutive_and_balanced_by_size(tmp_path):
    paths = []
    for n, size in enumerate([10, 10, 10, 10, 60, 5, 5]):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text("x" * size)
    shares = workers.shares(paths, 2)
    assert [[p.stem for p in share] for share in shares] == [
        ["0", "1", "2", "3", "4"],
        ["5", "6"],
    ]
    assert workers.shares(paths[:1], 3) == [paths[:1]]


def fail_in_worker(monkeypatch, how):
    """Make the worker that reads one particular statement fail in the given way."""
    parent = os.getpid()
    real = workers.read_document

    def read(path, overrides):
        if path.name == "2023-05-30-statement.txt" and os.getpid() != parent:
            how()
        return real(path, overrides)

    monkeypatch.setattr(workers, "read_document", read)


def boom():
    raise RuntimeError("disk on fire")


@pytest.mark.parametrize(
    "how, message",
    [
        (boom, "indexing failed: RuntimeError('disk on fire'); the index is as it was"),
        (lambda: os._exit(3), "an indexing process stopped (exit code 3); the index is as it was"),
    ],
)
def test_a_failing_worker_leaves_the_index_as_it_was(grown, tmp_path, monkeypatch, how, message):
    update(grown, tmp_path / "index", jobs=1)
    before = answers(tmp_path / "index")
    for path in grown.glob("2023-05-*"):
        path.write_text(path.read_text() + "\n\nKarakax revised.\n")
    # A patch of its own, undone alone: the paths the fixtures point at tmp_path stay so.
    with monkeypatch.context() as patch:
        fail_in_worker(patch, how)
        with pytest.raises(IndexFault) as caught:
            update(grown, tmp_path / "index", jobs=2)
    assert str(caught.value) == message
    assert answers(tmp_path / "index") == before
    assert multiprocessing.active_children() == []
    assert list((tmp_path / "index").glob("catalog.part-*")) == []
    assert update(grown, tmp_path / "index", jobs=2).updated == 40
    assert answers(tmp_path / "index")["Karakax"][0] == 41


def test_ctrl_c_stops_the_workers_and_keeps_the_index(grown, tmp_path, monkeypatch):
    update(grown, tmp_path / "index", jobs=1)
    for path in grown.glob("2023-05-*"):
        path.write_text(path.read_text() + "\n\nKarakax revised.\n")
    before = answers(tmp_path / "index")

    def interrupt(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        update(grown, tmp_path / "index", jobs=2, progress=interrupt)
    assert multiprocessing.active_children() == []
    assert answers(tmp_path / "index") == before


def test_jobs_option(grown):
    result = run("index", "--jobs", "2", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["added"], report["skipped"]) == (
        45,
        ["2023-06-01-blank.txt is empty; remove it or give it some text"],
    )
    bad = run("index", "--jobs", "0")
    assert bad.exit_code == 2 and "0 is not in the range 1<=x<=32" in bad.stderr


def test_an_index_of_another_layout_is_rebuilt(corpus, tmp_path):
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, STORED, TEXT, Schema

    old = Schema(
        doc=ID(stored=True),
        para=STORED(),
        title=TEXT(),
        heading=STORED(),
        body=TEXT(stored=True),
        date=ID(stored=True),
        kind=ID(stored=True),
    )
    (tmp_path / "index").mkdir(mode=0o700)
    whoosh_index.create_in(str(tmp_path / "index"), old, indexname=schema.INDEX_NAME)
    report = update(corpus, tmp_path / "index")
    assert (report.added, report.updated) == (5, 0)
    assert schema.layout(files.open_index(tmp_path / "index").schema) == schema.layout(
        schema.schema()
    )
    assert update(corpus, tmp_path / "index").unchanged == 5
    dated = search.search(tmp_path / "index", "Uyghur", Filters(since="2022-09", until="2022"))
    assert [h.id for h in dated.hits] == ["2022-09-hrc51-joint-letter"]
