"""Leaf core: problems, periods, numbers, Dutch formatting, targets, the Markdown sanitiser, the vocabulary. Imports nothing else of generator/."""
