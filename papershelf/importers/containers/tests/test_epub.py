"""Ebooks (.epub): each chapter of the spine a note, in reading order, the furniture left out.

The fixtures are built as the programs write them: pandoc's EPUB 3 (``EPUB/content.opf``,
``nav.xhtml`` with its landmarks, ``text/title_page.xhtml``, ``text/ch001.xhtml``
chapters with ``--citeproc`` citations, a ``<div id="refs">`` bibliography, numbered
sections, footnotes and TeX math), Sigil's and calibre's EPUB 2 (``OEBPS/content.opf``
with a guide, ``toc.ncx``, ``Text/Section0001.xhtml``, a chapter split in two files),
and a calibre library folder around a book (``metadata.db``, ``metadata.opf``,
``cover.jpg``, ``metadata_db_prefs_backup.json``).
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.epub import read_book, read_epub
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

CONTAINER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="{opf}" media-type="application/oebps-package+xml" />
  </rootfiles>
</container>
"""

PANDOC_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" \
xml:lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="generator" content="pandoc" />
  <title>{title}</title>
  <link rel="stylesheet" type="text/css" href="../styles/stylesheet1.css" />
</head>
"""

# Manifest order is pandoc's; the spine below reads the chapters in another order, as
# a book whose chapters were rearranged in Sigil or calibre's editor does.
PANDOC_OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package version="3.0" xmlns="http://www.idpf.org/2007/opf" unique-identifier="epub-id-1">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:identifier id="epub-id-1">urn:uuid:3b1d2a9e-8c41-4f0e-9d55-1c2f3e4a5b6c</dc:identifier>
    <dc:title id="epub-title-1">Topological insulators: reading notes</dc:title>
    <dc:language>en</dc:language>
    <dc:creator id="epub-creator-1">Lena Hoffmann</dc:creator>
    <meta refines="#epub-creator-1" property="role" scheme="marc:relators">aut</meta>
    <meta property="dcterms:modified">2024-03-02T09:14:00Z</meta>
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml" />
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav" />
    <item id="stylesheet1" href="styles/stylesheet1.css" media-type="text/css" />
    <item id="cover_xhtml" href="text/cover.xhtml" media-type="application/xhtml+xml" \
properties="svg" />
    <item id="title_page_xhtml" href="text/title_page.xhtml" media-type="application/xhtml+xml" />
    <item id="ch001_xhtml" href="text/ch001.xhtml" media-type="application/xhtml+xml" />
    <item id="ch002_xhtml" href="text/ch002.xhtml" media-type="application/xhtml+xml" />
    <item id="ch003_xhtml" href="text/ch003.xhtml" media-type="application/xhtml+xml" />
    <item properties="cover-image" id="cover_png" href="media/cover.png" media-type="image/png" />
  </manifest>
  <spine toc="ncx">
    <itemref idref="cover_xhtml" />
    <itemref idref="title_page_xhtml" linear="yes" />
    <itemref idref="ch002_xhtml" />
    <itemref idref="ch001_xhtml" />
    <itemref idref="ch003_xhtml" />
  </spine>
  <guide>
    <reference type="toc" title="Topological insulators" href="nav.xhtml" />
    <reference type="cover" title="Cover" href="text/cover.xhtml" />
  </guide>
</package>
"""

PANDOC_NAV = (
    PANDOC_HEAD.format(title="Topological insulators: reading notes").replace("../styles", "styles")
    + """<body epub:type="frontmatter">
<nav epub:type="toc" id="toc"><h1 id="toc-title">Topological insulators</h1><ol class="toc">\
<li id="toc-li-1"><a href="text/ch002.xhtml">1 Two dimensions: quantum spin Hall</a></li>\
<li id="toc-li-2"><a href="text/ch001.xhtml">2 Three dimensions</a></li>\
<li id="toc-li-3"><a href="text/ch003.xhtml">References</a></li></ol></nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
  <ol>
    <li><a href="text/cover.xhtml" epub:type="cover">Cover</a></li>
    <li><a href="text/title_page.xhtml" epub:type="titlepage">Title Page</a></li>
  </ol>
</nav>
</body>
</html>
"""
)

PANDOC_COVER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><meta charset="utf-8" /><title>Topological insulators</title></head>
<body id="cover">
<div id="cover-image">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
version="1.1" width="100%" height="100%" viewBox="0 0 1 1" preserveAspectRatio="xMidYMid">
<image width="1" height="1" xlink:href="../media/cover.png" />
</svg>
</div>
</body>
</html>
"""

PANDOC_TITLE_PAGE = (
    PANDOC_HEAD.format(title="Topological insulators: reading notes")
    + """<body epub:type="frontmatter">
<section epub:type="titlepage" class="titlepage">
  <h1 class="title">Topological insulators: reading notes</h1>
  <p class="author">Lena Hoffmann</p>
</section>
</body>
</html>
"""
)

QSH_CHAPTER = (
    PANDOC_HEAD.format(title="ch002.xhtml")
    + """<body epub:type="bodymatter">
<section id="two-dimensions-quantum-spin-hall" class="level1" data-number="1">
<h1 data-number="1"><span class="header-section-number">1</span> Two dimensions: quantum spin
Hall</h1>
<section id="kane-mele" class="level2" data-number="1.1">
<h2 data-number="1.1"><span class="header-section-number">1.1</span> Kane–Mele</h2>
<p>Spin–orbit coupling in graphene opens a gap with helical edge states
<span class="citation" data-cites="kane2005"><a href="ch003.xhtml#ref-kane2005"
role="doc-biblioref">(Kane and Mele 2005)</a></span>.<a href="#fn1" class="footnote-ref"
id="fnref1" epub:type="noteref">1</a> The <span class="math inline">\\(\\mathbb{Z}_2\\)</span>
index survives without <span class="math inline">\\(S_z\\)</span> conservation.</p>
</section>
</section>
<section class="footnotes footnotes-end-of-document" epub:type="footnotes">
<hr />
<ol>
<li id="fn1" epub:type="footnote"><p>Read twice; hardest paper so far.<a href="#fnref1"
class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol>
</section>
</body>
</html>
"""
)

THREE_D_CHAPTER = (
    PANDOC_HEAD.format(title="ch001.xhtml")
    + """<body epub:type="bodymatter">
<section id="three-dimensions" class="level1" data-number="2">
<h1 data-number="2"><span class="header-section-number">2</span> Three dimensions</h1>
<p>Strong and weak topological insulators <span class="citation"
data-cites="fu2007">(Fu, Kane, and Mele 2007)</span>; the first material
<span class="citation" data-cites="hsieh2008">(Hsieh et al. 2008)</span>.</p>
<figure><img src="../media/arpes.png" alt="" /></figure>
</section>
</body>
</html>
"""
)

REFERENCES_CHAPTER = (
    PANDOC_HEAD.format(title="ch003.xhtml")
    + """<body epub:type="bodymatter">
<section id="references" class="level1 unnumbered">
<h1 class="unnumbered">References</h1>
<div id="refs" class="references csl-bib-body hanging-indent" role="doc-bibliography">
<div id="ref-fu2007" class="csl-entry" role="doc-biblioentry">
Fu, Liang, C. L. Kane, and E. J. Mele. 2007. <span>“Topological Insulators in Three
Dimensions.”</span> <em>Physical Review Letters</em> 98 (10): 106803. <a
href="https://doi.org/10.1103/PhysRevLett.98.106803">https://doi.org/10.1103/PhysRevLett.98.106803</a>.
</div>
<div id="ref-hsieh2008" class="csl-entry" role="doc-biblioentry">
Hsieh, D., D. Qian, L. Wray, Y. Xia, Y. S. Hor, R. J. Cava, and M. Z. Hasan. 2008. <span>“A
Topological Dirac Insulator in a Quantum Spin Hall Phase.”</span> <em>Nature</em> 452
(7190): 970–74. <a href="https://doi.org/10.1038/nature06843">https://doi.org/10.1038/nature06843</a>.
</div>
<div id="ref-kane2005" class="csl-entry" role="doc-biblioentry">
Kane, C. L., and E. J. Mele. 2005. <span>“Quantum Spin Hall Effect in Graphene.”</span>
<em>Physical Review Letters</em> 95 (22): 226801. <a
href="https://doi.org/10.1103/PhysRevLett.95.226801">https://doi.org/10.1103/PhysRevLett.95.226801</a>.
</div>
</div>
</section>
</body>
</html>
"""
)

STYLESHEET = "body { margin: 5%; text-align: justify; font-size: medium; }\n"


def _epub(path: Path, files: dict[str, str | bytes]) -> Path:
    """A zip as EPUB writers lay it out: the mimetype first and stored, then the rest."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(
            zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED
        )
        for name, content in files.items():
            book.writestr(name, content)
    return path


def _pandoc_book(path: Path, **replaced: str) -> Path:
    """pandoc's EPUB 3; ``replaced`` gives other text to files by their names' stems, or
    adds META-INF/<stem>.xml (encryption.xml)."""
    files: dict[str, str | bytes] = {
        "META-INF/container.xml": CONTAINER_XML.format(opf="EPUB/content.opf"),
        "META-INF/com.apple.ibooks.display-options.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>\n<display_options><platform name="*">'
            '<option name="specified-fonts">true</option></platform></display_options>\n'
        ),
        "EPUB/content.opf": PANDOC_OPF,
        "EPUB/nav.xhtml": PANDOC_NAV,
        "EPUB/toc.ncx": _ncx([("text/ch002.xhtml", "1 Two dimensions")]),
        "EPUB/styles/stylesheet1.css": STYLESHEET,
        "EPUB/media/cover.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "EPUB/text/cover.xhtml": PANDOC_COVER,
        "EPUB/text/title_page.xhtml": PANDOC_TITLE_PAGE,
        "EPUB/text/ch001.xhtml": THREE_D_CHAPTER,
        "EPUB/text/ch002.xhtml": QSH_CHAPTER,
        "EPUB/text/ch003.xhtml": REFERENCES_CHAPTER,
    }
    for name in files:
        files[name] = replaced.pop(Path(name).stem, files[name])
    files.update({f"META-INF/{stem}.xml": text for stem, text in replaced.items()})
    return _epub(path, files)


def _ncx(points: list[tuple[str, str]]) -> str:
    nav_points = "".join(
        f'<navPoint id="navPoint-{n}" playOrder="{n}"><navLabel><text>{label}</text></navLabel>'
        f'<content src="{src}"/></navPoint>\n'
        for n, (src, label) in enumerate(points, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n'
        '<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN"\n'
        ' "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">\n'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">\n<head>\n'
        '<meta name="dtb:uid" content="urn:uuid:5e1f0c77-2b6a-4e0b-a0d6-7f5c1f3b8a21" />\n'
        '<meta name="dtb:depth" content="1" />\n</head>\n'
        "<docTitle><text>Reading group notes</text></docTitle>\n"
        f"<navMap>\n{nav_points}</navMap>\n</ncx>\n"
    )


# Sigil's EPUB 2: OEBPS/Text/Section0001.xhtml, a guide, a toc.ncx, and (as calibre
# leaves it after a conversion) one chapter split into two files.
SIGIL_OPF = """<?xml version="1.0" encoding="utf-8"?>
<package version="2.0" unique-identifier="BookId" xmlns="http://www.idpf.org/2007/opf">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:identifier id="BookId" opf:scheme="UUID">urn:uuid:5e1f0c77-2b6a</dc:identifier>
    <dc:language>en</dc:language>
    <dc:title>Reading group notes</dc:title>
    <dc:creator opf:role="aut" opf:file-as="Ruiz, Ana">Ana Ruiz</dc:creator>
    <meta content="0.9.18" name="Sigil version" />
    <meta name="cover" content="cover.jpg" />
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="Section0001.xhtml" href="Text/Section0001.xhtml" media-type="application/xhtml+xml"/>
    <item id="Section0002.xhtml" href="Text/Section0002.xhtml" media-type="application/xhtml+xml"/>
    <item id="Section0003.xhtml" href="Text/Section0003.xhtml" media-type="application/xhtml+xml"/>
    <item id="Cover.xhtml" href="Text/Cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="Copyright.xhtml" href="Text/Copyright.xhtml" media-type="application/xhtml+xml"/>
    <item id="cover.jpg" href="Images/cover.jpg" media-type="image/jpeg"/>
    <item id="Style0001.css" href="Styles/Style0001.css" media-type="text/css"/>
    <item id="font" href="Fonts/Literata.otf" media-type="application/vnd.ms-opentype"/>
  </manifest>
  <spine toc="ncx">
    <itemref idref="Cover.xhtml"/>
    <itemref idref="Copyright.xhtml"/>
    <itemref idref="Section0001.xhtml"/>
    <itemref idref="Section0002.xhtml"/>
    <itemref idref="Section0003.xhtml"/>
  </spine>
  <guide>
    <reference type="cover" title="Cover" href="Text/Cover.xhtml"/>
  </guide>
</package>
"""


def _xhtml11(body: str, title: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN"\n'
        '  "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n'
        f"  <title>{title}</title>\n"
        '  <link href="../Styles/Style0001.css" type="text/css" rel="stylesheet"/>\n'
        f"</head>\n\n<body>\n{body}\n</body>\n</html>\n"
    )


def _sigil_book(path: Path) -> Path:
    return _epub(
        path,
        {
            "META-INF/container.xml": CONTAINER_XML.format(opf="OEBPS/content.opf"),
            "OEBPS/content.opf": SIGIL_OPF,
            "OEBPS/toc.ncx": _ncx(
                [
                    ("Text/Cover.xhtml", "Cover"),
                    ("Text/Section0001.xhtml", "Week 1: attention"),
                    ("Text/Section0003.xhtml#ssec3", "Week 2: pre-training"),
                ]
            ),
            "OEBPS/Text/Cover.xhtml": _xhtml11(
                '<div style="text-align: center;"><img alt="cover" src="../Images/cover.jpg"/>'
                "</div>"
            ),
            "OEBPS/Text/Copyright.xhtml": _xhtml11(
                "<p>© 2023 Ana Ruiz. All rights reserved.</p>", "Copyright"
            ),
            "OEBPS/Text/Section0001.xhtml": _xhtml11(
                "<h2>Week 1: attention</h2>\n"
                "<p>Vaswani et al. (2017), <i>Attention Is All You Need</i>, NeurIPS.\n"
                '<a href="https://arxiv.org/abs/1706.03762">arXiv:1706.03762</a></p>\n'
                "<p>Multi-head attention, no recurrence. See "
                '<a href="Section0003.xhtml#ssec3">week 2</a>.</p>'
            ),
            "OEBPS/Text/Section0002.xhtml": _xhtml11(
                "<p>Positional encodings are sinusoidal; learned ones work as well.</p>"
            ),
            "OEBPS/Text/Section0003.xhtml": _xhtml11(
                '<h2 id="ssec3">Week 2: pre-training</h2>\n'
                "<p>Devlin, Chang, Lee &amp; Toutanova (2019). BERT: Pre-training of Deep "
                "Bidirectional Transformers for Language Understanding. NAACL.\n"
                '<a href="https://doi.org/10.18653/v1/N19-1423">doi:10.18653/v1/N19-1423</a></p>'
            ),
            "OEBPS/Images/cover.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF",
            "OEBPS/Styles/Style0001.css": STYLESHEET,
            "OEBPS/Fonts/Literata.otf": b"OTTO\x00\x0b",
        },
    )


def test_a_pandoc_book_becomes_a_note_per_chapter_in_spine_order(tmp_path: Path) -> None:
    members = read_epub(_pandoc_book(tmp_path / "notes.epub"))
    # The spine reads ch002 before ch001; pandoc's section numbers are the book's own.
    assert [name for name, _ in members] == [
        "01 Two dimensions quantum spin Hall.md",
        "02 Three dimensions.md",
        "03 References.md",
    ]
    qsh = members[0][1]
    assert qsh.startswith("# Two dimensions: quantum spin Hall\n\n## Kane–Mele\n")
    # The citation as the book shows it, its link into the references gone.
    assert "helical edge states (Kane and Mele 2005).[^1]" in qsh
    assert "[^1]: Read twice; hardest paper so far." in qsh and "↩" not in qsh
    assert "The $\\mathbb{Z}_2$ index survives without $S_z$ conservation." in qsh
    assert "ch003.xhtml" not in qsh and "arpes.png" not in members[1][1]


def test_a_pandoc_bibliography_becomes_a_list_of_one_entry_a_line(tmp_path: Path) -> None:
    references = read_epub(_pandoc_book(tmp_path / "notes.epub"))[2][1]
    entries = [line for line in references.splitlines() if line.startswith("* ")]
    assert entries[0] == (
        "* Fu, Liang, C. L. Kane, and E. J. Mele. 2007. “Topological Insulators in Three "
        "Dimensions.” *Physical Review Letters* 98 (10): 106803. "
        "<https://doi.org/10.1103/PhysRevLett.98.106803>."
    )
    assert len(entries) == 3 and "csl-entry" not in references


def test_the_cover_title_page_table_of_contents_and_resources_are_left_out_with_reasons(
    tmp_path: Path,
) -> None:
    book = read_book(_pandoc_book(tmp_path / "notes.epub"))
    assert book.title == "Topological insulators: reading notes"
    assert dict(book.left_out) == {
        "EPUB/text/cover.xhtml": "the cover",
        "EPUB/text/title_page.xhtml": "the title page",
        "EPUB/toc.ncx": "the table of contents",
        "EPUB/nav.xhtml": "the table of contents",
        "EPUB/styles/stylesheet1.css": "a style sheet",
        "EPUB/media/cover.png": "an image",
    }


def test_an_epub_2_book_is_named_by_its_ncx_and_a_split_chapter_read_as_one(
    tmp_path: Path,
) -> None:
    book = read_book(_sigil_book(tmp_path / "Reading group.epub"))
    assert [(c.title, c.files) for c in book.chapters] == [
        (
            "Week 1: attention",
            ["OEBPS/Text/Section0001.xhtml", "OEBPS/Text/Section0002.xhtml"],
        ),
        ("Week 2: pre-training", ["OEBPS/Text/Section0003.xhtml"]),
    ]
    week_1 = book.chapters[0].markdown
    assert week_1.startswith("## Week 1: attention\n\nVaswani et al. (2017), *Attention Is All")
    assert "[arXiv:1706.03762](https://arxiv.org/abs/1706.03762)" in week_1
    # A link to another page of the book keeps its words only.
    assert "See week 2." in week_1
    assert week_1.rstrip().endswith(
        "Positional encodings are sinusoidal; learned ones work as well."
    )
    left_out = dict(book.left_out)
    assert left_out["OEBPS/Text/Cover.xhtml"] == "the cover"
    assert left_out["OEBPS/Text/Copyright.xhtml"] == "the copyright page"
    assert left_out["OEBPS/Fonts/Literata.otf"] == "a font"


def _calibre_library(root: Path) -> Path:
    """A calibre library: Author/Title (id)/ with the book, its cover and metadata.opf,
    and calibre's SQLite database and preferences backup at the root."""
    folder = root / "Lena Hoffmann" / "Topological insulators_ reading notes (3)"
    folder.mkdir(parents=True)
    _pandoc_book(folder / "Topological insulators_ reading notes - Lena Hoffmann.epub")
    (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (folder / "metadata.opf").write_text(
        "<?xml version='1.0' encoding='utf-8'?>\n<package xmlns=\"http://www.idpf.org/2007/opf\""
        ' unique-identifier="uuid_id" version="2.0">\n  <metadata xmlns:dc="http://purl.org/dc/'
        'elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">\n    <dc:identifier '
        'opf:scheme="calibre" id="calibre_id">3</dc:identifier>\n    <dc:title>Topological '
        'insulators: reading notes</dc:title>\n    <dc:creator opf:file-as="Hoffmann, Lena" '
        'opf:role="aut">Lena Hoffmann</dc:creator>\n    <meta name="calibre:timestamp" '
        'content="2024-03-02T09:20:11+00:00"/>\n  </metadata>\n  <guide>\n    <reference '
        'type="cover" title="Cover" href="cover.jpg"/>\n  </guide>\n</package>\n'
    )
    with sqlite3.connect(root / "metadata.db") as database:
        database.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, path TEXT)")
        database.execute(
            "INSERT INTO books VALUES (3, 'Topological insulators: reading notes', "
            "'Lena Hoffmann/Topological insulators_ reading notes (3)')"
        )
    database.close()
    (root / "metadata_db_prefs_backup.json").write_text(
        '{\n  "bools_are_tristate": true,\n  "library_view books view state": {}\n}\n'
    )
    return root


def test_importing_a_calibre_library_finds_the_papers_its_book_lists(
    tmp_path: Path, alice: User
) -> None:
    library = _calibre_library(tmp_path / "Calibre Library")
    report = import_paths([library], ImportOptions(user=alice, fetch_metadata=False))
    dois = set(Paper.objects.values_list("doi", flat=True))
    assert {
        "10.1103/physrevlett.98.106803",
        "10.1038/nature06843",
        "10.1103/physrevlett.95.226801",
    } <= dois
    outcomes = {outcome.name: outcome.status for outcome in report.files}
    book = "Lena Hoffmann/Topological insulators_ reading notes (3)/"
    book += "Topological insulators_ reading notes - Lena Hoffmann.epub"
    assert outcomes[f"{book}/03 References.md"] == "imported"
    # calibre's bookkeeping is no note and breaks nothing: the database and the .opf are
    # not read at all, and nothing failed.
    assert not any(name.endswith(("metadata.db", "metadata.opf", ".jpg")) for name in outcomes)
    assert "failed" not in outcomes.values()


def test_note_names_number_the_chapters_and_keep_their_titles_safe_for_files(
    tmp_path: Path,
) -> None:
    members = read_epub(_sigil_book(tmp_path / "Reading group.epub"))
    assert [name for name, _ in members] == ["01 Week 1 attention.md", "02 Week 2 pre-training.md"]


def test_a_file_that_is_no_zip_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.epub"
    path.write_text("# Not a book\n")
    with pytest.raises(ParseError, match="no zip archive") as raised:
        read_epub(path)
    assert raised.value.path == "notes.epub"


def test_a_zip_without_a_package_document_is_refused(tmp_path: Path) -> None:
    path = _epub(tmp_path / "photos.epub", {"OEBPS/Text/a.xhtml": "<p>hi</p>"})
    with pytest.raises(ParseError, match=r"no META-INF/container\.xml"):
        read_epub(path)


def test_a_damaged_package_document_is_refused_at_its_line(tmp_path: Path) -> None:
    broken = PANDOC_OPF.replace('<spine toc="ncx">', '<spine toc="ncx"')
    path = _epub(
        tmp_path / "notes.epub",
        {
            "META-INF/container.xml": CONTAINER_XML.format(opf="EPUB/content.opf"),
            "EPUB/content.opf": broken,
        },
    )
    with pytest.raises(ParseError, match="not readable XML") as raised:
        read_epub(path)
    assert raised.value.path == "notes.epub/EPUB/content.opf"
    assert raised.value.line == broken.splitlines().index('  <spine toc="ncx"') + 2


def test_a_package_that_declares_entities_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    bomb = '<?xml version="1.0"?>\n<!DOCTYPE package [<!ENTITY a "aaaaaaaa">]>\n<package/>'
    path = _epub(
        tmp_path / "notes.epub",
        {
            "META-INF/container.xml": CONTAINER_XML.format(opf="content.opf"),
            "content.opf": bomb,
        },
    )
    with pytest.raises(ParseError, match="declares XML entities"):
        read_epub(path)


def test_a_chapter_the_spine_names_but_the_zip_lacks_is_left_out_with_its_reason(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes] = {
        "META-INF/container.xml": CONTAINER_XML.format(opf="EPUB/content.opf"),
        "EPUB/content.opf": PANDOC_OPF,
        "EPUB/nav.xhtml": PANDOC_NAV,
        "EPUB/text/ch001.xhtml": THREE_D_CHAPTER,
    }
    book = read_book(_epub(tmp_path / "notes.epub", files))
    assert [chapter.title for chapter in book.chapters] == ["Three dimensions"]
    assert ("EPUB/text/ch003.xhtml", "named by the spine but missing from the book") in (
        book.left_out
    )


def test_mathml_keeps_the_tex_it_was_written_in(tmp_path: Path) -> None:
    chapter = QSH_CHAPTER.replace(
        '<span class="math inline">\\(\\mathbb{Z}_2\\)</span>',
        '<math display="inline" xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow>'
        '<msub><mi>ℤ</mi><mn>2</mn></msub></mrow><annotation encoding="application/x-tex">'
        "\\mathbb{Z}_2</annotation></semantics></math>",
    )
    assert "<math" in chapter
    markdown = read_epub(_pandoc_book(tmp_path / "notes.epub", ch002=chapter))[0][1]
    assert "The $\\mathbb{Z}_2$ index survives" in markdown


def test_a_book_with_drm_is_refused_rather_than_read_as_scrambled_text(tmp_path: Path) -> None:
    encryption = """<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
 xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData>
<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
<enc:CipherData><enc:CipherReference URI="EPUB/text/ch002.xhtml"/></enc:CipherData>
</enc:EncryptedData>
</encryption>
"""
    path = _pandoc_book(tmp_path / "bought.epub", encryption=encryption)
    with pytest.raises(ParseError, match="encrypted"):
        read_epub(path)


def test_obfuscated_fonts_are_no_drm(tmp_path: Path) -> None:
    encryption = """<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
 xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData>
<enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
<enc:CipherData><enc:CipherReference URI="EPUB/fonts/Literata.otf"/></enc:CipherData>
</enc:EncryptedData>
</encryption>
"""
    assert len(read_epub(_pandoc_book(tmp_path / "notes.epub", encryption=encryption))) == 3


def test_a_book_of_pictures_alone_is_refused_with_what_was_in_it(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "META-INF/container.xml": CONTAINER_XML.format(opf="EPUB/content.opf"),
        "EPUB/content.opf": PANDOC_OPF,
        "EPUB/text/cover.xhtml": PANDOC_COVER,
        "EPUB/text/title_page.xhtml": PANDOC_TITLE_PAGE,
    }
    with pytest.raises(ParseError, match=r"no chapter of text .*the cover"):
        read_epub(_epub(tmp_path / "comic.epub", files))
