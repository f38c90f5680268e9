"""Refusals of the edition writers: `publish` and `new-period` changed nothing, and say why."""

from __future__ import annotations


class Refused(Exception):
    """A Dutch message for the editor, and a hint on what to do instead."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
