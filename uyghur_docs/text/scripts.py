"""Scripts that name things without capital letters."""

import re

# Han, kana and Hangul, as a character-class body: "[{EAST_ASIAN}]".
EAST_ASIAN = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af"
_EAST_ASIAN = re.compile(f"[{EAST_ASIAN}]")


def has_cjk(text: str) -> bool:
    """Whether text holds a Han, kana or Hangul character.

    >>> has_cjk("PEN 香港"), has_cjk("PEN Hong Kong")
    (True, False)
    """
    return bool(_EAST_ASIAN.search(text))
