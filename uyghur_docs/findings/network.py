"""The co-signing network: organisations joined by the letters they signed together.

`cosigning_graph` returns plain dataclasses; `to_networkx` turns them into a networkx graph
for `signers --graph` to write. networkx is imported there only, so that the rest of udocs
(and `udocs --help`) never loads it.
"""

from collections import defaultdict
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
    names = {key: index.organisations[key].name for _, (_, keys) in dated for key in keys}
    order = {key: n for n, key in enumerate(sorted(names, key=lambda k: (names[k], k)))}
    held: dict[str, list[int]] = {key: [] for key in names}
    # Each pair's letters by number in date order: one append per pair of each letter's
    # signatories (the bulk of the work), ids and dates looked up once per edge at the end.
    shared: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, (_, (_, keys)) in enumerate(dated):
        ordered = sorted(keys, key=order.__getitem__)
        for key in ordered:
            held[key].append(number)
        for pair in combinations(ordered, 2):
            shared[pair].append(number)
    ids = [doc_id for doc_id, _ in dated]
    dates = [date for _, (date, _) in dated]
    folded = {key: name.casefold() for key, name in names.items()}
    nodes = sorted(held, key=lambda k: (-len(held[k]), folded[k], names[k]))
    pairs = sorted(shared, key=lambda p: (-len(shared[p]), folded[p[0]], folded[p[1]]))
    return Network(
        tuple(Node(names[k], len(held[k]), *_span([dates[n] for n in held[k]])) for k in nodes),
        tuple(
            Edge(
                names[a],
                names[b],
                len(shared[a, b]),
                tuple(dates[n] for n in shared[a, b]),
                tuple(ids[n] for n in shared[a, b]),
            )
            for a, b in pairs
        ),
    )


def _dated(item: tuple[str, tuple]) -> tuple:
    doc_id, (date, _) = item
    return (date is None, date or "", doc_id)


def _span(dates: list[str | None]) -> tuple[str | None, str | None]:
    """The first and last of some dates (None when none is given)."""
    given = sorted(d for d in dates if d)
    return (given[0], given[-1]) if given else (None, None)


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
