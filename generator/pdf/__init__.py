"""Stage 7 (optional): one PDF per edition for the council information system.

The edition's own site pages (every edition page kind) are turned into one Typst
document (`typst_document.py`, `typst_markup.py`) and compiled to PDF/A-2a + PDF/UA-1
by Typst (`typst_writer.py`): no browser. See docs/dev/pdf.md.
"""
