"""Spellings of one name that search and name matching take as one word: the
transliterations of Uyghur and Chinese names that statements mix ("Uighur" and "Uyghur",
"Sinkiang" and "Xinjiang"). The UK/US spelling of word endings is folded by rule instead
(`engine.stemming`); letters with marks ("Ürümqi") fold to plain ones before this table is
read.

    >>> [variant(w) for w in ["uighurs", "sinkiang", "urumchi", "uyghur", "camps"]]
    ['uyghurs', 'xinjiang', 'urumqi', 'uyghur', 'camps']
"""

# Each variant, folded, with the spelling it is matched as.
VARIANTS = {
    "uighur": "uyghur",
    "uighurs": "uyghurs",
    "uigur": "uyghur",
    "uigurs": "uyghurs",
    "uygur": "uyghur",
    "uygurs": "uyghurs",
    "sinkiang": "xinjiang",
    "urumchi": "urumqi",
    "turkestan": "turkistan",
}


def variant(word: str) -> str:
    """The spelling a folded word is matched as."""
    return VARIANTS.get(word, word)
