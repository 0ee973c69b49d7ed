"""Wildcard, prefix and fuzzy terms expand to at most `bounds.MAX_WORDS` indexed words,
holding at most `bounds.MAX_POSTINGS` paragraphs: a term that matches more is searched for
the first of them alphabetically, and says so."""

import json
from itertools import product
from string import ascii_lowercase

import pytest

from uyghur_docs.engine import bounds

from .conftest import run

# 676 words, qzaa to qzzz: the first 512 (qzaa to qztr) in one paragraph, the rest after.
WORDS = ["qz" + a + b for a, b in product(ascii_lowercase, repeat=2)]
LIST = "2025-01-01-word-list"


@pytest.fixture
def words(tmp_path, monkeypatch):
    folder = tmp_path / "words"
    folder.mkdir()
    text = f"Word list\n\n1 January 2025\n\n{' '.join(WORDS[:512])}.\n\n{' '.join(WORDS[512:])}.\n"
    (folder / f"{LIST}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setenv("UDOCS_CORPUS", str(folder))
    return folder


def passages(*args: str) -> tuple[list, list[int]]:
    result = run("search", *args, "--passages", "all", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return data["cut"], [p["paragraph"] for h in data["hits"] for p in h["passages"]]


def test_a_term_of_too_many_words_is_searched_for_the_first_512(words):
    assert bounds.MAX_WORDS == 512
    for query in ("qz*", "*z*", "qzaa~2", "q?*"):
        cut = {"term": query, "kept": 512, "first": "qzaa", "last": "qztr"}
        # Only the paragraph of the first 512 words matches: qzts to qzzz were left out.
        assert passages(query) == ([cut], [3])
        result = run("search", query)
        assert result.stderr.splitlines() == [
            "1 of 1 matching documents shown",
            f"note: {query} matches more words than one search takes; only the first 512"
            " alphabetically were searched (qzaa to qztr)",
        ]
    # Fewer words, all of them.
    assert passages("qzt*") == ([], [3, 4])
    assert passages("qzz?") == ([], [4])


def test_the_bound_holds_at_any_size(words, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_WORDS", 3)
    cut = {"term": "qzt*", "kept": 3, "first": "qzta", "last": "qztc"}
    assert passages("qzt*") == ([cut], [3])
    counted = run("search", "qzt* qzzz", "--count", "--json")
    assert json.loads(counted.stdout)["cut"] == [cut]
    assert run("search", "qzt*", "--count").stderr == (
        "note: qzt* matches more words than one search takes; only the first 3"
        " alphabetically were searched (qzta to qztc)\n"
    )
    # The words' paragraphs bound too, the first word kept whatever it holds.
    monkeypatch.setattr(bounds, "MAX_POSTINGS", 1)
    cut = {"term": "qz*", "kept": 1, "first": "qzaa", "last": "qzaa"}
    assert passages("qz*") == ([cut], [3])
