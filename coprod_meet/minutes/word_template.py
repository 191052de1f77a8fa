"""The Word file minutes are written on: python-docx's own default template, trimmed.

python-docx's default template defines 164 styles (438 KB of ``styles.xml``, and a copy of them
in ``stylesWithEffects.xml``), a thumbnail picture of an empty page and a bibliography part.
Opening it and writing it out again took about half the time of a Word export, for styles the
minutes never use. ``word_template.docx`` is the same template with only:

- the styles the minutes use ("Normal", "Heading 1" to "Heading 3", "List Bullet", "Caption",
  "Table Grid"), the styles they are based on or linked to, and the defaults every document
  needs (Word adds any other built-in style, from the list of latent styles kept here, when
  someone uses it);
- no ``stylesWithEffects.xml`` (Word 2010 writes it again when it saves; other programs ignore
  it), no thumbnail and no bibliography part;
- the style settings of the usual copies already made (``word.set_styles``: Arial, 12pt, dark
  blue headings, English (UK)), so only easy read changes styles when it is written.

Every other part (page size, fonts, theme, numbering for "List Bullet", settings) is the default
template's own. After a python-docx upgrade or a change to ``set_styles``, make it again with
``python -m coprod_meet.minutes.word_template``; a test checks that the shipped file is what this
makes.
"""

from __future__ import annotations

import io
from pathlib import Path

TEMPLATE_PATH = Path(__file__).with_name("word_template.docx")

# The style names the minutes use, as python-docx names them (Word's UI names).
USED_STYLES = ("Normal", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Caption", "Table Grid")
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def make_template() -> bytes:
    """The trimmed template, as the bytes of a .docx file."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    doc = Document()  # python-docx's default template
    styles = doc.styles.element
    by_id = {style.styleId: style for style in styles.style_lst}
    wanted = [doc.styles[name].style_id for name in USED_STYLES]
    wanted += [style.styleId for style in styles.style_lst if style.get(qn("w:default")) == "1"]
    keep: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        if style_id in keep or style_id not in by_id:
            continue
        keep.add(style_id)
        for tag in ("w:basedOn", "w:next", "w:link"):
            found = by_id[style_id].find(qn(tag))
            if found is not None:
                wanted.append(found.get(qn("w:val")))
    for style in styles.style_lst:
        if style.styleId not in keep:
            styles.remove(style)
    for rels, dropped in ((doc.part.rels, {RT.CUSTOM_XML, _STYLES_WITH_EFFECTS}),
                          (doc.part.package.rels, {RT.THUMBNAIL})):
        for rel_id in [rel_id for rel_id, rel in rels.items() if rel.reltype in dropped]:
            del rels[rel_id]
    from coprod_meet.minutes.word import TEMPLATE_STYLES, set_styles

    easy_read, lang = TEMPLATE_STYLES
    set_styles(doc, easy_read=easy_read, lang=lang)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


if __name__ == "__main__":
    TEMPLATE_PATH.write_bytes(make_template())
    print(f"Wrote {TEMPLATE_PATH}.")
