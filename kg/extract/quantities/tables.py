"""Indicator tables (placeholder until the table reader lands)."""

from __future__ import annotations


class TableReader:
    def __call__(self, a, reader) -> None:
        return None
