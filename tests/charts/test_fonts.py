"""vl-convert measures chart text with its bundled Liberation Sans (generator/charts/fonts.py).

Each case runs in a fresh process: vl-convert reads its font list once per process, so
only a process that has drawn nothing yet shows what the first drawing does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SYSTEM_LIBERATION = sorted(Path("/usr/share/fonts").rglob("LiberationSans-Regular.ttf")) if Path("/usr/share/fonts").is_dir() else []

_DRAW = """
import json, os, sys
sys.path[:0] = [{repo!r}, {tests!r}]
import vl_convert
import chart_samples
from generator.charts.render import LOCALE, render_svg
from generator.charts.spec import vegalite

specs = [make() for make in chart_samples.ALL] + [chart_samples.panels_long_names()]
specs += [s.model_copy(update={{"phone": True}}) for s in specs]
os.environ["FONTCONFIG_FILE"] = "/eigen/instelling.conf"  # the editor's own setting
if sys.argv[1] == "system":
    svgs = [vl_convert.vegalite_to_svg(vegalite(s), format_locale=LOCALE, time_format_locale=LOCALE) for s in specs]
else:
    svgs = [render_svg(s) for s in specs]
print(json.dumps({{"svgs": svgs, "env": os.environ.get("FONTCONFIG_FILE")}}))
"""


def _draw(how: str) -> dict:
    script = _DRAW.format(repo=str(REPO), tests=str(REPO / "tests"))
    done = subprocess.run([sys.executable, "-c", script, how], capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not SYSTEM_LIBERATION, reason="Liberation Sans is not installed on this machine (fonts-liberation2)")
def test_the_bundled_font_draws_the_same_charts_as_the_installed_one() -> None:
    system, bundled = _draw("system"), _draw("bundled")
    assert len(bundled["svgs"]) == 24
    for before, after in zip(system["svgs"], bundled["svgs"]):
        assert after == before
    # The editor's FONTCONFIG_FILE is back for everything else the process runs.
    assert bundled["env"] == "/eigen/instelling.conf"


DEJAVU = sorted(Path("/usr/share/fonts").rglob("DejaVuSans.ttf")) if Path("/usr/share/fonts").is_dir() else []


@pytest.mark.skipif(not (SYSTEM_LIBERATION and DEJAVU), reason="needs fonts-liberation2 and fonts-dejavu-core")
def test_a_character_outside_liberation_sans_measures_the_same_whatever_fonts_are_installed(tmp_path: Path) -> None:
    # An emoji or a check mark used to be measured with whatever font the machine had
    # (here: all of them, or DejaVu Sans only); now with the bundled font's missing-glyph
    # box, so machines, and a build and its pool worker, agree.
    only_dejavu = tmp_path / "dejavu"
    only_dejavu.mkdir()
    (only_dejavu / "DejaVuSans.ttf").symlink_to(DEJAVU[0])
    script = f"""
import sys, re
sys.path.insert(0, {str(REPO)!r})
from generator.charts.fonts import bundled_fonts_only
import vl_convert
if sys.argv[1] == "bundled":
    bundled_fonts_only()
spec = {{"$schema": "https://vega.github.io/schema/vega/v5.json", "width": 1, "height": 1,
  "marks": [{{"type": "text", "encode": {{"enter": {{"text": {{"value": "\\U0001F600 klaar \\u2713"}},
  "font": {{"value": "Liberation Sans, Arial, Helvetica, sans-serif"}}, "fontSize": {{"value": 13}}}}}}}}]}}
print(re.search(r'width="([0-9.]+)"', vl_convert.vega_to_svg(spec)).group(1))
"""

    def widths(how: str) -> set[str]:
        found = set()
        for folder in ("/usr/share/fonts", str(only_dejavu)):
            conf = tmp_path / f"{len(found)}-{how}.conf"
            conf.write_text(f"<?xml version='1.0'?><fontconfig><dir>{folder}</dir></fontconfig>", encoding="utf-8")
            env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FONTCONFIG_FILE": str(conf)}
            done = subprocess.run([sys.executable, "-c", script, how], capture_output=True, text=True, timeout=120, check=True, env=env)
            found.add(done.stdout.strip())
        return found

    assert len(widths("system")) == 2  # the installed fonts decided (the test can tell)
    assert len(widths("bundled")) == 1
