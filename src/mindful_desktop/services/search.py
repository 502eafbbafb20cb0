"""Search over everything the person wrote, newest first, paged inside FTS5.

Each `search_index` rowid carries its item's day (migration 0010):
(julian day << 40) | (kind << 37) | id. So FTS5 itself walks the hits from the newest day and
stops after a page (`ORDER BY rowid DESC LIMIT`), making the excerpts in the same pass, as a
bare FTS5 query would: the cost follows the page, not the years of hits behind it. Within a
day the rowid orders by kind and id, not by the moment, so the page is finished with the
rest of its last day's hits and ordered exactly as the timeline orders (day, moment, kind,
id) once its rows are loaded.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence

from mindful_desktop.services.timeline import (
    INDEX_KINDS,
    ItemKey,
    Read,
    TimelineItem,
    load_items,
)

MAX_QUERY_TERMS = 24
DAY_SHIFT, KIND_SHIFT = 40, 37
_ID_MASK = (1 << KIND_SHIFT) - 1
_NEWEST = (1 << 63) - 1  # above every rowid
# A reflection is indexed under the local day it was written on by the time zone of that
# moment; read in another zone its day can differ by up to two (UTC-12 against UTC+14). The
# page's day bounds widen by this much, so a reflection is never skipped or shown twice.
_DRIFT_DAYS = 2
# date.toordinal() + this = SQLite's CAST(julianday(date) AS INTEGER)
_JULIAN_OFFSET = 1721424

# snippet() wraps matches in these; they are swapped for <b> only after the text is escaped.
_OPEN, _CLOSE = "\x02", "\x03"
_SNIPPET_TOKENS = 14


def index_rowid(day: dt.date, kind: int, id_: int) -> int:
    """The `search_index` rowid of an item: its day, then its kind and id."""
    return ((day.toordinal() + _JULIAN_OFFSET) << DAY_SHIFT) | (kind << KIND_SHIFT) | id_


def decode_rowid(rowid: int) -> ItemKey:
    """The (kind number, id) a `search_index` rowid stands for."""
    return ((rowid >> KIND_SHIFT) & 7, rowid & _ID_MASK)


def _day_floor(day_number: int) -> int:
    """The lowest rowid of a day (by julian day number)."""
    return day_number << DAY_SHIFT


def snippet_html(raw: str) -> str:
    """FTS5 snippet text (user words + markers) as safe HTML: escaped, matches in <b>."""
    flat = " ".join(raw.split())
    escaped = html.escape(flat, quote=False)
    return escaped.replace(_OPEN, "<b>").replace(_CLOSE, "</b>")


def match_expression(query: str) -> str:
    """The user's words as an FTS5 query that cannot be a syntax error.

    Every word is quoted (so - " * ( ) : ^ AND OR NOT NEAR are just text), the words must all
    appear, and the last one matches as a prefix while it is still being typed.
    """
    printable = "".join(ch if ch.isprintable() else " " for ch in query)
    words = printable.split()[:MAX_QUERY_TERMS]
    if not words:
        return ""
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    if not printable[-1].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


# The hits in a range of rowids, newest first, each with the excerpt of its body (LIMIT -1:
# all of them).
_HITS = (
    "SELECT rowid, snippet(search_index, 1, :open, :close, '…', :tokens) FROM search_index "
    "WHERE search_index MATCH :q AND rowid >= :low AND rowid < :high "
    "ORDER BY rowid DESC LIMIT :limit"
)
# The best column's excerpt (a title's) for hits whose body lacks the words. `+rowid`: one
# pass over the matches, not a fresh MATCH for every rowid; the rowids as one JSON array, so
# the statement's text is the same for every page.
_ELSEWHERE = (
    "SELECT rowid, snippet(search_index, -1, :open, :close, '…', :tokens) "
    "FROM search_index WHERE search_index MATCH :q "
    "AND +rowid IN (SELECT value FROM json_each(:rowids)) "
    "AND rowid BETWEEN :lowest AND :highest"
)


def _order(item: TimelineItem) -> tuple[dt.date, dt.datetime, int, int]:
    """The timeline's order (day, moment, kind, id); moments compare as instants."""
    return (item.day, item.moment, INDEX_KINDS[item.kind], item.id)


def search_items(
    read: Read, match: str, limit: int, before: TimelineItem | None = None
) -> list[TimelineItem]:
    """The newest `limit` items `match` finds (after `before` when given), with excerpts."""
    if limit <= 0 or not match:
        return []
    params: dict[str, object] = {
        "q": match,
        "open": _OPEN,
        "close": _CLOSE,
        "tokens": _SNIPPET_TOKENS,
    }

    def hits(low: int, high: int, limit: int = -1) -> list[tuple[int, str]]:
        rows = read(_HITS, {**params, "low": low, "high": high, "limit": limit})
        return [(int(rowid), str(raw or "")) for rowid, raw in rows]

    found: list[tuple[int, str]] = []
    high = _NEWEST
    if before is not None:
        # The days around the last item shown: some of their hits come after it, some were
        # shown already; which is which needs their moments, so all are loaded and compared.
        day = before.day.toordinal() + _JULIAN_OFFSET
        high = _day_floor(day - _DRIFT_DAYS)
        found += hits(high, _day_floor(day + _DRIFT_DAYS + 1))
    page = hits(0, high, limit)  # every one of these comes after `before`
    found += page
    if len(page) == limit:
        # The rest of the last day (and the days a reflection's day might drift by): an item
        # there may stand above some of the page once moments are compared.
        last = page[-1][0]
        found += hits(_day_floor((last >> DAY_SHIFT) - 2 * _DRIFT_DAYS), last)
    excerpts = _excerpts(read, params, found)
    items = load_items(read, list(excerpts), excerpts)
    if before is not None:
        shown = _order(before)
        items = [item for item in items if _order(item) < shown]
    items.sort(key=_order, reverse=True)
    return items[:limit]


def _excerpts(
    read: Read, params: dict[str, object], found: Sequence[tuple[int, str]]
) -> dict[ItemKey, str]:
    """Each hit's excerpt as HTML: its body's, or the best column's when the words are only in
    its title."""
    raw = dict(found)
    elsewhere = [rowid for rowid, text in found if _OPEN not in text]
    if elsewhere:
        rows = read(
            _ELSEWHERE,
            {
                **params,
                "rowids": json.dumps(elsewhere),
                "lowest": min(elsewhere),
                "highest": max(elsewhere),
            },
        )
        raw.update((int(rowid), str(text or "")) for rowid, text in rows)
    return {decode_rowid(rowid): snippet_html(text) for rowid, text in raw.items()}
