"""The folders are the architecture: each layer imports only the layers below it.

Data flows files -> corpus -> extract -> findings -> store -> service -> cli/render; `engine/`
is the search engine behind `store/`. Every module of the package is read (by its syntax
tree, so nothing is imported), and a test plants a violation to show the check can fail.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "uyghur_docs"

# Lowest first; a module may import its own layer and any layer before it.
LAYERS = (
    "base",
    "text",
    "corpus",
    "extract",
    "findings",
    "engine",
    "store",
    "service",
    "render",
    "cli",
)
BASE = {"__init__", "models", "errors", "status"}
# Third-party packages that only one layer may import, and the layer.
OWNED = {"whoosh": "engine", "click": "cli", "rich": "render", "matplotlib": "render"}
# Who may import the engine: the store only (and the engine itself).
ENGINE_USERS = {"engine", "store"}


def layer_of(module: str) -> str:
    """`uyghur_docs.store.catalog` -> `store`; top-level shared modules are `base`."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    if top in BASE or top == "__main__":
        return "base" if top != "__main__" else "cli"
    return top


def imports_of(path: Path, module: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def violations(sources: dict[str, Path]) -> list[str]:
    known = set(sources)
    bad = []
    for module, path in sources.items():
        mine = layer_of(module)
        targets = imports_of(path, module)
        # `from uyghur_docs.store import catalog` counts once, as the module it names.
        targets -= {
            t for t in targets if any(o.startswith(f"{t}.") and o in known for o in targets)
        }
        for target in targets:
            top = target.split(".")[0]
            if top in OWNED and OWNED[top] != mine:
                bad.append(f"{module} imports {top}, which only {OWNED[top]}/ may import")
            if top != "uyghur_docs" or target not in known:
                continue
            theirs = layer_of(target)
            if theirs == "engine" and mine not in ENGINE_USERS:
                bad.append(f"{module} imports {target}: only store/ may use the engine")
            elif LAYERS.index(theirs) > LAYERS.index(mine):
                bad.append(f"{module} ({mine}) imports {target} ({theirs}), above it")
    return sorted(set(bad))


def test_every_module_respects_the_layers():
    assert violations(modules()) == []


def test_every_module_has_a_layer():
    found = modules()
    assert len(found) == len(list(PACKAGE.rglob("*.py")))
    assert {m for m in found if layer_of(m) not in LAYERS} == set()


@pytest.mark.parametrize(
    ("module", "line", "expected"),
    [
        (
            "uyghur_docs.text.p",
            "from uyghur_docs.store import catalog\n",
            "uyghur_docs.text.p (text) imports uyghur_docs.store.catalog (store), above it",
        ),
        (
            "uyghur_docs.extract.p",
            "import click\n",
            "uyghur_docs.extract.p imports click, which only cli/ may import",
        ),
        (
            "uyghur_docs.cli.p",
            "from uyghur_docs.engine import query\n",
            "uyghur_docs.cli.p imports uyghur_docs.engine.query: only store/ may use the engine",
        ),
        (
            "uyghur_docs.findings.p",
            "from whoosh import index\n",
            "uyghur_docs.findings.p imports whoosh, which only engine/ may import",
        ),
        (
            "uyghur_docs.corpus.p",
            "from ..extract import signers\n",
            "uyghur_docs.corpus.p (corpus) imports uyghur_docs.extract.signers (extract), above it",
        ),
    ],
)
def test_a_planted_violation_fails(tmp_path, module, line, expected):
    sources = modules()
    planted = tmp_path / "planted.py"
    planted.write_text(line)
    sources[module] = planted
    assert set(violations(sources)) - set(violations(modules())) == {expected}
