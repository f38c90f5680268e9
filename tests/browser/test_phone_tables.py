"""Tables on a phone (390 px): a table wider than the screen scrolls inside its own box and
shows that it does: its first column stays in place and a shadow marks the cut-off edge."""

from __future__ import annotations

from pagecheck import PHONE

PAGES = ("2023-q2/financiele-verantwoording/", "2023-q2/maatregelen/", "2023-q2/kpi/wachttijden/", "")

# Per table wider than its column: is it in a scroll box, the cue, and is the first column
# still in view after scrolling the box to its end.
TABLES_JS = """
() => [...document.querySelectorAll('article table')].filter(t => t.getBoundingClientRect().width > 0).map(t => {
  const wrap = t.closest('.rp-table-wrap');
  const box = wrap || t.parentElement;
  const wide = t.scrollWidth > box.clientWidth + 1;
  const out = {caption: (t.caption ? t.caption.textContent : t.rows[0].textContent).trim().slice(0, 60), wide, wrapped: !!wrap};
  if (!wide || !wrap) return out;
  out.cue = getComputedStyle(wrap).backgroundImage.includes('radial-gradient');
  const first = t.rows[t.rows.length - 1].cells[0];
  out.sticky = getComputedStyle(first).position === 'sticky';
  wrap.scrollLeft = wrap.scrollWidth;
  out.firstInView = first.getBoundingClientRect().left >= wrap.getBoundingClientRect().left - 1;
  wrap.scrollLeft = 0;
  return out;
})
"""


def test_wide_tables_on_a_phone_scroll_with_a_fixed_first_column_and_a_cue(page_factory, site_url: str) -> None:
    page = page_factory(PHONE)
    wide = []
    for rel in PAGES:
        page.goto(site_url + rel, wait_until="load")
        tables = page.evaluate(TABLES_JS)
        assert tables, rel
        for t in tables:
            if t["wide"]:
                wide.append((rel, t))
    assert wide, "at 390 px the financial and measures tables are wider than the screen"
    assert [(rel, t["caption"]) for rel, t in wide if not t["wrapped"]] == []
    assert [(rel, t["caption"]) for rel, t in wide if not (t["cue"] and t["sticky"])] == []
    # Known gap (issue 18): in the measures matrix the first column does not stay in view
    # when scrolled to the end (its pillar rows span all columns); every other table's does.
    lost = [(rel, t["caption"]) for rel, t in wide if not t["firstInView"]]
    assert lost == [("2023-q2/maatregelen/", "Status per maatregel, Q2 2023")]
