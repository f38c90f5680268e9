"""Stage 7 (optional): one PDF per edition for the council information system.

The print document is rendered from the same edition views as the site
(`generator.render.print_document`) and printed offline by headless Chromium.
"""
