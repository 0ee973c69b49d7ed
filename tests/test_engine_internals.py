"""The parts of whoosh the engine reads directly (`engine.internals`): present in the
installed whoosh, read as whoosh itself reads them, and every private name of whoosh's
that the package uses listed there."""

import ast
from pathlib import Path

import pytest
import whoosh
from whoosh.codec import whoosh3
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.filedb.filestore import RamStorage
from whoosh.filedb.structfile import BufferFile

from uyghur_docs import engine
from uyghur_docs.engine import internals
from uyghur_docs.engine.stemming import stem
from uyghur_docs.models import ParagraphRecord


def test_the_installed_whoosh_has_the_shape_relied_on():
    assert internals.shape_problems() == []


PACKAGE = Path(internals.__file__).resolve().parent.parent


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _whooshs_private_names() -> set[str]:
    """Every private name whoosh's own source defines or uses."""
    names = set()
    for path in Path(whoosh.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and _private(node.name):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and _private(node.attr):
                names.add(node.attr)
    return names


def _whoosh_bases(tree: ast.Module) -> tuple[set[str], set[str]]:
    """The names a module imports from whoosh, and its classes that subclass one."""
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh")
        for alias in node.names
    }
    subclasses = set()
    for node in ast.walk(tree):
        for base in getattr(node, "bases", ()):
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in imported:
                subclasses.add(node.name)
    return imported, subclasses


def whoosh_private_uses(source: str, whooshs: set[str]) -> set[str]:
    """The private names of whoosh's a module uses: imported from whoosh, defined in a
    subclass of a whoosh class, or read of any object but udocs' own `self` (a private
    name udocs' own classes give themselves is theirs)."""
    tree = ast.parse(source)
    _, subclasses = _whoosh_bases(tree)
    used = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh")
        for alias in node.names
        if _private(alias.name)
    }

    def visit(node: ast.AST, ours: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                inherited = child.name in subclasses
                used.update(
                    f.name
                    for f in child.body
                    if inherited and isinstance(f, ast.FunctionDef) and f.name in whooshs
                )
                visit(child, not inherited)
                continue
            if isinstance(child, ast.Attribute) and child.attr in whooshs:
                on_self = isinstance(child.value, ast.Name) and child.value.id in ("self", "cls")
                if not (on_self and ours):
                    used.add(child.attr)
            visit(child, ours)

    visit(tree, False)
    return used


def test_every_private_whoosh_name_used_is_listed_with_why():
    listed = {name for names in internals.PRIVATE.values() for name in names}
    whooshs = _whooshs_private_names()
    used = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for name in whoosh_private_uses(path.read_text(encoding="utf-8"), whooshs):
            used.setdefault(name, path.relative_to(PACKAGE.parent).as_posix())
    assert {name: where for name, where in used.items() if name not in listed} == {}
    # And nothing listed that the package no longer uses.
    assert listed - set(used) == set()


def test_a_new_private_name_is_found():
    whooshs = {"_terms", "_perdoc", "_write_block", "_lengths"}
    source = """
from whoosh.codec.whoosh3 import W3PostingsWriter, _lenfield
class Ours:
    def __init__(self, reader):
        self._lengths = reader._perdoc
class Writer(W3PostingsWriter):
    def _write_block(self):
        return self._terms
"""
    assert whoosh_private_uses(source, whooshs) == {
        "_lenfield",
        "_perdoc",
        "_write_block",
        "_terms",
    }


def test_a_changed_whoosh_is_named(monkeypatch):
    monkeypatch.setattr(whoosh, "__version__", (2, 8, 0))
    monkeypatch.setattr(whoosh3, "_lenfield", lambda name: f"_{name}_lengths")
    monkeypatch.delattr(whoosh3, "LENGTHS_COLUMN")
    monkeypatch.delattr(whoosh3.W3LeafMatcher, "_read_values")
    assert internals.shape_problems() == [
        "whoosh 2.8.0 installed, (2, 7, 5) relied on",
        "W3 length column type: whoosh.codec.whoosh3.LENGTHS_COLUMN is gone",
        "W3 leaf matcher's _read_values: W3LeafMatcher._read_values is gone",
        "W3 codec names: length column renamed",
    ]


def built(index_dir, texts: list[str]):
    run = engine.Run(index_dir, create=True)
    segments = engine.Segments(index_dir)
    for n, text in enumerate(texts, start=1):
        segments.add(ParagraphRecord(f"d{n % 3}", n, "T", text, None, "letter"))
    run.commit(segments.finish(), clear=False)
    return engine.Index(index_dir).opened().searcher


def test_postings_lengths_and_ids_read_in_one_piece_are_whooshs(tmp_path):
    # Enough postings of "camp" for several blocks (whoosh writes 128 to a block).
    texts = [" ".join(["camp"] * (1 + n % 3) + ["labour"] * (n % 2)) for n in range(300)]
    searcher = built(tmp_path / "index", texts)
    reader = searcher.reader()
    for word in (stem("camp"), stem("labour")):
        matcher = reader.postings("body", word)
        ids, weights, values = [], [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            values.append(matcher.value())
            matcher.next()
        read = internals.postings(reader, "body", word.encode())
        positions = [tuple(matcher.format.decode_positions(value)) for value in values]
        read_positions = [read.positions_at(i) for i in range(len(read.ids))]
        assert (read.ids, list(read.weights), read_positions) == (ids, weights, positions)
    camp = internals.postings(reader, "body", stem("camp").encode())
    assert [camp.positions_at(n) for n in range(300)] == [
        tuple(range(1 + n % 3)) for n in range(300)
    ]
    labour = internals.postings(reader, "body", stem("labour").encode())
    assert labour.ids == list(range(1, 300, 2))
    assert [labour.positions_at(i) for i in range(150)] == [(1 + n % 3,) for n in labour.ids]
    assert internals.postings(reader, "body", b"absent") is None
    lengths = internals.lengths(reader, "body")
    assert [internals.LENGTHS[b] if b else None for b in lengths] == [
        reader.doc_field_length(n, "body") for n in range(300)
    ]
    assert list(internals.paragraph_numbers(reader)) == list(range(1, 301))


@pytest.mark.parametrize(
    ("column", "attribute", "problem"),
    [
        (
            NumericColumn,
            "_basepos",
            "numeric column: its 4-byte numbers do not read back in one piece",
        ),
        (
            VarBytesColumn,
            "_offsets",
            "variable bytes column: its values do not read back one at a time",
        ),
    ],
)
def test_a_column_that_reads_back_otherwise_is_named(monkeypatch, column, attribute, problem):
    opened = column.Reader.__init__

    def elsewhere(self, *args):
        opened(self, *args)
        delattr(self, attribute)

    monkeypatch.setattr(column.Reader, "__init__", elsewhere)
    assert internals.shape_problems() == [problem]


def test_ids_of_a_column_in_memory_are_read_by_whooshs_reader(tmp_path):
    written = RamStorage().create_file("ids")
    writer = VarBytesColumn().writer(written)
    for number, value in enumerate([b"a", b"bb", b"a"]):
        writer.add(number, value)
    writer.finish(3)
    data = written.file.getvalue()
    column = VarBytesColumn().reader(BufferFile(data), 0, len(data), 3)
    read = internals._one_at_a_time(column)
    assert [read(n) for n in range(3)] == ["a", "bb", "a"]
