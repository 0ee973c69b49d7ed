"""The co-signing network: organisations joined by the letters they signed together.

`cosigning_graph` returns plain dataclasses; `to_networkx` turns them into a networkx graph
for `signers --graph` to write. networkx is imported there only, so that the rest of udocs
(and `udocs --help`) never loads it.
"""

from collections.abc import Collection
from dataclasses import dataclass
from itertools import combinations

from uyghur_docs.findings.orgs import Signers


@dataclass(frozen=True)
class Node:
    """An organisation, the letters it signed, and the dates of its first and last."""

    name: str
    letters: int
    first: str | None
    last: str | None


@dataclass(frozen=True)
class Edge:
    """Two organisations (by name, the first sorting first) and the letters both signed."""

    source: str
    target: str
    weight: int
    dates: tuple[str | None, ...]
    letters: tuple[str, ...]


@dataclass(frozen=True)
class Network:
    """Every signatory organisation, and every pair that signed a letter together."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def cosigning_graph(
    index: Signers, among: Collection[str] | None = None, org: str | None = None
) -> Network:
    """The co-signing network of the letters `among` (None: every letter); with `org`, of
    the letters that organisation signed or issued only. Issuers do not
    count (issuing a release is not co-signing it), as in `cosigning_result`. Letters are
    taken in date order (undated last), so each edge's dates and ids run oldest first."""
    if org:
        own = {letter.id for letter in index.letters(index.key_of(org))}
        among = own if among is None else own & set(among)
    dated = sorted(index.signatory_keys(among).items(), key=_dated)
    names = {}
    held: dict[str, list[tuple[str, str | None]]] = {}
    # Per pair, its letters' ids and dates, kept apart: each becomes an Edge field as is.
    shared: dict[tuple[str, str], tuple[list[str], list[str | None]]] = {}
    for doc_id, (date, keys) in dated:
        for key in keys:
            if key not in names:
                names[key] = index.organisations[key].name
            held.setdefault(key, []).append((doc_id, date))
        ordered = sorted(keys, key=lambda k: (names[k], k))
        for pair in combinations(ordered, 2):
            ids, dates = shared.setdefault(pair, ([], []))
            ids.append(doc_id)
            dates.append(date)
    nodes = [Node(names[k], len(ls), *_span(ls)) for k, ls in held.items()]
    edges = [
        Edge(names[a], names[b], len(ids), tuple(dates), tuple(ids))
        for (a, b), (ids, dates) in shared.items()
    ]
    nodes.sort(key=lambda n: (-n.letters, n.name.casefold(), n.name))
    edges.sort(key=lambda e: (-e.weight, e.source.casefold(), e.target.casefold()))
    return Network(tuple(nodes), tuple(edges))


def _dated(item: tuple[str, tuple]) -> tuple:
    doc_id, (date, _) = item
    return (date is None, date or "", doc_id)


def _span(letters: list[tuple[str, str | None]]) -> tuple[str | None, str | None]:
    """The first and last dates among letters (None when none is dated)."""
    dates = sorted(d for _, d in letters if d)
    return (dates[0], dates[-1]) if dates else (None, None)


# The graph formats networkx writes, by file extension. GEXF and GraphML hold no lists nor
# None, so there an edge's dates and ids are written joined by spaces, an empty date as "".
GRAPH_FORMATS = (".gexf", ".graphml", ".json")


def to_networkx(network: Network):
    """The network as a networkx Graph: node attributes letters/first/last, edge
    attributes weight/dates/letters (lists)."""
    import networkx as nx

    graph = nx.Graph()
    for node in network.nodes:
        graph.add_node(node.name, letters=node.letters, first=node.first, last=node.last)
    for edge in network.edges:
        graph.add_edge(
            edge.source,
            edge.target,
            weight=edge.weight,
            dates=list(edge.dates),
            letters=list(edge.letters),
        )
    return graph


def graph_document(network: Network, suffix: str):
    """What `write_graph` writes for a file extension: a networkx graph whose attributes
    fit the format (GEXF and GraphML: scalars only), or the node-link mapping (JSON)."""
    import networkx as nx

    graph = to_networkx(network)
    if suffix == ".json":
        return nx.node_link_data(graph, edges="links")
    for _, data in graph.nodes(data=True):
        data["first"], data["last"] = data["first"] or "", data["last"] or ""
    for _, _, data in graph.edges(data=True):
        data["dates"] = " ".join(d or "" for d in data["dates"])
        data["letters"] = " ".join(data["letters"])
    return graph
