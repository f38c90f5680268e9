"""Stage 5: computed views -> pages (Markdown with embedded HTML), engine-neutral."""
