"""rapportage: reports-as-code for the Dutch social domain.

The package is a pipeline; each subpackage is one stage:

    load     files on disk -> plain data with line positions
    model    plain data -> validated schema (Dutch keys, English fields)
    compute  validated schema + figures -> derived figures (status, deviation, ...)
    render   computed views -> Markdown/HTML pages (Jinja)
    site     pages -> static site (the MkDocs adapter) and the atomic output swap
"""

__version__ = "0.1.0"
