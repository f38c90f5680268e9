"""Stage 6: pages -> static site. All MkDocs specifics live in `mkdocs_adapter`."""
