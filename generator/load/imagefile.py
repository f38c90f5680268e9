"""Images an editor adds (the logo): a real PNG, or an SVG without anything active.

An SVG is a document: opened on its own (the logo's address), a script in it runs on
the site's origin. The site is also never to fetch anything from another host. So an
SVG with scripts, event handlers, embedded HTML, entity declarations or external
references is refused, with its line.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.load.files import line_of_offset, read_project_file
from generator.core.problems import Problems

MAX_IMAGE_BYTES = 1024 * 1024
IMAGE_SUFFIXES = (".svg", ".png")

_SVG_REFUSED = [
    (re.compile(r"<\s*script", re.I), "een script (<script>)"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "een script in een attribuut (on...=)"),
    (re.compile(r"(?:java|vb)script\s*:", re.I), "een script-link (javascript:)"),
    (re.compile(r"<\s*foreignObject", re.I), "ingesloten HTML (<foreignObject>)"),
    (re.compile(r"<\s*(?:iframe|embed|object)\b", re.I), "een ingesloten pagina of object"),
    (re.compile(r"<!\s*(?:ENTITY|DOCTYPE)", re.I), "een DOCTYPE- of ENTITY-declaratie"),
    (re.compile(r"""(?:href\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)\s*(?:https?:)?//""", re.I), "een verwijzing naar een andere website"),
]


def read_image(path: Path, rel: str, problems: Problems) -> bytes | None:
    """The image's bytes when it is safe to publish; otherwise a Dutch problem and None."""
    raw = read_project_file(path, rel, problems, MAX_IMAGE_BYTES)
    if raw is None:
        return None
    suffix = path.suffix.lower()
    if suffix == ".png":
        if not raw.startswith(b"\x89PNG\r\n\x1a\n"):
            problems.add(rel, None, "dit is geen PNG-afbeelding", "sla de afbeelding opnieuw op als PNG of SVG")
            return None
        return raw
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.add(rel, line_of_offset(raw, exc.start), "SVG is geen geldige UTF-8-tekst", "sla de SVG opnieuw op (UTF-8)")
        return None
    if "<svg" not in text.lower():
        problems.add(rel, 1, "dit is geen SVG-afbeelding", "sla de afbeelding opnieuw op als SVG of PNG")
        return None
    for pattern, what in _SVG_REFUSED:
        match = pattern.search(text)
        if match:
            problems.add(
                rel, line_of_offset(text, match.start()),
                f"SVG bevat {what}; dat is niet toegestaan op de site",
                "exporteer het logo opnieuw als eenvoudige SVG (zonder scripts en koppelingen) of als PNG",
            )
            return None
    return raw
