"""The import formats, by name. Adding one is adding a folder and a line here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from papershelf.importers.records import ParsedDocument, ParseHints


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    extensions: tuple[str, ...]
    parse: Callable[[str, str], ParsedDocument]
    sniff: Callable[[str], bool]  # does this text look like our format?
    # Formats whose structure a person can correct in the preview (split level, separator).
    parse_with_hints: Callable[[str, str, ParseHints], ParsedDocument] | None = None


def _formats() -> dict[str, Format]:
    from papershelf.importers.anki.importer import FORMAT as ANKI
    from papershelf.importers.appjson.importer import FORMAT as APP_JSON
    from papershelf.importers.asciidoc.importer import FORMAT as ASCIIDOC
    from papershelf.importers.bibtex.importer import FORMAT as BIBTEX
    from papershelf.importers.citavi.importer import FORMAT as CITAVI
    from papershelf.importers.csl.importer import FORMAT as CSL
    from papershelf.importers.csvtable.importer import FORMAT as CSV
    from papershelf.importers.dokuwiki.importer import FORMAT as DOKUWIKI
    from papershelf.importers.endnote.importer import FORMAT as ENDNOTE
    from papershelf.importers.gemtext.importer import FORMAT as GEMTEXT
    from papershelf.importers.hayagriva.importer import FORMAT as HAYAGRIVA
    from papershelf.importers.html.importer import FORMAT as HTML
    from papershelf.importers.ids.importer import FORMAT as IDS
    from papershelf.importers.kindle.importer import FORMAT as KINDLE
    from papershelf.importers.latex.importer import FORMAT as LATEX
    from papershelf.importers.medline.importer import FORMAT as MEDLINE
    from papershelf.importers.mendeley.importer import FORMAT as MENDELEY
    from papershelf.importers.notebook.importer import FORMAT as NOTEBOOK
    from papershelf.importers.notes.importer import FORMAT as NOTES
    from papershelf.importers.opml.importer import FORMAT as OPML
    from papershelf.importers.org.importer import FORMAT as ORG
    from papershelf.importers.paperpile.importer import FORMAT as PAPERPILE
    from papershelf.importers.papis.importer import FORMAT as PAPIS
    from papershelf.importers.refworks.importer import FORMAT as REFWORKS
    from papershelf.importers.ris.importer import FORMAT as RIS
    from papershelf.importers.rst.importer import FORMAT as RST
    from papershelf.importers.rtf.importer import FORMAT as RTF
    from papershelf.importers.slack.importer import FORMAT as SLACK
    from papershelf.importers.tiddlywiki.importer import FORMAT as TIDDLYWIKI
    from papershelf.importers.twitter.importer import FORMAT as TWITTER
    from papershelf.importers.typst.importer import FORMAT as TYPST
    from papershelf.importers.vimwiki.importer import FORMAT as VIMWIKI
    from papershelf.importers.whatsapp.importer import FORMAT as WHATSAPP
    from papershelf.importers.wos.importer import FORMAT as WOS
    from papershelf.importers.yamldata.importer import FORMAT as YAML_DATA
    from papershelf.importers.zim.importer import FORMAT as ZIM
    from papershelf.importers.zotero.importer import FORMAT as ZOTERO_JSON
    from papershelf.importers.zoterordf.importer import FORMAT as ZOTERO_RDF

    # Slack and apps before CSL: a day file's link previews carry "type" and "title" too.
    # Paperpile's JSON before CSL's: both are arrays of references.
    # Zotero's item JSON before CSL's: both are arrays of references.
    named: tuple[Format, ...] = (BIBTEX, SLACK, APP_JSON, ZOTERO_JSON, PAPERPILE, CSL, RIS, IDS)
    named += (HTML, ORG)
    named += (DOKUWIKI,)
    named += (CSV, TIDDLYWIKI, RST, NOTEBOOK, VIMWIKI, RTF)
    # Known by their suffixes: .typ is Typst's own; a .yml is a bibliography by its shape.
    named += (TYPST, HAYAGRIVA)
    named += (PAPIS,)  # a Papis document's info.yaml: one record of flat fields
    named += (YAML_DATA,)  # a site's _data/reading.yml: records of papers
    named += (LATEX,)  # .tex is LaTeX's own
    named += (GEMTEXT,)  # .gmi is a Gemini capsule's page
    named += (TWITTER,)  # .js: a Twitter archive's data, any other script skipped
    # Clippings, Zim pages, chat exports and Anki's notes are .txt, like DokuWiki pages:
    # their shape is looked at first (a Zim page has DokuWiki's headings and links under
    # its own header; Anki's notes a header of their own, or as many tabs on each row).
    # PubMed's and Web of Science's exports are .txt too, known by their first line.
    first = (MEDLINE, WOS, REFWORKS, ZIM, WHATSAPP, KINDLE, ANKI)
    # Reference-manager exports, known by suffix and root: an .xml or .rdf file reaches
    # them through its container, which reads it by content (endnote/container.py).
    named += (ENDNOTE, ZOTERO_RDF, MENDELEY, CITAVI)
    # Notes reads any text: it comes last.
    return {f.name: f for f in (*first, *named, ASCIIDOC, OPML, NOTES)}


def formats() -> dict[str, Format]:
    return _formats()


def detect(path: Path, text: str) -> Format:
    """Pick a format by extension, then by content; notes is what every text document is."""
    available = formats()
    suffix = path.suffix.lower()
    by_extension = [f for f in available.values() if suffix in f.extensions]
    for candidate in by_extension:
        if candidate.sniff(text):
            return candidate
    if not suffix and available["org"].sniff(text):
        return available["org"]  # an org-journal day (reading._org_without_suffix)
    for name in (
        "bibtex", "csl", "ris", "medline", "wos", "ids", "html", "kindle", "dokuwiki", "rtf"
    ):  # fmt: skip
        if available[name].sniff(text):
            return available[name]
    return available["notes"]
