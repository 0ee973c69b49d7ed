"""Which entries of a corpus folder are documents, which are passed over with a warning and
which silently: held to the rule as `os.path.splitext` states it, on random names."""

import os
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from uyghur_docs.corpus.folder import scan, stamps

SUFFIXES = ["", ".txt", ".md", ".json", ".toml", ".pdf", ".TXT", ".txt.bak"]
stems = st.text(alphabet="ab.-_", min_size=1, max_size=6).filter(lambda s: s not in {".", ".."})
names = st.lists(st.tuples(stems, st.sampled_from(SUFFIXES)).map("".join), unique=True, max_size=8)


def expected(files: list[str]) -> tuple[list[str], list[str]]:
    """(document ids, names warned about) by the rule: a document is a .txt or .md file
    whose name does not start with a dot, unless another document has its id; folders and
    sidecars (.json, .toml) pass silently; every other file is warned about."""
    documents = [
        n for n in files if os.path.splitext(n)[1] in (".txt", ".md") and not n.startswith(".")
    ]
    ids = [os.path.splitext(n)[0] for n in documents]
    clashing = {n for n, i in zip(documents, ids, strict=True) if ids.count(i) > 1}
    warned = [
        n
        for n in files
        if n in clashing
        or (n not in documents and os.path.splitext(n)[1] not in (".json", ".toml"))
    ]
    kept = sorted(os.path.splitext(n)[0] for n in documents if n not in clashing)
    return kept, sorted(warned)


@settings(max_examples=60)
@given(names, names)
def test_scan_follows_the_rule(files, folders):
    folders = [f for f in folders if f not in files]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        for name in files:
            (corpus / name).write_text("A statement.\n")
        for name in folders:
            (corpus / name).mkdir()
        paths, skipped = scan(corpus)
        ids, warned = expected(files)
        assert [p.stem for p in paths] == ids
        assert sorted(w.split(": ", 1)[0] for w in skipped) == warned
        assert {os.path.basename(s[0]) for s in stamps(corpus)} == {p.name for p in paths}
