"""The small pieces of HTML every section of the report is made of: escaped text, headings,
paragraphs and ruled tables whose header repeats on each page."""

from __future__ import annotations

import html

from mindful_desktop.report.charts import MUTED


def e(text: str) -> str:
    return html.escape(text, quote=False)


def paragraphs(text: str) -> str:
    return "<br>".join(e(line) for line in text.splitlines())


_TABLE = (
    '<table width="100%" cellspacing="0" cellpadding="3" '
    'style="border-collapse: collapse; border: 1px solid #9aa1ab;">'
)


def table(header: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    """A ruled table whose header row is repeated on each page it runs onto."""
    sizes = widths or [0] * len(header)
    head = "".join(
        '<th align="left"'
        + (f' width="{w}%"' if w else "")
        + f' style="background-color: #eef0f3; border: 1px solid #9aa1ab;">{h}</th>'
        for h, w in zip(header, sizes, strict=True)
    )
    body = "".join(
        "<tr>"
        + "".join(f'<td style="border: 1px solid #9aa1ab;">{cell}</td>' for cell in row)
        + "</tr>"
        for row in rows
    )
    return f"{_TABLE}<thead><tr>{head}</tr></thead>{body}</table>"


def h2(text: str) -> str:
    return f'<h2 style="font-size: 13pt; margin-top: 14px;">{e(text)}</h2>'


def p(text_html: str, muted: bool = False) -> str:
    colour = f' style="color: {MUTED.name()};"' if muted else ""
    return f"<p{colour}>{text_html}</p>"
