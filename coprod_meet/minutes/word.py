"""Minutes as a Word document (.docx) with real heading and list styles.

Headings use Word's "Heading 1" to "Heading 3" (so the navigation pane and screen readers
find them), lists use "List Bullet", tables have a caption, a header row that repeats on each
page, and the language is set to English (UK). Easy read uses 16pt text and wide spacing.
Characters that XML cannot hold are dropped, so no text can break the file. The file starts from
``word_template.docx`` (python-docx's default template, trimmed: see ``word_template.py``).
"""

from __future__ import annotations

import io
import re
from datetime import datetime

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

from coprod_meet.minutes.document import Bullets, Document, Heading, Paragraph, Table, escape_markup
from coprod_meet.minutes.word_template import TEMPLATE_PATH

# Everything XML 1.0 does not allow: C0 controls but tab/newline/CR, surrogates, U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_STAMP = datetime(2000, 1, 1)


def xml_escape(text: str) -> str:
    # Not xml.sax.saxutils: that one imports urllib and e-mail parsing (60 ms).
    return escape_markup(text, quote=False)


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", " ".join(text.split()))


def _set_language(style, lang: str) -> None:
    rpr = style.element.get_or_add_rPr()
    found = rpr.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        rpr.append(found)
    found.set(qn("w:val"), lang)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    trpr.append(mark)


def render_docx(document: Document) -> bytes:
    doc = new_docx(str(TEMPLATE_PATH))  # python-docx's default template, without the styles we never use
    props = doc.core_properties
    props.title = xml_safe(document.title)
    props.language = document.lang
    props.author = "coprod-meet"
    props.comments = f"Minutes, {document.copy_words}."
    stamp = document.made_at or _STAMP
    props.created = stamp
    props.modified = stamp
    props.last_modified_by = "coprod-meet"
    props.revision = 1

    size = Pt(16) if document.easy_read else Pt(12)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = size
    normal.font.color.rgb = RGBColor(0, 0, 0)
    normal.paragraph_format.line_spacing = 1.5 if document.easy_read else 1.15
    normal.paragraph_format.space_after = Pt(12 if document.easy_read else 6)
    _set_language(normal, document.lang)
    for level, points in ((1, 26), (2, 20), (3, 17)):
        style = doc.styles[f"Heading {level}"]
        style.font.size = Pt(points + (4 if document.easy_read else 0))
        style.font.color.rgb = RGBColor(0x00, 0x45, 0x7C)  # 10:1 on white
        style.font.name = "Arial"
    bullet = doc.styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(8 if document.easy_read else 4)

    # Style ids looked up once: python-docx looks a style name up slowly on every paragraph.
    ids = {name: doc.styles[name].style_id for name in ("Heading 1", "Heading 2", "Heading 3", "List Bullet",
                                                         "Caption")}

    body = doc.element.body
    end = body.sectPr  # the section settings stay last in the body

    pending: list[str] = []

    def add(text: str, style: str = "") -> None:
        # Paragraphs are written as XML and parsed in one go (see flush): python-docx's
        # paragraph objects cost about 1 ms each.
        style_xml = f'<w:pPr><w:pStyle w:val="{ids[style]}"/></w:pPr>' if style else ""
        run = f'<w:r><w:t xml:space="preserve">{xml_escape(xml_safe(text))}</w:t></w:r>' if text.strip() else ""
        pending.append(f"<w:p>{style_xml}{run}</w:p>")

    def flush() -> None:
        if pending:
            for paragraph in list(parse_xml(f"<w:body {nsdecls('w')}>{''.join(pending)}</w:body>")):
                end.addprevious(paragraph)
            pending.clear()

    add(document.title, "Heading 1")
    for block in document.blocks:
        if isinstance(block, Heading):
            add(block.text, f"Heading {block.level}")
        elif isinstance(block, Paragraph):
            add(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                add(item, "List Bullet")
        elif isinstance(block, Table):
            add(block.caption, "Caption")
            flush()
            table = doc.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.LEFT
            header = table.rows[0]
            _repeat_header(header)
            for cell, text in zip(header.cells, block.headers):
                cell.text = xml_safe(text)
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = xml_safe(text)
    flush()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
