"""Stage 1: read files from disk into plain Python data that remembers line numbers."""
