"""The queries of the latency benchmarks, each type with its FTS5 and grep equivalents."""

# Each type: (udocs query, FTS5 query, grep fixed strings — all must be in the file).
QUERIES = {
    "term": [
        ("torture", "torture", ["torture"]),
        ("detention", "detention", ["detention"]),
        ("Ürümqi", "Ürümqi", ["Ürümqi"]),
        ("cotton", "cotton", ["cotton"]),
        ("genocide", "genocide", ["genocide"]),
        ("testimony", "testimony", ["testimony"]),
        ("imams", "imams", ["imams"]),
        ("sanctions", "sanctions", ["sanctions"]),
    ],
    "and": [
        ("torture detention", "torture AND detention", ["torture", "detention"]),
        ("cotton sanctions", "cotton AND sanctions", ["cotton", "sanctions"]),
        ("Ürümqi surveillance", "Ürümqi AND surveillance", ["Ürümqi", "surveillance"]),
        ("survivors testimony", "survivors AND testimony", ["survivors", "testimony"]),
        ("genocide accountability", "genocide AND accountability", ["genocide", "accountability"]),
        ("mosques demolished", "mosques AND demolished", ["mosques", "demolished"]),
        ("journalists reprisals", "journalists AND reprisals", ["journalists", "reprisals"]),
        ("boarding schools", "boarding AND schools", ["boarding", "schools"]),
    ],
    "phrase": [
        (f'"{p}"', f'"{p}"', [p])
        for p in (
            "crimes against humanity",
            "vocational education and training centres",
            "arbitrary and discriminatory detention",
            "family separation",
            "to continue and recur",
            "enforced disappearances",
            "deprivation of liberty",
            "fully investigated",
        )
    ],
    # whoosh fuzzy (edit distance 1); FTS5 and grep have none: a prefix is the nearest.
    "fuzzy": [
        ("torure~", "tortur*", ["tortur"]),
        ("surveilance~", "surveil*", ["surveil"]),
        ("genocid~", "genocid*", ["genocid"]),
        ("sanctons~", "sanction*", ["sanction"]),
        ("testimny~", "testimon*", ["testimon"]),
        ("detenton~", "detent*", ["detent"]),
        ("cottn~", "cotton*", ["cotton"]),
        ("mosqes~", "mosque*", ["mosque"]),
    ],
}
# udocs' AND is over documents (each word in some paragraph); with `--paragraph` it is over
# paragraphs, as FTS5's AND is. Both are measured, each against FTS5 doing the same.
QUERIES["and, one paragraph"] = QUERIES["and"]
