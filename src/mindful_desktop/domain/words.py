"""Counting in words: "1 minute", "2 minutes", "1 entry", "3 entries"."""

from __future__ import annotations


def plural(n: float, one: str, many: str | None = None) -> str:
    """The word for `n` of a thing: `one` for exactly 1, else `many` (default `one` + "s")."""
    if n == 1:
        return one
    return many if many is not None else f"{one}s"


def count(n: float, one: str, many: str | None = None) -> str:
    """`n` and its word: "1 session", "1,234 minutes", "1.5 minutes" (whole numbers get
    thousands separators; a fraction keeps one decimal, "1.0" reads "1")."""
    if isinstance(n, int) or float(n).is_integer():
        number = f"{int(n):,}"
        n = int(n)
    else:
        number = f"{n:,.1f}".removesuffix(".0")
    return f"{number} {plural(n, one, many)}"


def humane(ident: str) -> str:
    """An id as words: 'body-scan' -> 'Body scan'."""
    text = ident.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:]
