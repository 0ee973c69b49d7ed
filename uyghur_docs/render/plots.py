"""The pictures of `udocs plot`, drawn with matplotlib: the only module that imports it.

Each function takes numbers computed and tested in `findings.pictures` (or the network of
`findings.network`) and writes one file; its extension (.png or .svg) chooses the format.
"""

from pathlib import Path

import matplotlib

# No display: pictures are only written to files.
matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

# The same layout every run, so a picture changes only when the corpus does.
LAYOUT_SEED = 7
# A network this small draws its edges plainly; a larger one faint, so that they do not
# hide the nodes. At most NAMED organisations are named, those with most letters first,
# where their names fit (`findings.pictures.labels`).
SMALL = 40
NAMED = 40
# The network's figure: inches square, margin around the nodes (a share of their span), and
# a label's font size in points, with a character's mean width and a line's height in ems.
NETWORK_INCHES = 10
MARGIN = 0.15
FONT = 8
CHAR_EMS, LINE_EMS = 0.6, 1.3


def draw_timeline(timeline, path: Path) -> None:
    """Stacked bars of statements per month by kind, over a line of quotations per month."""
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6), sharex=True)
    x = range(len(timeline.months))
    base = [0] * len(timeline.months)
    for kind, counts in timeline.statements.items():
        top.bar(x, counts, bottom=base, label=kind)
        base = [a + b for a, b in zip(base, counts, strict=True)]
    top.set_ylabel("statements")
    # Counts: no tick between 1 and 2.
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.legend(fontsize="small")
    bottom.bar(x, timeline.quotations, color="tab:red")
    bottom.set_ylabel("report quotations")
    step = max(1, len(timeline.months) // 12)
    bottom.set_xticks(list(x)[::step], timeline.months[::step], rotation=45, ha="right")
    fig.suptitle("Statements and quotations of the report, by month")
    _save(fig, path)


def draw_report(strip: tuple[int, ...], path: Path) -> None:
    """A strip of the report's paragraphs, each shaded by how many statements quote it."""
    fig, axes = plt.subplots(figsize=(12, 2.2))
    image = axes.imshow([strip], aspect="auto", cmap="Reds", extent=(0.5, len(strip) + 0.5, 0, 1))
    axes.set_yticks([])
    axes.set_xticks([1, *range(10, len(strip) + 1, 10)])
    axes.set_xlabel(f"paragraph of the report (¶1–¶{len(strip)})")
    fig.colorbar(image, ax=axes, label="statements quoting it")
    fig.suptitle("Which paragraphs of the OHCHR assessment civil society quoted")
    _save(fig, path)


def draw_network(network, path: Path) -> None:
    """The co-signing graph in a spring layout: node size by letters, edge width by weight."""
    import networkx as nx

    from uyghur_docs.findings.network import to_networkx

    graph = to_networkx(network)
    place = nx.spring_layout(graph, seed=LAYOUT_SEED, weight="weight")
    fig, axes = plt.subplots(figsize=(NETWORK_INCHES, NETWORK_INCHES))
    weights = [d["weight"] for _, _, d in graph.edges(data=True)]
    small = len(network.nodes) <= SMALL
    widths = [w * 0.4 for w in weights]
    nx.draw_networkx_edges(graph, place, ax=axes, width=widths, alpha=0.6 if small else 0.15)
    sizes = [20 * d["letters"] for _, d in graph.nodes(data=True)]
    nx.draw_networkx_nodes(graph, place, ax=axes, node_size=sizes, node_color="tab:blue")
    for label in network_labels(network, place):
        axes.text(label.x, label.y, label.name, fontsize=FONT, ha="center", va="center")
    # Room for the names of the organisations at the edge.
    axes.margins(MARGIN)
    axes.set_axis_off()
    axes.set_title(f"Co-signing: {len(network.nodes)} organisations, {len(network.edges)} links")
    _save(fig, path)


def network_labels(network, place) -> tuple:
    """The names the network picture writes, where they fit (`findings.pictures.labels`)."""
    from uyghur_docs.findings.pictures import labels

    letters = {node.name: node.letters for node in network.nodes}
    return labels({n: tuple(p) for n, p in place.items()}, letters, label_size(place), NAMED)


def label_size(place) -> tuple[float, float]:
    """A label's character width and line height in the layout's units: the figure's
    width, NETWORK_INCHES less its margins, spans the nodes' positions."""
    xs, ys = [x for x, _ in place.values()], [y for _, y in place.values()]
    points = NETWORK_INCHES * 72 / (1 + 2 * MARGIN)
    span_x, span_y = max(xs) - min(xs) or 1.0, max(ys) - min(ys) or 1.0
    return FONT * CHAR_EMS * span_x / points, FONT * LINE_EMS * span_y / points


def _save(fig, path: Path) -> None:
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
