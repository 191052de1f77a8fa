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
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Pt, RGBColor

from coprod_meet.minutes.document import Bullets, Document, Heading, Paragraph, Quote, Table, escape_markup
from coprod_meet.minutes.word_template import TEMPLATE_PATH

# Everything XML 1.0 does not allow: C0 controls but tab/newline/CR, surrogates, U+FFFE, U+FFFF.
# Compiled only if some text has a character that is not printable (see xml_safe).
_NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
_STAMP = datetime(2000, 1, 1)


def xml_escape(text: str) -> str:
    # Not xml.sax.saxutils: that one imports urllib and e-mail parsing (60 ms).
    return escape_markup(text, quote=False)


def xml_safe(text: str) -> str:
    text = " ".join(text.split())
    # Printable text (letters, marks, symbols, spaces) has nothing XML cannot hold.
    return text if text.isprintable() else re.sub(_NOT_XML, "", text)


def _set_language(style, lang: str) -> None:
    rpr = style.element.get_or_add_rPr()
    found = rpr.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        rpr.append(found)
    found.set(qn("w:val"), lang)


def _cell_paragraph(text: str, bold: bool) -> str:
    """A table cell's paragraph, as python-docx's ``cell.text = text`` (and ``run.bold``) writes it."""
    text = xml_safe(text)
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    words = f"<w:t{space}>{xml_escape(text)}</w:t>" if text else ""
    return f"<w:p><w:r>{'<w:rPr><w:b/></w:rPr>' if bold else ''}{words}</w:r></w:p>"


# The style settings word_template.docx is saved with (the members' and public copies' own).
TEMPLATE_STYLES = (False, "en-GB")


def set_styles(doc, *, easy_read: bool, lang: str) -> None:
    """Arial, black text, 12pt (16pt in easy read) with room between lines, dark blue headings."""
    size = Pt(16) if easy_read else Pt(12)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = size
    normal.font.color.rgb = RGBColor(0, 0, 0)
    normal.paragraph_format.line_spacing = 1.5 if easy_read else 1.15
    normal.paragraph_format.space_after = Pt(12 if easy_read else 6)
    _set_language(normal, lang)
    for level, points in ((1, 26), (2, 20), (3, 17)):
        style = doc.styles[f"Heading {level}"]
        style.font.size = Pt(points + (4 if easy_read else 0))
        style.font.color.rgb = RGBColor(0x00, 0x45, 0x7C)  # 10:1 on white
        style.font.name = "Arial"
    bullet = doc.styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(8 if easy_read else 4)
    caption = doc.styles["Caption"]  # table captions: as large as the text (easy read: 16pt), bold
    caption.font.size = size
    caption.font.bold = True
    caption.font.color.rgb = RGBColor(0, 0, 0)
    found = caption.element.get_or_add_rPr().find(qn("w:szCs"))
    if found is not None:
        found.set(qn("w:val"), str(int(size.pt * 2)))
    readable_colours(doc)


def contrast_on_white(hex_colour: str) -> float:
    """The WCAG contrast ratio of a colour ("4F81BD") on white."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)


def readable_colours(doc) -> None:
    """Every text colour in the styles at least 4.5:1 on white: a colour below that becomes the
    headings' dark blue, and theme colours (which Word would use instead) are taken off."""
    for colour in doc.styles.element.iter(qn("w:color")):
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            colour.attrib.pop(qn(attr), None)
        value = colour.get(qn("w:val"), "auto")
        if value != "auto" and contrast_on_white(value) < 4.5:
            colour.set(qn("w:val"), "00457C")


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

    if (document.easy_read, document.lang) != TEMPLATE_STYLES:  # the template has the usual ones already
        set_styles(doc, easy_read=document.easy_read, lang=document.lang)

    # Style ids looked up once: python-docx looks a style name up slowly on every paragraph.
    ids = {name: doc.styles[name].style_id for name in ("Heading 1", "Heading 2", "Heading 3", "List Bullet",
                                                         "Caption", "Table Grid")}
    section = doc.sections[-1]
    text_width = section.page_width - section.left_margin - section.right_margin

    body = doc.element.body
    end = body.sectPr  # the section settings stay last in the body

    pending: list[str] = []

    def add(text: str, style: str = "", boxed: bool = False) -> None:
        # Paragraphs are written as XML and parsed in one go (see flush): python-docx's
        # paragraph objects cost about 1 ms each. ``boxed``: someone's own words, set in with a
        # dark blue line down the left.
        style_xml = f'<w:pPr><w:pStyle w:val="{ids[style]}"/></w:pPr>' if style else ""
        if boxed:
            style_xml = ('<w:pPr><w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="00457C"/>'
                         '</w:pBdr><w:ind w:left="567"/></w:pPr>')
        run = f'<w:r><w:t xml:space="preserve">{xml_escape(xml_safe(text))}</w:t></w:r>' if text.strip() else ""
        pending.append(f"<w:p>{style_xml}{run}</w:p>")

    def add_table(table: Table) -> None:
        # As python-docx's add_table, add_row and cell.text make it (widths shared evenly, as
        # twips), with a bold header row that repeats on each page, written as XML like the
        # paragraphs: python-docx's table objects took longer than all the paragraphs together.
        width = Emu(text_width // len(table.headers)).twips if table.headers else 0
        pending.append(f'<w:tbl><w:tblPr><w:tblStyle w:val="{ids["Table Grid"]}"/><w:tblW w:type="auto" w:w="0"/>'
                       '<w:jc w:val="left"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" '
                       'w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>'
                       + f'<w:gridCol w:w="{width}"/>' * len(table.headers) + "</w:tblGrid>")
        cell = f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>'
        for cells, header in [(table.headers, True), *((row, False) for row in table.rows)]:
            pending.append('<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else "<w:tr>")
            for n in range(len(table.headers)):
                pending.append(cell + (_cell_paragraph(cells[n], header) if n < len(cells) else "<w:p/>") + "</w:tc>")
            pending.append("</w:tr>")
        pending.append("</w:tbl>")

    def flush() -> None:
        for element in list(parse_xml(f"<w:body {nsdecls('w')}>{''.join(pending)}</w:body>")):
            end.addprevious(element)

    add(document.title, "Heading 1")
    for block in document.blocks:
        if isinstance(block, Heading):
            add(block.text, f"Heading {block.level}")
        elif isinstance(block, Paragraph):
            add(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                add(item, "List Bullet")
        elif isinstance(block, Quote):
            add(block.text, boxed=True)
        elif isinstance(block, Table):
            add(block.caption, "Caption")
            add_table(block)
    flush()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
