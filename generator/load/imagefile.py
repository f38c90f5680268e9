"""Images an editor adds (the logo): a real PNG, or an SVG without anything active.

An SVG is a document: opened on its own (the logo's address), a script in it runs on
the site's origin. The site is also never to fetch anything from another host. So an
SVG is parsed as XML and rebuilt from an allow-list (generator/load/svg_sanitise.py):
scripts, event handlers, embedded HTML, entity declarations and references to other
files are refused with their line, and the rebuilt bytes are what the site publishes.
"""

from __future__ import annotations

from pathlib import Path

from generator.load.files import line_of_offset, read_project_file
from generator.core.problems import Problems
from generator.load.svg_sanitise import sanitise_svg

MAX_IMAGE_BYTES = 1024 * 1024
IMAGE_SUFFIXES = (".svg", ".png")

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
    return sanitise_svg(raw, rel, problems)
