import os
import subprocess
import sys
from pathlib import Path

import pytest

from uyghur_docs.findings.network import cosigning_graph
from uyghur_docs.findings.pictures import REPORT_PARAGRAPHS, labels, report_strip, timeline
from uyghur_docs.service import Library

from .conftest import run

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def library(corpus):
    assert run("index").exit_code == 0
    return Library(corpus, Path(os.environ["UDOCS_INDEX"]))


def test_timeline_counts_statements_by_kind_and_quotations_by_month(library):
    found = timeline(library.documents(), library.quotes(copies=True))
    assert (found.months[0], found.months[-1], len(found.months)) == ("2020-03", "2024-08", 54)
    at = {m: n for n, m in enumerate(found.months)}
    nonzero = {
        kind: {found.months[n]: c for n, c in enumerate(counts) if c}
        for kind, counts in found.statements.items()
    }
    assert nonzero == {
        "joint-letter": {"2022-03": 1, "2022-09": 1},
        "joint-statement": {"2024-08": 1},
        "news-release": {"2020-03": 1},
        "press-release": {"2022-08": 1},
    }
    assert {m: found.quotations[at[m]] for m in at if found.quotations[at[m]]} == {
        "2022-08": 10,
        "2022-09": 8,
        "2024-08": 1,
    }


def test_report_strip_shades_each_paragraph_by_its_statements(library):
    strip = report_strip(library.quoted_paragraphs())
    assert len(strip) == REPORT_PARAGRAPHS == 153
    assert {n: c for n, c in enumerate(strip, 1) if c} == {
        148: 3,
        **dict.fromkeys((28, 35, 71, 84, 127, 145, 146, 149, 151, 153), 1),
    }
    later = report_strip(
        library.quoted_paragraphs(among={"2024-08-28-omct-second-anniversary-statement"})
    )
    assert {n: c for n, c in enumerate(later, 1) if c} == {148: 1}


@pytest.mark.parametrize("picture", ["network", "timeline", "report"])
@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_each_picture_is_written(tmp_path, picture, suffix):
    path = tmp_path / f"{picture}{suffix}"
    result = run("plot", picture, "-o", str(path), "--since", "2022-01-01")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote {picture} to {path}\n"
    data = path.read_bytes()
    assert data.startswith(PNG) if suffix == ".png" else b"<svg" in data[:2000]


def test_the_network_drawn_is_the_filtered_graph(library):
    among = {d.id for d in library.documents(kinds=("joint-statement",))}
    network = cosigning_graph(library.signers(), among)
    assert (len(network.nodes), len(network.edges)) == (15, 105)


def test_another_extension_is_one_line(tmp_path):
    result = run("plot", "report", "-o", str(tmp_path / "r.gif"))
    assert result.exit_code == 1
    assert result.stderr == "Error: cannot draw a picture as .gif: name the file .png or .svg\n"


def test_without_matplotlib_plot_says_how_to_install_it(tmp_path):
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, *a):\n"
        "        if name.split('.')[0] == 'matplotlib': raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from uyghur_docs.cli.main import main\n"
        f"sys.argv = ['udocs', 'plot', 'report', '-o', {str(tmp_path / 'r.png')!r}]\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("pip install 'udocs[plots]'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_labels_that_would_overlap_move_or_go_unnamed():
    crowded = {name: (0.0, 0.0) for name in "ABCDEFGHIJ"}
    letters = {name: 20 - n for n, name in enumerate("ABCDEFGHIJ")}
    found = [(x.name, x.x, x.y) for x in labels(crowded, letters, (1.0, 1.0), 40)]
    assert found == [
        ("A", 0.0, 1.0),
        ("B", 0.0, -1.0),
        ("C", 1.0, 0.0),
        ("D", -1.0, 0.0),
        ("E", 1.0, 1.0),
        ("F", -1.0, 1.0),
        ("G", 1.0, -1.0),
        ("H", -1.0, -1.0),
    ]
    assert [x.name for x in labels(crowded, letters, (1.0, 1.0), 3)] == ["A", "B", "C"]


def test_the_seeds_network_names_do_not_overlap(library):
    import networkx as nx

    from uyghur_docs.findings.network import to_networkx
    from uyghur_docs.render.plots import LAYOUT_SEED, NAMED, label_size, network_labels

    network = cosigning_graph(library.signers())
    place = nx.spring_layout(to_networkx(network), seed=LAYOUT_SEED, weight="weight")
    found = network_labels(network, place)
    assert found[0].name == "Uyghur Human Rights Project" == network.nodes[0].name
    assert (len(network.nodes), len(found) <= NAMED) == (213, True)
    char, line = label_size(place)
    boxes = [(x.x, x.y, char * len(x.name) / 2, line / 2) for x in found]
    for n, (x, y, w, h) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[n + 1 :]:
            assert abs(x - x2) >= w + w2 or abs(y - y2) >= h + h2
