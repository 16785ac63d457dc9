"""OpenDocument texts (.odt, .fodt): one note each, its text as faithful Markdown.

The fixtures follow LibreOffice Writer's content.xml: automatic styles T1 (bold) and T2
(italic) deriving from nothing or from named styles in styles.xml, headings as text:h
with outline levels, list styles saying bullet or number level by level, a table with
header rows, covered and repeated cells, footnotes, comments, tracked changes, a
bibliography mark and the generated bibliography.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.odt import read_odt
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)
NAMED_STYLES = """<office:styles>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"
 style:parent-style-name="Standard"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading">
 <style:text-properties fo:font-size="28pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
 style:default-outline-level="2"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis"
 style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Emphasis" style:family="text">
 <style:text-properties fo:font-style="italic"/></style:style>
</office:styles>"""
AUTOMATIC_STYLES = """<office:automatic-styles>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body">
 <style:text-properties officeooo:rsid="0012a3b4"
  xmlns:officeooo="http://openoffice.org/2009/office"/></style:style>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Title"/>
<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Text_20_body">
 <style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"
 style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"
 style:font-style-asian="italic"/></style:style>
<style:style style:name="T3" style:family="text" style:parent-style-name="Emphasis"/>
<style:style style:name="T4" style:family="text"><style:text-properties
 fo:background-color="#ffff00"/></style:style>
<text:list-style style:name="L1">
 <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
 <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/></text:list-style>
<text:list-style style:name="L2">
 <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
 <text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>
</text:list-style>
</office:automatic-styles>"""
STYLES_XML = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES} '
    f'office:version="1.3">{NAMED_STYLES}</office:document-styles>'
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
META_XML = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NAMESPACES}><office:meta>'
    "<meta:generator>LibreOffice/7.5.9.2$Linux_X86_64</meta:generator>"
    "<dc:title>Trophic cascades</dc:title><meta:keyword>ecology</meta:keyword>"
    "</office:meta></office:document-meta>"
)


def _content(body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} '
        f'office:version="1.3">{AUTOMATIC_STYLES}<office:body><office:text>'
        '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" '
        f'text:name="Figure"/></text:sequence-decls>{body}</office:text></office:body>'
        "</office:document-content>"
    )


def _odt(
    folder: Path, name: str, body: str, mimetype: str = "application/vnd.oasis.opendocument.text"
) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
        archive.writestr("content.xml", _content(body))
        archive.writestr("styles.xml", STYLES_XML)
        archive.writestr("meta.xml", META_XML)
        archive.writestr("Thumbnails/thumbnail.png", b"\x89PNG\r\n\x1a\n")
    return path


def _markdown(path: Path) -> str:
    """The note's Markdown after its front matter (the fixtures' keyword)."""
    [(_, text)] = read_odt(path)
    return text.split("---\n", 2)[2] if text.startswith("---\n") else text


def test_spans_keep_bold_and_italic_from_automatic_and_named_styles(tmp_path: Path) -> None:
    body = (
        '<text:p text:style-name="P1"><text:span text:style-name="T1">Exploitation ecosystems'
        '</text:span><text:span text:style-name="T1"> in gradients of primary productivity'
        '</text:span> — Oksanen et al., <text:span text:style-name="T2">Am.</text:span> '
        '<text:span text:style-name="T2">Nat.</text:span> 118(2), '
        '<text:span text:style-name="T3">1981</text:span>, <text:span text:style-name='
        '"Strong_20_Emphasis">key</text:span>, <text:span text:style-name="T4">highlighted'
        "</text:span>.</text:p>"
        '<text:p text:style-name="P3">An italic paragraph.</text:p>'
    )
    assert _markdown(_odt(tmp_path, "spans.odt", body)) == (
        "**Exploitation ecosystems in gradients of primary productivity** — Oksanen et al., "
        "*Am. Nat.* 118(2), *1981*, **key**, highlighted.\n\n*An italic paragraph.*\n"
    )


def test_headings_keep_their_outline_levels_under_the_documents_title(tmp_path: Path) -> None:
    body = (
        '<text:p text:style-name="P2">Trophic cascades — reading notes</text:p>'
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">1. Origins</text:h>'
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">'
        '<text:bookmark text:name="hss"/>HSS 1960 (“the world is green”)</text:h>'
        '<text:p text:style-name="Text_20_body">Hairston, Smith &amp; Slobodkin (1960).</text:p>'
    )
    assert _markdown(_odt(tmp_path, "headings.odt", body)) == (
        "# Trophic cascades — reading notes\n\n## 1. Origins\n\n"
        "### HSS 1960 (“the world is green”)\n\nHairston, Smith & Slobodkin (1960).\n"
    )


def test_links_spaces_tabs_and_line_breaks(tmp_path: Path) -> None:
    body = (
        '<text:p text:style-name="P1">Frank et al. 2005:<text:s/><text:a xlink:type="simple" '
        'xlink:href="https://www.science.org/doi/10.1126/science.1113075" '
        'text:style-name="Internet_20_link"><text:span text:style-name="T2">Trophically '
        "cascading effects</text:span></text:a><text:tab/>Science<text:line-break/>"
        'Shurin 2002, <text:a xlink:href="https://doi.org/10.1046/j.1461-0248.2002.00381.x">'
        'doi link</text:a>, <text:a xlink:href="#bookmark">see above</text:a>'
        "</text:p>"
    )
    assert _markdown(_odt(tmp_path, "links.odt", body)) == (
        "Frank et al. 2005: [*Trophically cascading effects*](https://www.science.org/doi/"
        "10.1126/science.1113075) Science\n"
        "Shurin 2002, [doi link](https://doi.org/10.1046/j.1461-0248.2002.00381.x), see above\n"
    )


def test_bulleted_and_numbered_lists_become_markdown_lists(tmp_path: Path) -> None:
    body = (
        '<text:p text:style-name="P1">To read:</text:p>'
        '<text:list xml:id="list1" text:style-name="L1">'
        "<text:list-item><text:p>Peterson et al. 2014</text:p>"
        "<text:list><text:list-item><text:p>Isle Royale</text:p></text:list-item></text:list>"
        "</text:list-item>"
        "<text:list-item><text:p>Beschta &amp; Ripple 2009</text:p></text:list-item></text:list>"
        '<text:list text:style-name="L2"><text:list-item><text:p>Count moose</text:p>'
        "</text:list-item><text:list-item><text:p>Model browse</text:p><text:list>"
        "<text:list-item><text:p>glmmTMB</text:p></text:list-item></text:list>"
        "</text:list-item></text:list>"
        '<text:p text:style-name="P1">Meanwhile:</text:p>'
        '<text:list text:style-name="L2" text:continue-numbering="true"><text:list-item>'
        "<text:p>Write up</text:p></text:list-item>"
        '<text:list-item text:start-value="7"><text:p>Submit</text:p></text:list-item>'
        "<text:list-header><text:p>(no number)</text:p></text:list-header></text:list>"
    )
    assert _markdown(_odt(tmp_path, "lists.odt", body)) == (
        "To read:\n\n"
        "- Peterson et al. 2014\n"
        "    - Isle Royale\n"
        "- Beschta & Ripple 2009\n"
        "1. Count moose\n"
        "2. Model browse\n"
        "    1. glmmTMB\n\n"
        "Meanwhile:\n\n"
        "3. Write up\n"
        "7. Submit\n\n"
        "(no number)\n"
    )


def test_a_table_becomes_a_pipe_table_and_its_padding_goes(tmp_path: Path) -> None:
    body = (
        '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="3"/>'
        "<table:table-header-rows><table:table-row>"
        "<table:table-cell><text:p>System</text:p></table:table-cell>"
        "<table:table-cell><text:p>Paper</text:p></table:table-cell>"
        "<table:table-cell><text:p>Cascade?</text:p></table:table-cell>"
        "</table:table-row></table:table-header-rows>"
        "<table:table-row><table:table-cell><text:p>Lakes</text:p></table:table-cell>"
        "<table:table-cell><text:p>Carpenter 1985</text:p><text:p>BioScience</text:p>"
        '</table:table-cell><table:table-cell office:value-type="string"><text:p>yes | strong'
        '</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1021"/>'
        "</table:table-row>"
        '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Merged'
        "</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>no"
        "</text:p></table:table-cell></table:table-row></table:table>"
    )
    assert _markdown(_odt(tmp_path, "table.odt", body)) == (
        "| System | Paper | Cascade? |\n"
        "| --- | --- | --- |\n"
        "| Lakes | Carpenter 1985 BioScience | yes \\| strong |\n"
        "| Merged |  | no |\n"
    )


def test_footnotes_are_marked_where_cited_and_written_at_the_end(tmp_path: Path) -> None:
    body = (
        '<text:p text:style-name="P1">Still to read:<text:note text:id="ftn1" '
        'text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>'
        '<text:p text:style-name="Footnote">Terborgh &amp; Estes 2010, '
        '<text:span text:style-name="T2">Trophic Cascades</text:span>.</text:p>'
        "</text:note-body></text:note></text:p>"
    )
    assert _markdown(_odt(tmp_path, "notes.odt", body)) == (
        "Still to read:[^1]\n\n[^1]: Terborgh & Estes 2010, *Trophic Cascades*.\n"
    )


def test_bibliography_marks_show_their_text_and_the_generated_bibliography_is_kept(
    tmp_path: Path,
) -> None:
    body = (
        '<text:table-of-content text:name="Table of Contents1"><text:table-of-content-source '
        'text:outline-level="10"><text:index-title-template>Contents</text:index-title-template>'
        "</text:table-of-content-source><text:index-body><text:index-title><text:p>Contents"
        "</text:p></text:index-title><text:p>1. Origins<text:tab/>1</text:p></text:index-body>"
        "</text:table-of-content>"
        '<text:p text:style-name="P1">Removal of <text:span text:style-name="T2">Pisaster'
        '</text:span> <text:bibliography-mark text:identifier="Paine1966" '
        'text:bibliography-type="article" text:author="Paine, R. T." text:title="Food web '
        'complexity and species diversity" text:journal="American Naturalist" text:year="1966" '
        'text:url="https://doi.org/10.1086/282400">[Paine1966]</text:bibliography-mark>.'
        '<office:annotation office:name="c1"><dc:creator>Prof. Austrheim</dc:creator>'
        "<dc:date>2023-10-02T10:00:00</dc:date><text:p>Read Smith 2020 too</text:p>"
        '</office:annotation><office:annotation-end office:name="c1"/></text:p>'
        '<text:bibliography text:name="Bibliography1"><text:bibliography-source>'
        "<text:index-title-template>Bibliography</text:index-title-template>"
        '<text:bibliography-entry-template text:bibliography-type="article" '
        'text:style-name="Bibliography_20_1"><text:index-entry-bibliography '
        'text:bibliography-data-field="identifier"/><text:index-entry-span>: '
        "</text:index-entry-span></text:bibliography-entry-template></text:bibliography-source>"
        '<text:index-body><text:index-title text:name="Bibliography1_Head"><text:p '
        'text:style-name="Bibliography_20_Heading">Bibliography</text:p></text:index-title>'
        '<text:p text:style-name="Bibliography_20_1">Paine1966: Paine, R. T., Food web '
        "complexity and species diversity, 1966</text:p></text:index-body></text:bibliography>"
    )
    assert _markdown(_odt(tmp_path, "bib.odt", body)) == (
        "Removal of *Pisaster* [Paine1966].\n\n"
        "# Bibliography\n\n"
        "Paine1966: Paine, R. T., Food web complexity and species diversity, 1966\n"
    )


def test_tracked_deletions_pictures_and_text_boxes(tmp_path: Path) -> None:
    body = (
        '<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1"><text:deletion>'
        "<office:change-info><dc:creator>Ingrid</dc:creator></office:change-info>"
        "<text:p>Deleted sentence.</text:p></text:deletion></text:changed-region>"
        "</text:tracked-changes>"
        '<text:p text:style-name="P1">My sketch<text:change text:change-id="ct1"/> of the chain.'
        '<draw:frame draw:name="Image1" text:anchor-type="as-char" svg:width="5cm">'
        '<draw:image xlink:href="Pictures/100000.png"/><svg:title>aleutian chain</svg:title>'
        '</draw:frame><draw:frame draw:name="Frame1"><draw:text-box><text:p>Caption: '
        "Estes 1998</text:p></draw:text-box></draw:frame></text:p>"
    )
    assert _markdown(_odt(tmp_path, "frames.odt", body)) == (
        "My sketch of the chain.\n\nCaption: Estes 1998\n"
    )


def test_a_flat_fodt_document_is_read_like_a_package(tmp_path: Path) -> None:
    path = tmp_path / "Flat notes.fodt"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {NAMESPACES} '
        'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
        f"{NAMED_STYLES}{AUTOMATIC_STYLES}<office:body><office:text>"
        '<text:h text:outline-level="2">Power 1992</text:h><text:p><text:span '
        'text:style-name="T2">Top-down and bottom-up forces in food webs</text:span></text:p>'
        "</office:text></office:body></office:document>",
        encoding="utf-8",
    )
    [(name, text)] = read_odt(path)
    assert name == "Flat notes.md"
    assert text == "## Power 1992\n\n*Top-down and bottom-up forces in food webs*\n"


def test_the_documents_keywords_are_its_tags(tmp_path: Path) -> None:
    [(name, text)] = read_odt(_odt(tmp_path, "Lab meeting.odt", "<text:p>Cake: MH.</text:p>"))
    assert (name, text) == ("Lab meeting.md", "---\ntags:\n- ecology\n---\nCake: MH.\n")


def test_a_spreadsheet_or_an_encrypted_document_is_refused_by_name(tmp_path: Path) -> None:
    sheet = _odt(tmp_path, "grid.odt", "", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(ParseError, match=r"not an OpenDocument text but .*spreadsheet"):
        read_odt(sheet)
    locked = tmp_path / "locked.odt"
    with zipfile.ZipFile(locked, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "META-INF/manifest.xml",
            MANIFEST.replace(
                "</manifest:manifest>", "<manifest:encryption-data/></manifest:manifest>"
            ),
        )
        archive.writestr("content.xml", b"\x8f\x02binary")
    with pytest.raises(ParseError, match="password-protected") as raised:
        read_odt(locked)
    assert raised.value.path == "locked.odt"


def test_damaged_xml_gives_a_parse_error_naming_the_file_and_part(tmp_path: Path) -> None:
    path = tmp_path / "broken.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", f"<office:document-content {NAMESPACES}>\n<office:body>")
    with pytest.raises(ParseError, match=r"content.xml is damaged \(line 2") as raised:
        read_odt(path)
    assert raised.value.path == "broken.odt"
    text = tmp_path / "notes.odt"
    text.write_text("not a package")
    with pytest.raises(ParseError, match=r"not a readable \.odt file"):
        read_odt(text)


def test_a_folder_of_odt_notes_imports_their_papers_and_skips_the_lock_file(
    tmp_path: Path, alice: User
) -> None:
    body = (
        '<text:h text:outline-level="2">Power 1992</text:h><text:p text:style-name="P1">'
        '<text:span text:style-name="T2">Top-down and bottom-up forces in food webs: do plants '
        "have primacy?</text:span> Ecology 73(3): 733–746. "
        '<text:a xlink:href="https://doi.org/10.2307/1940153">https://doi.org/10.2307/1940153'
        "</text:a></text:p>"
        '<text:h text:outline-level="2">Ripple &amp; Beschta 2012</text:h><text:p>Ripple, W. J., '
        "&amp; Beschta, R. L. (2012). Trophic cascades in Yellowstone. "
        '<text:span text:style-name="T2">Biological Conservation</text:span>, 145(1), 205–213. '
        "https://doi.org/10.1016/j.biocon.2011.11.005</text:p>"
    )
    _odt(tmp_path, "Trophic cascades – reading notes.odt", body)
    (tmp_path / ".~lock.Trophic cascades – reading notes.odt#").write_text(
        ",Ingrid,ingrid-laptop,08.11.2023 10:02,file:///home/ingrid/.config/libreoffice/4;"
    )
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    dois = set(Paper.objects.values_list("doi", flat=True))
    assert {"10.2307/1940153", "10.1016/j.biocon.2011.11.005"} <= dois
    assert not [outcome for outcome in report.files if outcome.status == "failed"]
