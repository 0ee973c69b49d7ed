import json

import networkx as nx
import pytest

from .conftest import SEED_IDS, run

ISHR_RELEASE, MARCH, CAMPAIGN, HRC51, OMCT = SEED_IDS
UHRP, WUC = "Uyghur Human Rights Project", "World Uyghur Congress"


def written(tmp_path, name: str, *args: str):
    path = tmp_path / name
    result = run("signers", "--graph", str(path), *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return path, result.stderr


def test_gexf_holds_every_signatory_and_the_letters_each_pair_shares(tmp_path):
    path, told = written(tmp_path, "net.gexf")
    graph = nx.read_gexf(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (213, 19181)
    assert told == f"wrote 213 organisations and 19181 links to {path}\n"
    assert {k: graph.nodes[UHRP][k] for k in ("letters", "first", "last")} == {
        "letters": 4,
        "first": "2022-03-08",
        "last": "2024-08-28",
    }
    assert graph.nodes["Human Rights Watch"]["letters"] == 2
    edge = graph.edges[UHRP, WUC]
    assert edge["weight"] == 4
    assert edge["dates"] == "2022-03-08 2022-08-31 2022-09 2024-08-28"
    assert edge["letters"] == " ".join([MARCH, CAMPAIGN, HRC51, OMCT])
    assert graph.edges["Amnesty International", "Human Rights Watch"]["letters"] == (
        f"{MARCH} {HRC51}"
    )
    weights = sorted(d["weight"] for _, _, d in graph.edges(data=True))
    assert weights[-5:] == [2, 2, 3, 3, 4]
    # The news release's issuers issued it; they did not co-sign it.
    assert ISHR_RELEASE not in {
        i for _, _, d in graph.edges(data=True) for i in d["letters"].split()
    }


def test_graphml_and_json_carry_the_same_network(tmp_path):
    graphml = nx.read_graphml(written(tmp_path, "net.graphml")[0])
    data = json.loads(written(tmp_path, "net.json")[0].read_text())
    linked = nx.node_link_graph(data, edges="links")
    assert set(graphml.nodes) == set(linked.nodes)
    assert graphml.number_of_edges() == linked.number_of_edges() == 19181
    assert linked.edges[UHRP, WUC]["dates"] == ["2022-03-08", "2022-08-31", "2022-09", "2024-08-28"]
    assert linked.nodes["Campaign for Uyghurs"] == {
        "letters": 3,
        "first": "2022-03-08",
        "last": "2024-08-28",
    }


def test_filters_keep_the_letters_in_range_kind_or_of_one_organisation(tmp_path):
    later = nx.read_graphml(written(tmp_path, "later.graphml", "--since", "2022-09-01")[0])
    assert (later.number_of_nodes(), later.number_of_edges()) == (19, 119)
    assert later.edges[UHRP, WUC]["letters"] == f"{HRC51} {OMCT}"
    joint = nx.read_gexf(written(tmp_path, "joint.gexf", "--kind", "joint-letter")[0])
    assert joint.edges[UHRP, WUC]["letters"] == f"{MARCH} {HRC51}"
    amnesty = nx.read_gexf(written(tmp_path, "ai.gexf", "--org", "amnesty international")[0])
    assert {i for _, _, d in amnesty.edges(data=True) for i in d["letters"].split()} == {
        MARCH,
        HRC51,
    }


@pytest.mark.parametrize("name", ["net.txt", "net"])
def test_an_unknown_extension_is_one_line(tmp_path, name):
    result = run("signers", "--graph", str(tmp_path / name))
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert ".gexf, .graphml or .json" in result.stderr
    assert not (tmp_path / name).exists()
