"""Evernote exports: each note becomes a Markdown note, its attachments are left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.enex import read_enex
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

# Evernote's own shape: a DOCTYPE naming its DTD, ENML in CDATA, a base64 resource.
HEAD = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">
<en-export export-date="20240305T141522Z" application="Evernote" version="10.76.2">
"""
ENML = """<![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd"><en-note>{}</en-note>]]>"""
RESOURCE = """<resource><data encoding="base64">
iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAEA/4mZ
</data><mime>image/png</mime>
<resource-attributes><file-name>figure1.png</file-name></resource-attributes></resource>"""


def _note(title: str, body: str, tags: tuple[str, ...] = (), source: str = "") -> str:
    attributes = f"<source-url>{source}</source-url>" if source else ""
    return (
        f"<note><title>{title}</title><created>20190311T150212Z</created>"
        + "".join(f"<tag>{tag}</tag>" for tag in tags)
        + f"<note-attributes>{attributes}</note-attributes>"
        + f"<content>{ENML.format(body)}</content>{RESOURCE}</note>\n"
    )


def _export(folder: Path, *notes: str, name: str = "Papers.enex") -> Path:
    path = folder / name
    path.write_text(HEAD + "".join(notes) + "</en-export>\n", encoding="utf-8")
    return path


CLIP = _note(
    "Attention Is All You Need | arXiv",
    "<div><b>My notes:</b> the transformer paper.</div>"
    '<div><en-media hash="db378f9c5f7c9382dc5bd847995a3b10" type="image/png"/></div>',
    tags=("transformers", "classic"),
    source="https://arxiv.org/abs/1706.03762",
)
TYPED = _note(
    "BERT (Devlin 2019)",
    "<div>Devlin J, Chang MW, Lee K, Toutanova K. BERT: Pre-training of Deep Bidirectional"
    " Transformers for Language Understanding. <i>NAACL</i>. 2019."
    " doi:10.18653/v1/N19-1423</div><ul><li><div>masked LM + next sentence</div></li></ul>",
    tags=("transformers",),
)


def test_an_evernote_export_imports_the_papers_its_notes_name(tmp_path: Path, alice: User) -> None:
    _export(tmp_path, CLIP, TYPED, _note("Lab meeting", "<div>Room 3.02 from May</div>"))
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("arxiv_id", flat=True)) >= {"1706.03762"}
    assert "10.18653/v1/n19-1423" in set(Paper.objects.values_list("doi", flat=True))
    names = {outcome.name for outcome in report.files}
    assert "Papers.enex/BERT (Devlin 2019).md" in names


def test_a_note_keeps_its_title_tags_and_clipped_address_and_drops_its_attachments(
    tmp_path: Path,
) -> None:
    [(name, text)] = read_enex(_export(tmp_path, CLIP))
    assert name == "Attention Is All You Need arXiv.md"
    assert text.startswith(
        "---\nsource: https://arxiv.org/abs/1706.03762\ntags:\n- transformers\n- classic\n---\n"
        "# Attention Is All You Need | arXiv\n\n**My notes:** the transformer paper."
    )
    assert "en-media" not in text and "iVBOR" not in text and "DOCTYPE" not in text


def test_evernote_checkboxes_become_a_task_list(tmp_path: Path) -> None:
    body = (
        '<div><b>queue</b></div><div><en-todo checked="true"/>Doench 2016</div>'
        '<div><en-todo checked="false"/>C2c2 paper</div>'
        '<ul style="--en-todo:true;"><li style="--en-checked:false;"><div>Cas13</div></li></ul>'
    )
    [(_, text)] = read_enex(_export(tmp_path, _note("to read", body)))
    assert "- [x] Doench 2016\n- [ ] C2c2 paper\n" in text
    assert "* [ ] Cas13" in text


def test_two_notes_with_one_title_are_written_to_two_files(tmp_path: Path) -> None:
    notes = [_note("Reading / week 1", "<div>a</div>"), _note("Reading / week 1", "<div>b</div>")]
    members = read_enex(_export(tmp_path, *notes))
    assert [name for name, _ in members] == ["Reading week 1.md", "Reading week 1 2.md"]


def test_an_export_that_declares_entities_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "bomb.enex"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE en-export [\n<!ENTITY lol "lol">\n]>\n'
        "<en-export><note><title>&lol;</title></note></en-export>\n"
    )
    with pytest.raises(ParseError, match="entities") as raised:
        read_enex(path)
    assert raised.value.line == 3


def test_a_cut_off_export_says_where_it_breaks(tmp_path: Path) -> None:
    path = _export(tmp_path, CLIP)
    path.write_text(path.read_text()[:-40])
    with pytest.raises(ParseError, match="not a readable Evernote export") as raised:
        read_enex(path)
    assert raised.value.path == "Papers.enex" and raised.value.line


def test_an_xml_file_that_is_not_an_evernote_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.enex"
    path.write_text('<?xml version="1.0"?>\n<rss><channel/></rss>\n')
    with pytest.raises(ParseError, match="not an Evernote export"):
        read_enex(path)


def test_a_corrupt_export_named_alone_fails_the_import_with_its_name(
    tmp_path: Path, alice: User
) -> None:
    path = tmp_path / "Papers.enex"
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(ParseError, match=r"Papers\.enex"):
        import_paths([path], ImportOptions(user=alice, fetch_metadata=False))
