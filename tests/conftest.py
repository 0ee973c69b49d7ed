"""Every test runs against a private copy of the corpus and a private index folder."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from uyghur_docs.cli.main import cli

REPO_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DATA = Path(__file__).resolve().parent / "data"
SEED_IDS = [
    "2020-03-12-ishr-hrw-news-release",
    "2022-03-08-open-letter-high-commissioner",
    "2022-08-31-campaign-for-uyghurs-press-release",
    "2022-09-hrc51-joint-letter",
    "2024-08-28-omct-second-anniversary-statement",
]


@pytest.fixture(autouse=True)
def private_paths(tmp_path, monkeypatch):
    """Point the corpus, index, home, cache and config folders (the index key) at tmp_path."""
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO_CORPUS, corpus)
    monkeypatch.setenv("UDOCS_CORPUS", str(corpus))
    monkeypatch.setenv("UDOCS_INDEX", str(tmp_path / "index"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return corpus


@pytest.fixture
def corpus(private_paths) -> Path:
    return private_paths


def run(*args: str):
    """Invoke udocs in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def run_json(*args: str):
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)
