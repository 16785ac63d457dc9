"""Word documents (.docx): one note each, its text as faithful Markdown.

The fixtures are built part by part in the shapes Word 365 writes (rsid attributes,
runs split mid-word by spelling marks and revisions, bookmarks, smart tags, hyperlinks
by relationship id, legacy HYPERLINK field codes, numbering.xml lists, footnotes,
comments) and Google Docs writes (every run formatted directly, ``w:val="1"``/``"0"``).
"""

# ruff: noqa: E501 - the fixtures keep the elements on the lines Word writes them

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.docx import read_docx
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
)
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NAMESPACES}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/>
<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="PaperHeading"><w:name w:val="Paper heading"/>
<w:basedOn w:val="berschrift2"/></w:style>
<w:style w:type="paragraph" w:styleId="Bibliography"><w:name w:val="Bibliography"/>
<w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>
<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
</w:styles>"""
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NAMESPACES}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/>
<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {NAMESPACES}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>
<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> Shannon (1948), known to me second-hand.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
ENDNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:endnotes {NAMESPACES}>
<w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Read in 2023.</w:t></w:r></w:p></w:endnote>
</w:endnotes>"""
COMMENTS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments {NAMESPACES}><w:comment w:id="0" w:author="Dr Rossi" w:initials="DR">
<w:p><w:r><w:t>Cite the 2011 paper properly, see Smith 2020.</w:t></w:r></w:p></w:comment></w:comments>"""
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Template</dc:title>'
    "<cp:keywords>efficiency; linguistics</cp:keywords></cp:coreProperties>"
)
LINKS = {
    "rId8": "https://doi.org/10.1073/pnas.1012551108",
    "rId9": "https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0008559",
}


def _document_rels(links: dict[str, str]) -> str:
    parts = "".join(
        f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"/>'
        for rid, kind, target in (
            ("rId1", "styles", "styles.xml"),
            ("rId2", "numbering", "numbering.xml"),
            ("rId3", "footnotes", "footnotes.xml"),
            ("rId4", "endnotes", "endnotes.xml"),
            ("rId5", "comments", "comments.xml"),
            ("rId6", "image", "media/image1.png"),
        )
    )
    parts += "".join(
        f'<Relationship Id="{rid}" Type="{REL}/hyperlink" Target="{target.replace("&", "&amp;")}" '
        'TargetMode="External"/>'
        for rid, target in links.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{parts}'
        "</Relationships>"
    )


def _docx(folder: Path, name: str, body: str, links: dict[str, str] | None = None) -> Path:
    path = folder / name
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NAMESPACES}><w:body>{body}"
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", _document_rels(links or LINKS))
        archive.writestr("word/styles.xml", STYLES)
        archive.writestr("word/numbering.xml", NUMBERING)
        archive.writestr("word/footnotes.xml", FOOTNOTES)
        archive.writestr("word/endnotes.xml", ENDNOTES)
        archive.writestr("word/comments.xml", COMMENTS)
        archive.writestr("word/media/image1.png", b"\x89PNG\r\n\x1a\n")
        archive.writestr("docProps/core.xml", CORE)
    return path


def _p(content: str, style: str = "", number: tuple[int, int] | None = None) -> str:
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if number:
        properties += (
            f'<w:numPr><w:ilvl w:val="{number[1]}"/><w:numId w:val="{number[0]}"/></w:numPr>'
        )
    head = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">{head}{content}</w:p>'


def _r(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r w:rsidRPr="00D4E5F6">{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _markdown(path: Path) -> str:
    """The note's Markdown after its front matter (the fixtures' keywords)."""
    [(_, text)] = read_docx(path)
    return text.split("---\n", 2)[2] if text.startswith("---\n") else text


# Word's APA entry: the title split by a spelling mark and a revision, the journal and
# volume italic in runs of their own, the DOI a hyperlink by relationship id.
PIANTADOSI = _p(
    _r("Piantadosi, S. T., Tily, H., &amp; Gibson, E. (2011). Word lengths are opti")
    + '<w:proofErr w:type="spellStart"/>'
    + _r("mized")
    + '<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="3" w:name="_Hlk1"/>'
    + _r(" for efficient communication. ")
    + '<w:bookmarkEnd w:id="3"/>'
    + _r("Proceedings of the National Academy of Sciences", "<w:i/><w:iCs/>")
    + _r(", ", "<w:i/>")
    + _r("108", "<w:i/>")
    + _r("(9), 3526–3529. ")
    + '<w:hyperlink r:id="rId8" w:history="1">'
    + _r("https://doi.org/10.1073/pnas", '<w:rStyle w:val="Hyperlink"/>')
    + _r(".1012551108", '<w:rStyle w:val="Hyperlink"/>')
    + "</w:hyperlink>",
    style="Bibliography",
)
# A link Word 2003 wrote as a field: begin, instruction, separate, the text shown, end.
REGIER = _p(
    _r("Regier, T., Kay, P., &amp; Khetarpal, N. (2007). Color nam")
    + '<w:proofErr w:type="gramStart"/>'
    + _r("ing reflects optimal partitions of color space. ")
    + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    + '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.pnas.org/doi/</w:instrText></w:r>'
    + '<w:r><w:instrText xml:space="preserve">10.1073/pnas.0610341104" \\o "PNAS" </w:instrText></w:r>'
    + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    + _r("PNAS 104(4)", '<w:rStyle w:val="Hyperlink"/>')
    + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)


def test_runs_split_mid_word_are_joined_and_italic_runs_stay_one_emphasis(tmp_path: Path) -> None:
    text = _markdown(_docx(tmp_path, "bib.docx", PIANTADOSI))
    assert text == (
        "Piantadosi, S. T., Tily, H., & Gibson, E. (2011). Word lengths are optimized for "
        "efficient communication. *Proceedings of the National Academy of Sciences, 108*"
        "(9), 3526–3529. https://doi.org/10.1073/pnas.1012551108\n"
    )


def test_a_hyperlink_by_relationship_id_becomes_a_markdown_link_around_its_text(
    tmp_path: Path,
) -> None:
    body = _p(
        _r("Lupyan &amp; Dale (2010), PLoS ONE: ")
        + '<w:hyperlink r:id="rId9"><w:r><w:t>journals.plos.org</w:t></w:r></w:hyperlink>'
        + _r(" and a ")
        + '<w:hyperlink w:anchor="_Toc1"><w:r><w:t>link inside the document</w:t></w:r></w:hyperlink>'
    )
    text = _markdown(_docx(tmp_path, "links.docx", body))
    assert text == (
        "Lupyan & Dale (2010), PLoS ONE: [journals.plos.org](https://journals.plos.org/plosone/"
        "article?id=10.1371/journal.pone.0008559) and a link inside the document\n"
    )


def test_a_hyperlink_field_code_links_the_text_it_shows(tmp_path: Path) -> None:
    simple = _p(
        '<w:fldSimple w:instr=" HYPERLINK &quot;https://doi.org/10.1126/science.1218811&quot; ">'
        + _r("Kemp &amp; Regier 2012")
        + "</w:fldSimple>"
    )
    text = _markdown(_docx(tmp_path, "fields.docx", REGIER + simple))
    assert text == (
        "Regier, T., Kay, P., & Khetarpal, N. (2007). Color naming reflects optimal partitions "
        "of color space. [PNAS 104(4)](https://www.pnas.org/doi/10.1073/pnas.0610341104)\n\n"
        "[Kemp & Regier 2012](https://doi.org/10.1126/science.1218811)\n"
    )


def test_a_citation_managers_field_shows_its_citation_not_its_instruction(tmp_path: Path) -> None:
    zotero = _p(
        _r("As argued before ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM CSL_CITATION '
        + '{"citationItems":[{"id":12}]} </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r("(Gibson et al., 2019)")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + _r(".")
    )
    assert _markdown(_docx(tmp_path, "zotero.docx", zotero)) == (
        "As argued before (Gibson et al., 2019).\n"
    )


def test_heading_styles_become_headings_under_the_documents_title(tmp_path: Path) -> None:
    body = (
        _p(
            _r("Efficiency in Language: ") + _r("Annotated", "<w:i/>") + _r(" Bibliography"),
            "Title",
        )
        + _p(_r("Dana Whitcombe, draft 3"), "Subtitle")
        + _p(_r("Annotated entries"), "Heading1")
        + _p(_r("1. The lexicon"), "berschrift2")
        + _p(_r("Piantadosi 2011"), "PaperHeading")
        + _p(_r("A paragraph set as a heading by hand"), number=None).replace("<w:pPr></w:pPr>", "")
        + '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr>'
        + _r("Outline level one")
        + "</w:p>"
    )
    assert _markdown(_docx(tmp_path, "headings.docx", body)) == (
        "# Efficiency in Language: Annotated Bibliography\n\n"
        "Dana Whitcombe, draft 3\n\n"
        "## Annotated entries\n\n"
        "### 1. The lexicon\n\n"
        "### Piantadosi 2011\n\n"
        "A paragraph set as a heading by hand\n\n"
        "## Outline level one\n"
    )


def test_numbered_and_bulleted_lists_become_markdown_lists(tmp_path: Path) -> None:
    body = (
        _p(_r("Not annotated:"))
        + _p(_r("Hale (2001) – to read"), "ListParagraph", (1, 0))
        + _p(_r("Mollica et al. (2021)"), "ListParagraph", (1, 0))
        + _p(_r("a sub-point"), "ListParagraph", (1, 1))
        + _p(_r("From a list style"), "ListBullet")
        + _p(_r("Steps:"))
        + _p(_r("replicate"), "ListParagraph", (2, 0))
        + _p(_r("with a twist"), "ListParagraph", (2, 1))
        + _p(_r("write up"), "ListParagraph", (2, 0))
        + _p(_r("A new list, numbered from one again"), "ListParagraph", (3, 0))
    )
    assert _markdown(_docx(tmp_path, "lists.docx", body)) == (
        "Not annotated:\n\n"
        "- Hale (2001) – to read\n"
        "- Mollica et al. (2021)\n"
        "    - a sub-point\n"
        "- From a list style\n\n"
        "Steps:\n\n"
        "1. replicate\n"
        "    - a) with a twist\n"
        "2. write up\n"
        "1. A new list, numbered from one again\n"
    )


def _cell(content: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{content}</w:tc>"


def test_a_table_becomes_a_pipe_table_whose_first_row_is_its_header(tmp_path: Path) -> None:
    header = "".join(_cell(_p(_r(t, "<w:b/>")))
                     for t in ("Reading", "Main claim"))  # fmt: skip
    first = _cell(
        _p(_r("Levy, R. (2008). Expectation-based syntactic comprehension."))
        + _p(_r("10.1016/j.cognition.2007.05.006"))
    ) + _cell(_p(_r("Surprisal | KL divergence")))
    spanning = _cell(_p(_r("Logistics: room 1.17")), '<w:gridSpan w:val="2"/>')
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>'
        f"<w:tr>{header}</w:tr><w:tr>{first}</w:tr><w:tr>{spanning}</w:tr></w:tbl>"
    )
    assert _markdown(_docx(tmp_path, "table.docx", _p(_r("Week 5")) + table)) == (
        "Week 5\n\n"
        "| Reading | Main claim |\n"
        "| --- | --- |\n"
        "| Levy, R. (2008). Expectation-based syntactic comprehension. "
        "10.1016/j.cognition.2007.05.006 | Surprisal \\| KL divergence |\n"
        "| Logistics: room 1.17 |  |\n"
    )


def test_footnotes_and_endnotes_are_marked_where_cited_and_written_at_the_end(
    tmp_path: Path,
) -> None:
    body = _p(
        _r("Shannon’s noisy channel")
        + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
        + _r(" and Zipf")
        + '<w:r><w:endnoteReference w:id="2"/></w:r>'
        + _r(".")
    )
    assert _markdown(_docx(tmp_path, "notes.docx", body)) == (
        "Shannon’s noisy channel[^1] and Zipf[^2].\n\n"
        "[^1]: Shannon (1948), known to me second-hand.\n\n"
        "[^2]: Read in 2023.\n"
    )


def test_comments_deletions_hidden_text_pictures_and_the_contents_are_left_out(
    tmp_path: Path,
) -> None:
    contents = (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
        + _p(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _r("Introduction\t1"),
            "TOC1",
        )
        + _p(_r("Annotated entries\t2") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>', "TOC1")
        + "</w:sdtContent></w:sdt>"
    )
    body = contents + _p(
        '<w:commentRangeStart w:id="0"/>'
        + _r("Kept text")
        + '<w:commentRangeEnd w:id="0"/>'
        + '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'
        + '<w:del w:id="5" w:author="Dana"><w:r><w:delText> deleted</w:delText></w:r></w:del>'
        + '<w:ins w:id="6" w:author="Dana">'
        + _r(" inserted")
        + "</w:ins>"
        + _r(" secret", "<w:vanish/>")
        + '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:docPr id="1" name="Picture 1" descr="cost vs complexity"/>'
        "</wp:inline></w:drawing></w:r>" + _r(" end.")
    )
    assert _markdown(_docx(tmp_path, "clean.docx", body)) == "Kept text inserted end.\n"


def test_google_docs_direct_formatting_with_explicit_on_and_off_values(tmp_path: Path) -> None:
    google = _p(
        _r("Frank et al. 2005, ", '<w:b w:val="0"/><w:rtl w:val="0"/>')
        + _r("Trophically cascading effects", '<w:i w:val="1"/><w:rtl w:val="0"/>')
        + _r(", Science", '<w:i w:val="0"/><w:rtl w:val="0"/>')
        + _r(" (read)", '<w:b w:val="1"/><w:bCs w:val="1"/><w:rtl w:val="0"/>')
        + _r(" by its character style", '<w:rStyle w:val="Emphasis"/>')
    )
    assert _markdown(_docx(tmp_path, "google.docx", google)) == (
        "Frank et al. 2005, *Trophically cascading effects*, Science **(read)** "
        "*by its character style*\n"
    )


def test_a_line_break_and_a_tab_inside_a_paragraph(tmp_path: Path) -> None:
    body = _p(
        _r("Kirby et al. 2008")
        + "<w:r><w:br/></w:r>"
        + _r("PNAS")
        + "<w:r><w:tab/></w:r>"
        + _r("105")
    )
    assert _markdown(_docx(tmp_path, "breaks.docx", body)) == "Kirby et al. 2008\nPNAS 105\n"


def test_a_text_box_keeps_its_text_once(tmp_path: Path) -> None:
    box = _p(_r("Boxed: read Hahn et al. 2020"))
    alternate = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        f"{box}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        f"{box}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = _p(_r("Before") + alternate)
    assert _markdown(_docx(tmp_path, "box.docx", body)) == (
        "Before\n\nBoxed: read Hahn et al. 2020\n"
    )


def test_the_documents_keywords_are_its_tags_and_the_note_is_named_after_the_file(
    tmp_path: Path,
) -> None:
    [(name, text)] = read_docx(_docx(tmp_path, "Week 5 prep.docx", _p(_r("Hello"))))
    assert name == "Week 5 prep.md"
    assert text == "---\ntags:\n- efficiency\n- linguistics\n---\nHello\n"


def test_words_owner_file_of_an_open_document_gives_no_note(tmp_path: Path) -> None:
    owner = tmp_path / "~$NG7420 bibliography.docx"
    owner.write_bytes(b"\x05Dana  " + b" " * 48 + "Dana".encode("utf-16-le") + b"\x00" * 100)
    assert read_docx(owner) == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Just text saved with the wrong name", "not a readable .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "old binary document"),
    ],
)
def test_a_file_that_is_no_word_package_is_refused_by_name(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(content)
    with pytest.raises(ParseError, match=reason) as raised:
        read_docx(path)
    assert raised.value.path == "notes.docx"


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (None, "it has no word/document.xml"),
        (f"<w:document {NAMESPACES}><w:body><w:p>", "word/document.xml is damaged"),
        (
            '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]>'
            f"<w:document {NAMESPACES}><w:body/></w:document>",
            "declares a DOCTYPE",
        ),
        ("<html><body>Saved as web page</body></html>", "its main part is no w:document"),
    ],
)
def test_a_damaged_package_gives_a_parse_error_naming_the_file(
    tmp_path: Path, document: str | None, reason: str
) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        if document is not None:
            archive.writestr("word/document.xml", document)
    with pytest.raises(ParseError, match=reason) as raised:
        read_docx(path)
    assert raised.value.path == "broken.docx"


def test_a_folder_of_word_documents_imports_the_papers_they_cite(
    tmp_path: Path, alice: User
) -> None:
    _docx(tmp_path, "LING7420 annotated bibliography.docx", PIANTADOSI + REGIER)
    (tmp_path / "~$NG7420 annotated bibliography.docx").write_bytes(b"\x04Dana" + b"\x00" * 157)
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    dois = set(Paper.objects.values_list("doi", flat=True))
    assert {"10.1073/pnas.1012551108", "10.1073/pnas.0610341104"} <= dois
    names = {outcome.name for outcome in report.files}
    assert "LING7420 annotated bibliography.docx/LING7420 annotated bibliography.md" in names
    assert not [outcome for outcome in report.files if outcome.status == "failed"]


def test_a_document_without_a_style_sheet_still_has_its_headings(tmp_path: Path) -> None:
    path = tmp_path / "generated.docx"
    body = _p(_r("Reading list"), "Heading1") + _p(_r("Gibson et al. 2019"), "Heading2")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f"<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>",
        )
    assert _markdown(path) == "# Reading list\n\n## Gibson et al. 2019\n"


def test_a_field_left_open_does_not_hide_the_rest_of_the_document(tmp_path: Path) -> None:
    broken = _p(
        _r("Before")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>'
    )
    bibliography = _p(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_BIBL {"uncited":[]} CSL_BIBLIOGRAPHY </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r("Gibson, E. (2019). How efficiency shapes human language.")
    ) + _p(
        _r("Levy, R. (2008). Expectation-based syntactic comprehension.")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    assert _markdown(_docx(tmp_path, "open.docx", broken + bibliography)) == (
        "Before\n\n"
        "Gibson, E. (2019). How efficiency shapes human language.\n\n"
        "Levy, R. (2008). Expectation-based syntactic comprehension.\n"
    )


def test_a_strict_open_xml_document_reads_like_a_transitional_one(tmp_path: Path) -> None:
    path = _docx(tmp_path, "strict.docx", PIANTADOSI)
    strict = tmp_path / "strict-saved.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(strict, "w") as target:
        for item in source.infolist():
            data = source.read(item).decode("utf-8", errors="surrogateescape")
            data = data.replace(W, "http://purl.oclc.org/ooxml/wordprocessingml/main").replace(
                f'xmlns:r="{R}"',
                'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"',
            )
            target.writestr(item, data.encode("utf-8", errors="surrogateescape"))
    assert _markdown(strict) == _markdown(path)
    assert "https://doi.org/10.1073/pnas.1012551108" in _markdown(strict)
