"""Arbitrary text into every parser and arbitrary values into every command: each gives a
result or a clean error, never a traceback, and pathological input never hangs."""

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uyghur_docs.cli.main import cli
from uyghur_docs.corpus.metadata import extract
from uyghur_docs.extract.issuers import extract_issuers
from uyghur_docs.extract.quotes import extract_quotes
from uyghur_docs.extract.signers import extract_signatories
from uyghur_docs.text.dates import find_date, parse_date
from uyghur_docs.text.names import name_key
from uyghur_docs.text.normalise import clean, split_paragraphs

PATHOLOGICAL = [
    "“" * 50_000,
    '"' * 50_000,
    "'" * 50_000,
    "," * 50_000,
    ";" * 50_000,
    "\n" * 50_000,
    "Signatories:\n" + "A, " * 20_000,
    "1. " * 30_000,
    "(" * 20_000 + ")" * 20_000,
    "said today " * 10_000,
    "12.03.2020 " * 10_000,
    "x" * 500_000,
]
PARSERS = [
    lambda t: split_paragraphs(t),
    lambda t: extract([clean(p) for p in split_paragraphs(t)], "fuzz"),
    lambda t: extract_quotes(split_paragraphs(t), "2023-01-01"),
    lambda t: extract_signatories(split_paragraphs(t)),
    lambda t: extract_issuers(split_paragraphs(t)),
    lambda t: name_key(t),
    lambda t: find_date(t),
    lambda t: parse_date(t),
]


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=3000))
@pytest.mark.parametrize("parser", range(len(PARSERS)))
def test_parsers_take_any_text(parser, text):
    PARSERS[parser](text)


# How long each takes, and how that grows with the input, is measured by
# bench/pathological.py.
@pytest.mark.parametrize("text", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
@pytest.mark.parametrize("parser", range(len(PARSERS)))
def test_pathological_input_finishes(parser, text):
    PARSERS[parser](text)


VALUE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "-1", "0", "999999999", "2022-13-45", "--json", "*", "“", "\x00"]),
)
COMMANDS = [
    ["show", "{v}"],
    ["show", "2022-09-hrc51-joint-letter", "--para", "{v}"],
    ["search", "{v}"],
    ["search", "torture", "--since", "{v}"],
    ["search", "torture", "--kind", "{v}"],
    ["search", "torture", "--limit", "{v}"],
    ["search", "torture", "--signed-by", "{v}"],
    ["quotes", "{v}"],
    ["quotes", "--doc", "{v}"],
    ["quotes", "--min-docs", "{v}"],
    ["signers", "--org", "{v}"],
    ["signers", "--doc", "{v}"],
    ["docs", "{v}"],
]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(value=VALUE)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_any_option_value_gives_a_result_or_a_clean_error(corpus, command, value):
    args = [a.replace("{v}", value) for a in command]
    result = CliRunner().invoke(cli, [*args, "--json"] if args[0] != "docs" else args)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    if result.exit_code == 0 and "--json" in [*args, "--json"] and args[0] != "docs":
        json.loads(result.stdout)
    else:
        assert "Traceback" not in result.stderr
