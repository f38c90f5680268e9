"""Upper bounds of how wide a chart text is drawn, so that a label limit that can never cut
a text is left out (0: no limit in Vega).

Why: vl-convert measures a text once more when it draws one with a limit (Vega checks
whether to cut it), and a measurement is the dearest part of drawing a chart. A limit is
dropped only when the widest the text can be stays below it, so nothing is drawn otherwise.

The advances are Liberation Sans' (vl-convert bundles it; first in theme.FONT), in 1/1000
em, the widest of regular, bold, italic and bold italic, measured with vl-convert and
rounded up. Kerning only narrows, except next to "’" (up to 0.04 em a pair, measured over
every pair of these characters). A character outside the table (another script, an emoji,
drawn with whatever font the machine has) keeps the limit, and so does the middle dot "·":
the italic Liberation Sans that vl-convert bundles (charts/fonts.py) draws it with
another glyph, wider than its advance in every other face.
tests/charts/test_text_width.py checks all this against vl-convert's own truncation.
"""

from __future__ import annotations

from collections.abc import Iterable

_ADVANCES = {
    238: "'",
    278: " ,./I\\ijl\u00a0ÌÍÎÏìíîï‘’‚",
    280: "|¦",
    334: "!()-:;[]`ft¡¨²³´¸¹",
    351: "•",
    366: "º",
    371: "ª",
    390: "*r{}",
    400: "°",
    475: '"',
    500: "z“”„",
    549: "±÷≤≥",
    553: "¯",
    557: "#$0123456789J_aceksvxy¢£¤¥§«¶»àáâãäåçèéêëýÿ–€",
    577: "µ",
    584: "+<=>^~¬×−",
    611: "?FLTZbdghnopqu¿ßðñòóôõöøùúûüþ",
    667: "EPSVXYÈÉÊËÝÞ",
    723: "&ABCDHKNRUÀÁÂÃÄÅÇÐÑÙÚÛÜ",
    737: "©®",
    778: "GOQwÒÓÔÕÖØ",
    834: "M¼½¾",
    890: "%mæ",
    944: "W",
    1000: "Æ—…‰",
    1016: "@",
}
ADVANCE = {c: em / 1000 for em, chars in _ADVANCES.items() for c in chars}
KERNED = "’"  # the one character with wider pairs
KERN = 0.04  # em, per pair with it


def widest(text: str, size: float) -> float | None:
    """The most pixels `text` takes at `size` px in any weight or style; None if unknown."""
    try:
        em = sum(ADVANCE[c] for c in text)
    except KeyError:
        return None
    return (em + 2 * KERN * text.count(KERNED)) * size + 0.5  # half a pixel for rounding


def label_limit(texts: Iterable[str], size: float, limit: int, split: bool = False) -> int:
    """`limit`, or 0 (no limit) when no text can reach it. `split`: each text is drawn as its
    words on lines of their own (labelExpr split(datum.label, ' ')), the limit is per line.

    Vega cuts a line as wide as the limit or wider: the bound must stay below it."""
    for text in texts:
        for line in (text.split(" ") if split else [text]):
            width = widest(line, size)
            if width is None or width >= limit:
                return limit
    return 0
