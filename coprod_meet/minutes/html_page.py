"""Minutes as one self-contained HTML page that meets WCAG 2.2 AA.

The page has a language, a title, one h1, headings in order, a main landmark, tables with a
caption and header cells with scope, dark text on white (about 16:1), sizes in rem so zoom
works, a large print style (choose "Large print" in the browser's page style menu) and print
styles. Easy read uses 14pt or more and generous spacing. Every piece of text is escaped as
``html.escape`` does: people's words can never make a tag, an attribute, a link or a script.
"""

from __future__ import annotations

from coprod_meet.minutes.document import Bullets, Document, Heading, Paragraph, Quote, Table
from coprod_meet.minutes.document import escape_markup as escape

TEXT = "#1a1a1a"
BACKGROUND = "#ffffff"
ACCENT = "#00457c"  # headings and borders: 10:1 on white
MUTED = "#4a4a4a"  # captions: 8.9:1 on white

_BASE_CSS = f"""
html {{ background: {BACKGROUND}; color: {TEXT}; }}
body {{ font-family: Arial, Verdana, sans-serif; font-size: 1.125rem; line-height: 1.6;
  max-width: 42em; margin: 0 auto; padding: 1rem 1.25rem 3rem; background: {BACKGROUND}; color: {TEXT}; }}
h1, h2, h3 {{ color: {ACCENT}; line-height: 1.3; }}
h1 {{ font-size: 2rem; }}
h2 {{ font-size: 1.5rem; margin-top: 2.25rem; border-bottom: 2px solid {ACCENT}; }}
h3 {{ font-size: 1.25rem; margin-top: 1.5rem; }}
p, li {{ margin: 0 0 0.75em; }}
table {{ border-collapse: collapse; margin: 1rem 0; }}
caption {{ text-align: left; font-weight: bold; color: {MUTED}; padding-bottom: 0.25rem; }}
th, td {{ border: 1px solid {ACCENT}; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }}
thead th {{ background: #e8eef5; color: {TEXT}; }}
blockquote {{ margin: 0 0 1em; padding: 0.5rem 1rem; border-left: 6px solid {ACCENT}; background: #f3f6fa; }}
@media print {{
  html, body {{ background: #ffffff; color: #000000; }}
  body {{ font-size: 12pt; max-width: none; padding: 0; }}
  h1, h2, h3 {{ color: #000000; break-after: avoid; }}
  table, li {{ break-inside: avoid; }}
}}
"""

_EASY_READ_CSS = """
body { font-size: 1.5rem; line-height: 1.8; letter-spacing: 0.02em; word-spacing: 0.08em; }
p, li { margin-bottom: 1.1em; }
h1 { font-size: 2.25rem; }
h2 { font-size: 1.875rem; }
h3 { font-size: 1.625rem; }
@media print { body { font-size: 16pt; line-height: 1.8; } }
"""

_LARGE_PRINT_CSS = """
body { font-size: 1.75rem; line-height: 1.7; max-width: 36em; }
@media print { body { font-size: 18pt; } }
"""


def render_html(document: Document) -> str:
    css = _BASE_CSS + (_EASY_READ_CSS if document.easy_read else "")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(document.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(document.title)}</title>",
        f"<style>{css}</style>",
        # Two named style sets: "Standard" is used; "Large print" is offered by the browser's
        # page style menu (View, Page Style in Firefox).
        '<style title="Standard">main { display: block; }</style>',
        f'<style title="Large print">{_LARGE_PRINT_CSS}</style>',
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(document.title)}</h1>",
    ]
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Bullets):
            parts.append("<ul>")
            parts += [f"<li>{escape(item)}</li>" for item in block.items]
            parts.append("</ul>")
        elif isinstance(block, Quote):
            parts.append(f"<blockquote><p>{escape(block.text)}</p></blockquote>")
        elif isinstance(block, Table):
            parts += ["<table>", f"<caption>{escape(block.caption)}</caption>", "<thead>", "<tr>"]
            parts += [f'<th scope="col">{escape(h)}</th>' for h in block.headers]
            parts += ["</tr>", "</thead>", "<tbody>"]
            for row in block.rows:
                cells = [f'<th scope="row">{escape(row[0])}</th>'] + [f"<td>{escape(c)}</td>" for c in row[1:]]
                parts.append("<tr>" + "".join(cells) + "</tr>")
            parts += ["</tbody>", "</table>"]
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
