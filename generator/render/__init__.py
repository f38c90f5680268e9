"""Stage 5: computed views -> engine-neutral pages (render/model.py).

  model.py          Page, Address, NavPlace, NavItem, RenderedSite: what a site engine gets
  environment.py    the sandboxed Jinja environment and template lookup
  renderer.py       Renderer (one template for one page) and PageMemo (serve's memo)
  chart_blocks.py   ChartBook: chart HTML blocks, all charts of a build drawn at once
  pages/            one module per page kind; pages/registry.py lists them in site order
  site.py           render_site: every kind of the registry, frozen editions from cache.py
"""
