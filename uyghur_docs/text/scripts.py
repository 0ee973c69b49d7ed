"""Scripts that name things without capital letters."""

# Han, kana and Hangul, as a character-class body: "[{EAST_ASIAN}]".
EAST_ASIAN = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af"
