"""vl-convert measures chart text with its own copy of Liberation Sans, held in memory.

Why: vl-convert 1.9 measures every text item by laying it out with usvg, and a font it
found on the system is opened and mapped from disk again for every glyph (strace: ten
thousand `openat` calls of LiberationSans-Regular.ttf for one chart of 100 labels).
The copy vl-convert bundles is in memory. Measuring with it made a chart 1.6x cheaper
(93 against 154 ms CPU on the benchmark's charts) and drew the same SVG, byte for byte,
for every chart of the example and of the benchmark (tests/charts/test_fonts.py).

How: vl-convert reads the system's font list once per process, on its first text, from
the folders fontconfig's configuration names. `bundled_fonts_only` points FONTCONFIG_FILE
at a configuration with one empty folder while that happens and then restores it, so
nothing else (Typst, Chromium) is affected. Every chart of a build is drawn with the
same fonts, whatever the machine has installed: a text with a character Liberation
Sans lacks (an emoji, Chinese) is measured as Liberation Sans' missing-glyph box,
where it used to depend on the machine's fonts. Browsers still draw it with theirs.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

_CONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{folder}</dir>
</fontconfig>
"""

# One text, so that vl-convert reads its font list now.
_FIRST_TEXT = {
    "$schema": "https://vega.github.io/schema/vega/v5.json",
    "width": 1, "height": 1,
    "marks": [{"type": "text", "encode": {"enter": {"text": {"value": "a"}}}}],
}


@lru_cache(maxsize=1)
def bundled_fonts_only() -> None:
    """Once per process, before its first chart is drawn."""
    import vl_convert

    folder = Path(tempfile.mkdtemp(prefix="rapportage-fonts-"))
    atexit.register(shutil.rmtree, folder, True)
    (folder / "leeg").mkdir()
    config = folder / "fonts.conf"
    config.write_text(_CONFIG.format(folder=escape(str(folder / "leeg"))), encoding="utf-8")
    before = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(config)
    try:
        vl_convert.vega_to_svg(_FIRST_TEXT)
    finally:
        if before is None:
            os.environ.pop("FONTCONFIG_FILE", None)
        else:
            os.environ["FONTCONFIG_FILE"] = before
