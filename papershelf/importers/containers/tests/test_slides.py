"""Slide decks (.pptx, .odp): one Markdown deck each, one paper per presented paper.

The fixtures are built here as PowerPoint writes them: ``ppt/presentation.xml`` lists
the slides in the order shown (not their part numbers' order), slide layouts place the
placeholders that have no position of their own, a title slide has a ``ctrTitle`` and a
``subTitle``, content slides a ``title`` and a bulleted body (``idx="1"``), text boxes
(``txBox="1"``) carry whatever the presenter added, links are ``a:hlinkClick`` resolved
by the slide's relationships, and speaker notes are notes slides of their own. Google
Slides' downloads set bullets on each paragraph (``a:buChar``/``a:buNone``).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.slides import read_slides
from papershelf.importers.notes.parse import parse
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = f'xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/ppt/presentation.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>'
)
# Where PowerPoint's "Title Slide" and "Title and Content" layouts put their
# placeholders (EMU): the slides' own placeholders carry no position.
LAYOUT = (
    f"<p:sldLayout {NS}><p:cSld><p:spTree>"
    '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr/><p:nvPr><p:ph type="ctrTitle"/>'
    '</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="1524000" y="1122363"/></a:xfrm></p:spPr></p:sp>'
    '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Subtitle 2"/><p:cNvSpPr/><p:nvPr>'
    '<p:ph type="subTitle" idx="1"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm>'
    '<a:off x="1524000" y="3602038"/></a:xfrm></p:spPr></p:sp>'
    "</p:spTree></p:cSld></p:sldLayout>"
)


def run(text: str, bold: bool = False, italic: bool = False, link: str = "") -> str:
    flags = (' b="1"' if bold else "") + (' i="1"' if italic else "")
    click = f'<a:hlinkClick r:id="{link}"/>' if link else ""
    return f'<a:r><a:rPr lang="en-GB"{flags}>{click}</a:rPr><a:t>{escape(text)}</a:t></a:r>'


def para(*runs: str, level: int = 0, bullet: str = "") -> str:
    """A paragraph of runs (plain strings are one run each); ``bullet`` is "char",
    "none" or "number" as Google Slides sets it on each paragraph."""
    marks = {
        "char": '<a:buChar char="•"/>',
        "none": "<a:buNone/>",
        "number": '<a:buAutoNum type="arabicPeriod"/>',
    }
    properties = f'<a:pPr lvl="{level}">{marks.get(bullet, "")}</a:pPr>' if level or bullet else ""
    body = "".join(r if r.startswith("<a:r>") or r == "<a:br/>" else run(r) for r in runs)
    return f"<a:p>{properties}{body}</a:p>"


def placeholder(kind: str, *paragraphs: str, idx: str = "") -> str:
    """A placeholder shape: "ctrTitle", "title", "subTitle", "body" (a content slide's
    bulleted body, idx 1) or "ftr"."""
    type_attribute = "" if kind == "body" else f' type="{kind}"'
    index = f' idx="{idx}"' if idx else (' idx="1"' if kind in ("body", "subTitle") else "")
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="9" name="{kind}"/><p:cNvSpPr/><p:nvPr>'
        f"<p:ph{type_attribute}{index}/></p:nvPr></p:nvSpPr><p:spPr/>"
        f"<p:txBody><a:bodyPr/><a:lstStyle/>{''.join(paragraphs)}</p:txBody></p:sp>"
    )


def text_box(*paragraphs: str, x: int = 500000, y: int = 6000000) -> str:
    return (
        '<p:sp><p:nvSpPr><p:cNvPr id="7" name="TextBox 6"/><p:cNvSpPr txBox="1"/><p:nvPr/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="9000000" cy="400000"/>'
        f"</a:xfrm></p:spPr><p:txBody><a:bodyPr/>{''.join(paragraphs)}</p:txBody></p:sp>"
    )


def table(*rows: list[str], y: int = 2000000) -> str:
    cells = "".join(
        "<a:tr>"
        + "".join(f"<a:tc><a:txBody><a:bodyPr/>{para(c)}</a:txBody></a:tc>" for c in row)
        + "</a:tr>"
        for row in rows
    )
    return (
        '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Table 3"/>'
        f'<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="{y}"/>'
        '</p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/'
        f'2006/table"><a:tbl><a:tblGrid/>{cells}</a:tbl></a:graphicData></a:graphic>'
        "</p:graphicFrame>"
    )


@dataclass
class SlideSpec:
    shapes: list[str]
    notes: list[str] = field(default_factory=list)  # paragraphs of speaker notes
    links: dict[str, str] = field(default_factory=dict)  # relationship id → address
    hidden: bool = False
    parts: dict[str, tuple[str, str]] = field(default_factory=dict)  # rId → (type, part)


def title_slide(
    title: str, *subtitle: str, notes: tuple[str, ...] = (), hidden: bool = False
) -> SlideSpec:
    shapes = [placeholder("ctrTitle", para(title)), placeholder("subTitle", *map(para, subtitle))]
    return SlideSpec(shapes, notes=list(notes), hidden=hidden)


def content_slide(
    title: str,
    *body: str,
    notes: tuple[str, ...] = (),
    links: dict[str, str] | None = None,
    hidden: bool = False,
) -> SlideSpec:
    """A "Title and Content" slide: ``body`` paragraphs (plain strings are bullets)."""
    paragraphs = [b if b.startswith("<a:p>") else para(b) for b in body]
    shapes = [placeholder("title", para(title)), placeholder("body", *paragraphs)]
    return SlideSpec(shapes, notes=list(notes), links=links or {}, hidden=hidden)


def pptx(
    folder: Path,
    name: str,
    *slides: SlideSpec,
    keywords: str = "",
    parts: dict[str, str] | None = None,
) -> Path:
    """A deck as PowerPoint writes it; its slide parts numbered backwards, as after a
    presenter reorders slides, so that only presentation.xml gives their order."""
    path = folder / name
    count = len(slides)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{R}/officeDocument" '
            'Target="ppt/presentation.xml"/><Relationship Id="rId2" Type="http://schemas.'
            'openxmlformats.org/package/2006/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/></Relationships>',
        )
        archive.writestr(
            "docProps/core.xml",
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>PowerPoint Presentation</dc:title><cp:keywords>{keywords}</cp:keywords>"
            "</cp:coreProperties>",
        )
        ids = "".join(f'<p:sldId id="{256 + i}" r:id="rId{10 + i}"/>' for i in range(count))
        archive.writestr(
            "ppt/presentation.xml",
            f"<p:presentation {NS}><p:sldIdLst>{ids}</p:sldIdLst></p:presentation>",
        )
        targets = "".join(
            f'<Relationship Id="rId{10 + i}" Type="{R}/slide" '
            f'Target="slides/slide{count - i}.xml"/>'
            for i in range(count)
        )
        archive.writestr(
            "ppt/_rels/presentation.xml.rels",
            f'<Relationships xmlns="{RELS}">{targets}</Relationships>',
        )
        archive.writestr("ppt/slideLayouts/slideLayout1.xml", LAYOUT)
        for part, xml in (parts or {}).items():
            archive.writestr(f"ppt/{part}", xml)
        for i, slide in enumerate(slides):
            number = count - i
            show = ' show="0"' if slide.hidden else ""
            archive.writestr(
                f"ppt/slides/slide{number}.xml",
                f"<p:sld {NS}{show}><p:cSld><p:spTree><p:nvGrpSpPr/><p:grpSpPr/>"
                f"{''.join(slide.shapes)}</p:spTree></p:cSld></p:sld>",
            )
            relationships = [
                f'<Relationship Id="rId1" Type="{R}/slideLayout" '
                'Target="../slideLayouts/slideLayout1.xml"/>'
            ]
            relationships += [
                f'<Relationship Id="{rid}" Type="{R}/hyperlink" Target="{escape(address)}" '
                'TargetMode="External"/>'
                for rid, address in slide.links.items()
            ]
            relationships += [
                f'<Relationship Id="{rid}" Type="{R}/{kind}" Target="../{part}"/>'
                for rid, (kind, part) in slide.parts.items()
            ]
            if slide.notes:
                relationships.append(
                    f'<Relationship Id="rId99" Type="{R}/notesSlide" '
                    f'Target="../notesSlides/notesSlide{number}.xml"/>'
                )
                archive.writestr(
                    f"ppt/notesSlides/notesSlide{number}.xml",
                    f"<p:notes {NS}><p:cSld><p:spTree>"
                    + placeholder("sldImg", idx="2")
                    + placeholder("body", *map(para, slide.notes), idx="1").replace(
                        "<p:ph idx", '<p:ph type="body" idx'
                    )
                    + "</p:spTree></p:cSld></p:notes>",
                )
            archive.writestr(
                f"ppt/slides/_rels/slide{number}.xml.rels",
                f'<Relationships xmlns="{RELS}">{"".join(relationships)}</Relationships>',
            )
    return path


def replace_part(path: Path, part: str, data: str) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts[part] = data.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def markdown(path: Path) -> str:
    [(_, text)] = read_slides(path)
    return text


def papers_of(path: Path) -> list[tuple[str, list[str], int | None, str]]:
    """The papers the notes importer reads in a deck: title, authors, year, DOI."""
    text = markdown(path)
    parsed = parse(text, f"{path.parent.name}/{path.name}/{path.stem}.md")
    return [
        (e.paper.title, e.paper.authors, e.paper.year, e.paper.doi)
        for e in parsed.entries
        if e.paper
    ]


JINEK = (
    "Jinek M, Chylinski K, Fonfara I, Hauer M, Doudna JA, Charpentier E",
    "Science 2012; 337(6096): 816–821",
)
JINEK_TITLE = "A programmable dual-RNA–guided DNA endonuclease in adaptive bacterial immunity"


def test_a_deck_is_one_markdown_deck_with_its_slides_in_the_order_shown(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "2024-03-12 Cas9.pptx",
        title_slide(JINEK_TITLE, *JINEK),
        content_slide("Background", "Bacteria remember phages", "… as spacers"),
        content_slide("Results", "Cas9 cuts where the guide pairs"),
        keywords="CRISPR; genome editing",
    )
    [(name, text)] = read_slides(path)
    assert name == "2024-03-12 Cas9.md"
    assert text == (
        "---\nslide_deck: 2024-03-12 Cas9.pptx\ntags:\n- CRISPR\n- genome editing\n---\n\n"
        f"# {JINEK_TITLE}\n\n{JINEK[0]}\n{JINEK[1]}\n\n---\n\n"
        "## Background\n\n- Bacteria remember phages\n- … as spacers\n\n---\n\n"
        "## Results\n\nCas9 cuts where the guide pairs\n"
    )


def test_a_title_slide_that_cites_its_paper_names_it_with_its_authors(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Cas9.pptx",
        SlideSpec(
            [
                *title_slide(JINEK_TITLE, *JINEK).shapes,
                text_box(para("Journal club · 12 March 2024 · Ana")),
            ]
        ),
        content_slide("Background", "Bacteria remember phages as spacers"),
    )
    [(title, authors, _, _)] = papers_of(path)
    assert title == JINEK_TITLE
    assert authors[:2] == ["Jinek M", "Chylinski K"]


def test_a_nickname_title_gives_way_to_the_citation_in_its_subtitle(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "CRISPR scissors.pptx",
        title_slide("CRISPR scissors", JINEK_TITLE, *JINEK),
        content_slide("Why it matters", "Programmable cutting of any DNA"),
    )
    [(title, authors, year, _)] = papers_of(path)
    assert (title, year) == (JINEK_TITLE, 2012)
    assert authors[0] == "M Jinek"


def test_a_paper_labelled_under_a_nickname_is_not_run_into_it(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Halicin.pptx",
        title_slide(
            "Halicin!",
            "Paper: A Deep Learning Approach to Antibiotic Discovery",
            "Presented by Priya Natarajan",
        ),
        content_slide("Methods", "A message-passing network over molecular graphs"),
    )
    assert [p[0] for p in papers_of(path)] == ["A Deep Learning Approach to Antibiotic Discovery"]


STOKES_DOI = "10.1016/j.cell.2020.01.021"


def test_a_meeting_title_slide_leaves_the_paper_to_its_citation_on_slide_two(
    tmp_path: Path,
) -> None:
    citation = para(
        "Stokes JM, Yang K, Swanson K, et al. A Deep Learning Approach to Antibiotic Discovery. ",
        run("Cell", italic=True),
        ". 2020;180(4):688–702. ",
        run(f"doi:{STOKES_DOI}", link="rId3"),
    )
    path = pptx(
        tmp_path,
        "JC 2024-04-04.pptx",
        title_slide("Journal Club", "Priya Natarajan", "4 April 2024"),
        content_slide("The paper", citation, links={"rId3": f"https://doi.org/{STOKES_DOI}"}),
        content_slide("Methods", "Trained on 2,335 molecules"),
    )
    text = markdown(path)
    assert (
        f"*Cell*. 2020;180(4):688–702. [doi:{STOKES_DOI}](https://doi.org/{STOKES_DOI})"
    ) in text
    [(title, authors, year, doi)] = papers_of(path)
    assert (title, year, doi) == (
        "A Deep Learning Approach to Antibiotic Discovery",
        2020,
        STOKES_DOI,
    )
    assert authors[0] == "JM Stokes"


def test_a_doi_typed_or_linked_on_the_title_slide_identifies_the_paper(tmp_path: Path) -> None:
    linked = para(run("doi.org/10.1038/s41564-021-00999-1", link="rId7"))
    path = pptx(
        tmp_path,
        "Efflux.pptx",
        SlideSpec(
            [
                placeholder(
                    "ctrTitle", para("Efflux pumps drive multidrug resistance in biofilms")
                ),
                placeholder("subTitle", para("Okafor N, Lindqvist A, Meyer T"), linked),
            ],
            links={"rId7": "https://doi.org/10.1038/s41564-021-00999-1"},
        ),
        content_slide("Setup", "Biofilms grown in flow cells"),
    )
    assert "Okafor N, Lindqvist A, Meyer T\nhttps://doi.org/10.1038/s41564-021-00999-1\n" in (
        markdown(path)
    )
    [(title, _, _, doi)] = papers_of(path)
    assert (title, doi) == (
        "Efflux pumps drive multidrug resistance in biofilms",
        "10.1038/s41564-021-00999-1",
    )


def test_speaker_notes_are_kept_under_their_slide(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Cas9.pptx",
        title_slide(JINEK_TITLE, *JINEK, notes=("Welcome; paper is in the channel.",)),
        content_slide(
            "Results",
            "Cas9 cuts where the guide pairs",
            notes=("Ask who has used Cas9 at the bench.", "Then show Figure 3."),
        ),
    )
    slides = markdown(path).split("\n---\n")
    assert (
        slides[2]
        .strip()
        .endswith("Speaker notes:\n\nAsk who has used Cas9 at the bench.\n\nThen show Figure 3.")
    )
    assert "Speaker notes:\n\nWelcome; paper is in the channel." in slides[1]


def test_bullets_nest_by_level_with_bold_italic_and_numbers(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Cas9.pptx",
        title_slide(JINEK_TITLE, *JINEK),
        content_slide(
            "Design",
            para(run("Cas9", bold=True), " needs two RNAs"),
            para("crRNA", level=1),
            para("tracrRNA, ", run("in trans", italic=True), level=1),
            para("Fused as one guide", bullet="none"),
            para("Purify Cas9", bullet="number"),
            para("Cut plasmid DNA", bullet="number"),
        ),
        SlideSpec(
            [
                placeholder("title", para("Take-home")),
                text_box(para("Google Slides bullet", bullet="char"), para("a caption")),
            ]
        ),
    )
    slides = markdown(path).split("\n---\n")
    assert slides[2].strip() == (
        "## Design\n\n- **Cas9** needs two RNAs\n    - crRNA\n    - tracrRNA, *in trans*\n\n"
        "Fused as one guide\n\n1. Purify Cas9\n2. Cut plasmid DNA"
    )
    assert slides[3].strip() == "## Take-home\n\n- Google Slides bullet\n\na caption"


def test_a_table_is_a_pipe_table(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Cas9.pptx",
        title_slide(JINEK_TITLE, *JINEK),
        SlideSpec(
            [
                placeholder("title", para("Cleavage")),
                table(["Guide", "Cut?"], ["crRNA + tracrRNA", "yes"], ["crRNA | alone", "no"]),
            ]
        ),
    )
    assert markdown(path).endswith(
        "## Cleavage\n\n| Guide | Cut? |\n| --- | --- |\n| crRNA + tracrRNA | yes |\n"
        "| crRNA \\| alone | no |\n"
    )


def test_shapes_are_read_top_to_bottom_after_the_title(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Order.pptx",
        title_slide(JINEK_TITLE, *JINEK),
        SlideSpec(
            [
                text_box(para("bottom caption"), y=6000000),
                text_box(para("right of the top"), x=6000000, y=1000000),
                text_box(para("top left"), x=100000, y=1000000),
                placeholder("title", para("Figure 2")),
            ]
        ),
    )
    assert markdown(path).endswith(
        "## Figure 2\n\ntop left\n\nright of the top\n\nbottom caption\n"
    )


def test_a_hidden_slide_is_left_out(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Cas9.pptx",
        title_slide(
            "Multidrug resistance in bacteria", "Nikaido H", "Annu Rev Biochem 2009", hidden=True
        ),
        title_slide(JINEK_TITLE, *JINEK),
        content_slide("Backup: off-target cuts", "Not shown", hidden=True),
    )
    text = markdown(path)
    assert "Nikaido" not in text and "Backup" not in text
    assert [p[0] for p in papers_of(path)] == [JINEK_TITLE]


def test_a_first_slide_of_text_boxes_alone_is_titled_by_its_first_line(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Google Slides export.pptx",
        SlideSpec(
            [
                text_box(para("Jinek M, Chylinski K, Fonfara I, et al. Science 2012"), y=3000000),
                text_box(para(JINEK_TITLE), y=1000000),
            ]
        ),
        content_slide("Background", "Bacteria remember phages as spacers"),
    )
    assert markdown(path).startswith(
        f"---\nslide_deck: Google Slides export.pptx\n---\n\n# {JINEK_TITLE}\n\n"
        "Jinek M, Chylinski K, Fonfara I, et al. Science 2012\n"
    )


def test_papers_on_related_work_and_references_slides_are_not_papers_read(
    tmp_path: Path,
) -> None:
    path = pptx(
        tmp_path,
        "Cas9.pptx",
        title_slide(JINEK_TITLE, *JINEK),
        content_slide(
            "Related work",
            "Barrangou R, et al. CRISPR provides acquired resistance against viruses in "
            "prokaryotes. Science. 2007;315:1709–1712. doi:10.1126/science.1138140",
            "Garneau JE, et al. The CRISPR/Cas bacterial immune system cleaves bacteriophage "
            "and plasmid DNA. Nature. 2010;468:67–71.",
        ),
        content_slide("Results", "Cas9 cuts where the guide pairs"),
        content_slide(
            "References",
            para("Deltcheva E, et al. Nature 2011;471:602–607", bullet="number"),
            para("Gasiunas G, et al. PNAS 2012;109:E2579", bullet="number"),
        ),
    )
    assert [p[0] for p in papers_of(path)] == [JINEK_TITLE]


def test_text_that_reads_as_markdown_structure_is_escaped(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Cas9.pptx",
        title_slide(JINEK_TITLE, *JINEK),
        SlideSpec(
            [placeholder("title", para("Notes")), text_box(para("# 1 finding"), para("---"))]
        ),
    )
    assert markdown(path).endswith("## Notes\n\n\\# 1 finding\n\\---\n")


def test_an_owner_file_or_a_deck_of_pictures_alone_gives_no_note(tmp_path: Path) -> None:
    owner = tmp_path / "~$Cas9.pptx"
    owner.write_bytes(b"\x05Priya" + b" " * 48 + "Priya".encode("utf-16-le") + b"\x00" * 100)
    assert read_slides(owner) == []
    picture = (
        '<p:pic><p:nvPicPr><p:cNvPr id="4" name="Figure 1" descr="gel"/><p:cNvPicPr/><p:nvPr/>'
        '</p:nvPicPr><p:blipFill><a:blip r:embed="rId2"/></p:blipFill><p:spPr/></p:pic>'
    )
    figures = pptx(tmp_path, "Figures.pptx", SlideSpec([picture]), SlideSpec([picture]))
    assert read_slides(figures) == []


def test_related_work_under_a_title_slide_with_its_doi_names_no_papers(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Cas9.pptx",
        title_slide(JINEK_TITLE, JINEK[0], "Science, 2012", "doi:10.1126/science.1225829"),
        content_slide(
            "Related work",
            "Barrangou R, et al. CRISPR provides acquired resistance against viruses in "
            "prokaryotes. Science. 2007;315:1709–1712. doi:10.1126/science.1138140",
            "Garneau JE, et al. The CRISPR/Cas bacterial immune system cleaves bacteriophage "
            "and plasmid DNA. Nature. 2010;468:67–71.",
        ),
        content_slide(
            "References",
            para("Deltcheva E, et al. Nature 2011;471:602–607", bullet="number"),
            para("Gasiunas G, et al. PNAS 2012;109:E2579", bullet="number"),
        ),
    )
    assert [(p[0], p[3]) for p in papers_of(path)] == [(JINEK_TITLE, "10.1126/science.1225829")]


def test_a_title_slide_citing_volume_and_pages_keeps_its_title(tmp_path: Path) -> None:
    path = pptx(
        tmp_path,
        "Cas9.pptx",
        title_slide(JINEK_TITLE, *JINEK, "https://doi.org/10.1126/science.1225829"),
        content_slide("Results", "Cas9 cuts where the guide pairs", "… and nowhere else"),
    )
    assert [p[0] for p in papers_of(path)] == [JINEK_TITLE]


ODP_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"'
)
# Impress's automatic styles: dp1 a shown slide, dp2 a hidden one, T1 bold, L1 bullets.
ODP_STYLES = (
    "<office:automatic-styles>"
    '<style:style style:name="dp1" style:family="drawing-page"/>'
    '<style:style style:name="dp2" style:family="drawing-page"><style:drawing-page-properties '
    'presentation:visibility="hidden"/></style:style>'
    '<style:style style:name="T1" style:family="text"><style:text-properties '
    'fo:font-weight="bold"/></style:style>'
    '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" '
    'text:bullet-char="●"/><text:list-level-style-bullet text:level="2" text:bullet-char="–"/>'
    "</text:list-style></office:automatic-styles>"
)


def frame(kind: str, body: str, y: float) -> str:
    """An Impress frame: ``kind`` is its presentation:class ("" for a text box)."""
    cls = f' presentation:class="{kind}"' if kind else ""
    return (
        f'<draw:frame presentation:style-name="pr1"{cls} svg:x="2cm" svg:y="{y}cm" '
        f'svg:width="20cm" svg:height="3cm"><draw:text-box>{body}</draw:text-box></draw:frame>'
    )


def page(*frames: str, notes: str = "", hidden: bool = False) -> str:
    notes_xml = (
        '<presentation:notes draw:style-name="dp1"><draw:page-thumbnail/>'
        f'<draw:frame presentation:class="notes"><draw:text-box><text:p>{notes}</text:p>'
        "</draw:text-box></draw:frame></presentation:notes>"
        if notes
        else ""
    )
    style = "dp2" if hidden else "dp1"
    return (
        f'<draw:page draw:name="page" draw:style-name="{style}" '
        f'draw:master-page-name="Default">{"".join(frames)}{notes_xml}</draw:page>'
    )


def odp(folder: Path, name: str, *pages: str, mimetype: str = "presentation") -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{mimetype}")
        archive.writestr(
            "content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODP_NAMESPACES} '
            f'office:version="1.3">{ODP_STYLES}<office:body><office:presentation>'
            f"{''.join(pages)}</office:presentation></office:body></office:document-content>",
        )
    return path


def test_an_impress_deck_is_read_like_a_powerpoint_one(tmp_path: Path) -> None:
    outline = (
        '<text:list text:style-name="L1"><text:list-item><text:p>Spacers from '
        '<text:span text:style-name="T1">phages</text:span></text:p><text:list>'
        "<text:list-item><text:p>in order of capture</text:p></text:list-item></text:list>"
        "</text:list-item><text:list-item><text:p>Cas9 cuts "
        '<text:a xlink:href="https://doi.org/10.1126/science.1225829">the target</text:a>'
        "</text:p></text:list-item></text:list>"
    )
    path = odp(
        tmp_path,
        "CRISPR scissors.odp",
        page(
            frame("subtitle", f"<text:p>{JINEK_TITLE}</text:p><text:p>{JINEK[0]}</text:p>", 8),
            frame("title", "<text:p>CRISPR scissors</text:p>", 2),
            notes="Start with the phage story.",
        ),
        page(frame("title", "<text:p>Old title slide</text:p>", 2), hidden=True),
        page(frame("title", "<text:p>Background</text:p>", 1), frame("outline", outline, 4)),
    )
    assert markdown(path) == (
        "---\nslide_deck: CRISPR scissors.odp\n---\n\n# CRISPR scissors\n\n"
        f"{JINEK_TITLE}\n{JINEK[0]}\n\nSpeaker notes:\n\nStart with the phage story.\n\n---\n\n"
        "## Background\n\n- Spacers from **phages**\n    - in order of capture\n"
        "- Cas9 cuts [the target](https://doi.org/10.1126/science.1225829)\n"
    )


def test_a_corrupt_or_locked_deck_fails_with_its_name_and_why(tmp_path: Path) -> None:
    not_zip = tmp_path / "Cas9.pptx"
    not_zip.write_bytes(b"PK\x03\x04 truncated in the download")
    with pytest.raises(ParseError, match=r"not a readable \.pptx file") as raised:
        read_slides(not_zip)
    assert raised.value.path == "Cas9.pptx"
    encrypted = tmp_path / "Locked.pptx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(ParseError, match="password-protected"):
        read_slides(encrypted)
    damaged = pptx(tmp_path, "Damaged.pptx", title_slide(JINEK_TITLE, *JINEK))
    replace_part(damaged, "ppt/slides/slide1.xml", f"<p:sld {NS}><p:cSld><p:spTree>")
    with pytest.raises(ParseError, match=r"ppt/slides/slide1.xml is damaged \(line 1"):
        read_slides(damaged)
    word = tmp_path / "Renamed.pptx"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("_rels/.rels", "<Relationships/>")
    with pytest.raises(ParseError, match=r"not a PowerPoint deck: it has no ppt/presentation\.xml"):
        read_slides(word)
    locked = odp(tmp_path, "Locked.odp")
    with zipfile.ZipFile(locked, "a") as archive:
        archive.writestr("META-INF/manifest.xml", "<manifest><encryption-data/></manifest>")
    with pytest.raises(ParseError, match="password-protected") as raised:
        read_slides(locked)
    assert raised.value.path == "Locked.odp"
    sheet = odp(tmp_path, "Grid.odp", mimetype="spreadsheet")
    with pytest.raises(ParseError, match=r"not an OpenDocument presentation but .*spreadsheet"):
        read_slides(sheet)


def test_a_part_too_large_for_slides_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.importers.containers import office
    from papershelf.importers.containers import pptx as pptx_reader

    path = pptx(tmp_path, "Huge.pptx", title_slide(JINEK_TITLE, *JINEK, "x" * 4000))
    monkeypatch.setattr(office, "MAX_PART_BYTES", 2000)
    with pytest.raises(ParseError, match=r"ppt/slides/slide1.xml is too large"):
        read_slides(path)
    monkeypatch.setattr(office, "MAX_PART_BYTES", 10_000)
    monkeypatch.setattr(pptx_reader, "MAX_DECK_BYTES", 3000)
    with pytest.raises(ParseError, match="unpacks to too much text"):
        read_slides(path)


def test_a_folder_of_decks_imports_one_paper_per_presented_paper(
    tmp_path: Path, alice: User
) -> None:
    from papershelf.summaries.models import Summary

    decks = tmp_path / "Journal club"
    (decks / "templates").mkdir(parents=True)
    pptx(
        decks,
        "2024-03-12 Cas9.pptx",
        title_slide(
            JINEK_TITLE, JINEK[0], "Science, 2012", "https://doi.org/10.1126/science.1225829"
        ),
        content_slide(
            "Related work",
            "Barrangou R, et al. CRISPR provides acquired resistance against viruses in "
            "prokaryotes. Science. 2007;315:1709–1712. doi:10.1126/science.1138140",
            "Garneau JE, et al. The CRISPR/Cas bacterial immune system cleaves bacteriophage "
            "and plasmid DNA. Nature. 2010;468:67–71. doi:10.1038/nature09523",
        ),
        content_slide(
            "Results",
            "Cas9 cuts where the guide pairs",
            "Both RNAs are needed",
            notes=("Figure 3 is the one to dwell on.",),
        ),
    )
    pptx(
        decks,
        "2024-04-04 Halicin.pptx",
        title_slide("Journal Club", "Priya Natarajan", "4 April 2024"),
        content_slide(
            "The paper",
            para(
                "Stokes JM, Yang K, Swanson K, et al. A Deep Learning Approach to Antibiotic "
                f"Discovery. Cell. 2020;180(4):688–702. doi:{STOKES_DOI}"
            ),
        ),
        content_slide("Methods", "Message passing over molecular graphs", "2,335 molecules"),
    )
    odp(
        decks,
        "2024-05-02 Efflux.odp",
        page(
            frame(
                "title", "<text:p>Efflux pumps drive multidrug resistance in biofilms</text:p>", 2
            ),
            frame(
                "subtitle",
                "<text:p>Okafor N, Lindqvist A, Meyer T</text:p>"
                "<text:p>doi:10.1038/s41564-021-00999-1</text:p>",
                8,
            ),
        ),
        page(
            frame("title", "<text:p>Setup</text:p>", 1), frame("", "<text:p>Flow cells</text:p>", 5)
        ),
    )
    template = (
        title_slide("Title of the paper", "Author One, Author Two", "Journal, YYYY"),
        content_slide("Methods", "…"),
    )
    pptx(decks / "templates", "Journal club.pptx", *template)
    pptx(decks, "Journal club template.pptx", *template)
    (decks / "~$2024-04-04 Halicin.pptx").write_bytes(b"\x05Priya" + b"\x00" * 160)
    (decks / ".~lock.2024-05-02 Efflux.odp#").write_text(
        ",Priya,priya-laptop,02.05.2024 09:58,file:///home/priya/.config/libreoffice/4;"
    )

    report = import_paths([decks], ImportOptions(user=alice, fetch_metadata=False))

    papers = {paper.doi: paper.title for paper in Paper.objects.all()}
    assert papers == {
        "10.1126/science.1225829": JINEK_TITLE,
        STOKES_DOI: "A Deep Learning Approach to Antibiotic Discovery",
        "10.1038/s41564-021-00999-1": "Efflux pumps drive multidrug resistance in biofilms",
    }
    outcomes = {outcome.name: outcome for outcome in report.files}
    assert outcomes["2024-03-12 Cas9.pptx/2024-03-12 Cas9.md"].status == "imported"
    skipped = {name: o.detail for name, o in outcomes.items() if o.status == "skipped"}
    assert set(skipped) == {
        "templates/Journal club.pptx/Journal club.md",
        "Journal club template.pptx/Journal club template.md",
        "~$2024-04-04 Halicin.pptx",  # who has the deck open: no note
        ".~lock.2024-05-02 Efflux.odp#",
    }
    assert not [outcome for outcome in report.files if outcome.status == "failed"]
    cas9 = Summary.objects.get(paper__doi="10.1126/science.1225829")
    assert "## Results" in cas9.body and "Figure 3 is the one to dwell on." in cas9.body


def test_smartart_groups_and_the_footer_are_read_too(tmp_path: Path) -> None:
    data = (
        '<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
        f'xmlns:a="{A}"><dgm:ptLst><dgm:pt modelId="0" type="doc"><dgm:t><a:p/></dgm:t></dgm:pt>'
        f'<dgm:pt modelId="1"><dgm:t>{para("Extract plasmid")}</dgm:t></dgm:pt>'
        f'<dgm:pt modelId="2"><dgm:t>{para("Digest with Cas9")}</dgm:t></dgm:pt>'
        '<dgm:pt modelId="3" type="parTrans"><dgm:t><a:p/></dgm:t></dgm:pt>'
        "</dgm:ptLst></dgm:dataModel>"
    )
    smartart = (
        '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="5" name="Diagram 4"/>'
        '<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="2000000"/>'
        '</p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/'
        '2006/diagram"><dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/'
        'diagram" r:dm="rId8" r:lo="rId9" r:qs="rId10" r:cs="rId11"/></a:graphicData>'
        "</a:graphic></p:graphicFrame>"
    )
    group = (
        '<p:grpSp><p:nvGrpSpPr/><p:grpSpPr><a:xfrm><a:off x="0" y="5000000"/></a:xfrm>'
        f"</p:grpSpPr>{text_box(para('right'), x=900, y=10)}{text_box(para('left'), x=10, y=10)}"
        "</p:grpSp>"
    )
    footer = placeholder("ftr", para("Jinek et al., Science 2012 · doi:10.1126/science.1225829"))
    path = pptx(
        tmp_path,
        "Cas9.pptx",
        title_slide("CRISPR scissors", "Ana · lab meeting"),
        SlideSpec(
            [placeholder("title", para("Protocol")), group, smartart, footer],
            parts={"rId8": ("diagramData", "diagrams/data1.xml")},
        ),
        parts={"diagrams/data1.xml": data},
    )
    assert markdown(path) == (
        "---\nslide_deck: Cas9.pptx\n---\n\n# CRISPR scissors\n\nAna · lab meeting\n\n"
        "Jinek et al., Science 2012 · doi:10.1126/science.1225829\n\n---\n\n"
        "## Protocol\n\n- Extract plasmid\n- Digest with Cas9\n\nleft\n\nright\n"
    )
