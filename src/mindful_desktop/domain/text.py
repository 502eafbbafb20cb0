"""Text a person typed or pasted, made safe to store and to write out: half a character (a lone
surrogate, from a bad paste or a broken file name) becomes U+FFFD instead of crashing a save or
an export. One place, applied where text reaches the database and where it leaves in an export.
"""

from __future__ import annotations

from typing import Any

REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """`text` with every lone surrogate replaced; valid pairs are joined into their character."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def clean_value(value: Any) -> Any:
    """`clean_text` through a JSON-like value (strings, lists, tuples, dicts)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return type(value)(clean_value(v) for v in value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    return value
