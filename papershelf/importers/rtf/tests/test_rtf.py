"""RTF notes (TextEdit, WordPad, Word "Rich Text"), converted to Markdown and read as notes.

The fixtures are small documents written in the shapes those programs write: TextEdit's
Cocoa RTF (a backslash ends each paragraph, \\uc0 before \\u), WordPad's (\\par, bare
HYPERLINK), Word's (a style sheet, outline levels, footnotes, tables, a theme and a
picture to skip).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.records import ParseError
from papershelf.importers.registry import detect
from papershelf.importers.rtf.convert import MAX_DEPTH, read_rtf
from papershelf.importers.rtf.parse import looks_like_rtf, parse, rtf_to_markdown
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

TEXTEDIT = r"""{\rtf1\ansi\ansicpg1252\cocoartf2761
\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica;\f1\fswiss\fcharset0 Helvetica-Bold;}
{\colortbl;\red255\green255\blue255;}
{\*\expandedcolortbl;;}
\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0
\pard\tx566\tx1133\pardirnatural\partightenfactor0

\f1\b\fs24 \cf0 Reading group \'96 week 3
\f0\b0 \
\
\pard\tx220\tx720\li720\fi-720\pardirnatural\partightenfactor0
\ls1\ilvl0\cf0 {\listtext	\uc0\u8226 	}Vaswani et al. 2017, \i Attention Is All You Need\i0 . NeurIPS. {\field{\*\fldinst{HYPERLINK "https://arxiv.org/abs/1706.03762"}}{\fldrslt arXiv:1706.03762}}\
{\listtext	\uc0\u8226 	}Devlin et al. 2019 \uc0\u8212  \i BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding\i0 , NAACL. {\field{\*\fldinst{HYPERLINK "https://doi.org/10.18653/v1/N19-1423"}}{\fldrslt https://doi.org/10.18653/v1/N19-1423}}\
\pard\tx566\tx1133\pardirnatural\partightenfactor0
\cf0 \
Don\'92t skip the appendix; compare with \u8220 ELMo\u8221 .\
}"""  # noqa: E501 - RTF lines run as long as the programs write them

WORDPAD = r"""{\rtf1\ansi\ansicpg1252\deff0\nouicompat\deflang1033{\fonttbl{\f0\fnil\fcharset0 Calibri;}}
{\*\generator Riched20 10.0.19041}\viewkind4\uc1
\pard\sa200\sl276\slmult1\f0\fs22\lang9 Notes on {\b Deep Residual Learning}\par
He et al., CVPR 2016 \endash  see {{\field{\*\fldinst{HYPERLINK https://arxiv.org/abs/1512.03385 }}{\fldrslt{\ul\cf1 the paper}}}}\f0\fs22\par
\u8220?Shortcut\u8221? connections ease optimisation.\par
}"""  # noqa: E501 - RTF lines run as long as the programs write them

WORD = r"""{\rtf1\adeflang1025\ansi\ansicpg1252\uc1\adeff31507\deff0\stshfdbch31505
{\fonttbl{\f0\fbidi \froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}
{\f3\fbidi \froman\fcharset2\fprq2{\*\panose 05050102010706020507}Symbol;}}
{\colortbl;\red0\green0\blue0;\red5\green99\blue193;}
{\stylesheet{\ql \li0\ri0\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 \rtlch\fcs1 \af31507\afs24\alang1025 \ltrch\fcs0 \f31506\fs24\lang2057\langfe1033\cgrid\langnp2057\langfenp1033 \snext0 \sqformat \spriority0 Normal;}
{\s1\ql \li0\ri0\sb240\keepn\widctlpar\outlinelevel0\rin0\lin0\itap0 \b\fs32 \sbasedon0 \snext0 \slink15 \sqformat heading 1;}
{\s2\ql \li0\ri0\sb40\keepn\widctlpar\outlinelevel1\rin0\lin0\itap0 \b\fs26 \sbasedon0 \snext0 heading 2;}
{\*\cs10 \additive \ssemihidden \sunhideused \spriority1 Default Paragraph Font;}}
{\*\rsidtbl \rsid1204527\rsid4738921}
{\*\generator Microsoft Word 16.0;}{\info{\title Literature notes}{\author A. Student}{\operator A. Student}}
{\*\xmlnstbl {\xmlns1 http://schemas.microsoft.com/office/word/2003/wordml}}
\paperw11906\paperh16838\margl1440\margr1440
{\*\themedata 504b030414000600080000002100e9de0fbfff0000001c020000130000005b436f6e74656e745f54797065735d2e786d6c}
\pard\plain \ltrpar\s1\ql \li0\ri0\sb240\keepn\widctlpar\outlinelevel0\rin0\lin0\itap0 \rtlch\fcs1 \ab\af31503\afs32 \ltrch\fcs0 \b\fs32\insrsid4738921 Generative models\par
\pard\plain \ltrpar\s2\ql \li0\ri0\sb40\keepn\widctlpar\outlinelevel1\rin0\lin0\itap0 \b\fs26 Diffusion\par
\pard\plain \ltrpar\ql \li0\ri0\sa160\widctlpar\itap0 \fs24 Ho, Jain & Abbeel (2020). {\i Denoising Diffusion Probabilistic Models}. NeurIPS. {\field{\*\fldinst {\rtlch\fcs1 \af0 \ltrch\fcs0 \insrsid4738921  HYPERLINK "https://arxiv.org/abs/2006.11239" \\o "arXiv" }{\rtlch\fcs1 \af0 \ltrch\fcs0 \insrsid4738921 {\*\datafield 00d0c9ea79f9bace118c8200aa004ba90b02000000170000}}}{\fldrslt {\rtlch\fcs1 \af0 \ltrch\fcs0 \cs15\ul\cf2\insrsid4738921 arXiv:2006.11239}}}\sectd \ltrsect\par
\pard\plain \ltrpar\ql \li720\ri0\sa160\widctlpar\fi-360\ls1\ilvl0 \fs24 {\listtext\pard\plain \ltrpar \f3\fs24\insrsid4738921 \loch\af3\dbch\af0\hich\f3 \'b7\tab}Trained with a simplified loss{\super\chftn}{\footnote \ltrpar \pard\plain \ltrpar\s16\ql \li0\ri0\widctlpar\itap0 \fs20 {\super\chftn } Sohl-Dickstein et al. (2015) had the idea first.}\par
{\*\shppict{\pict{\*\picprop}\picw1000\pich1000\pngblip 89504e470d0a1a0a0000000d4948445200000001}}{\nonshppict{\pict\wmetafile8 0100090000033e00}}
\pard\plain \ltrpar\ql \li0\ri0\widctlpar\intbl\itap1 \fs24 Paper\cell Year\cell \pard\plain \ltrpar\ql \widctlpar\intbl\itap1 {\trowd \irow0\irowband0\ltrrow\cellx4513\cellx9026\row }
\pard\plain \ltrpar\ql \li0\ri0\widctlpar\intbl\itap1 \fs24 Score-Based Generative Modeling through SDEs\cell 2021\cell \pard\plain \ltrpar\ql \widctlpar\intbl\itap1 {\trowd \irow1\irowband1\lastrow \ltrrow\cellx4513\cellx9026\row }
\pard\plain \ltrpar\ql \li0\ri0\sa160\widctlpar\itap0 \fs24 After the table.\par
}"""  # noqa: E501 - RTF lines run as long as the programs write them


def test_a_textedit_note_keeps_its_lines_emphasis_links_and_list() -> None:
    markdown, _ = rtf_to_markdown(TEXTEDIT, "week3.rtf")
    assert markdown.splitlines() == [
        "**Reading group – week 3**",
        "",
        "- Vaswani et al. 2017, *Attention Is All You Need*. NeurIPS. "
        "[arXiv:1706.03762](https://arxiv.org/abs/1706.03762)",
        "- Devlin et al. 2019 — *BERT: Pre-training of Deep Bidirectional Transformers for "
        "Language Understanding*, NAACL. https://doi.org/10.18653/v1/N19-1423",
        "",
        "Don’t skip the appendix; compare with “ELMo”.",
    ]


def test_a_wordpad_document_reads_bare_hyperlinks_and_unicode_fallbacks() -> None:
    markdown, _ = rtf_to_markdown(WORDPAD, "resnet.rtf")
    assert markdown.splitlines() == [
        "Notes on **Deep Residual Learning**",
        "",
        "He et al., CVPR 2016 – see [the paper](https://arxiv.org/abs/1512.03385)",
        "",
        "“Shortcut” connections ease optimisation.",
    ]


def test_a_word_document_keeps_headings_footnotes_and_tables_and_drops_its_machinery() -> None:
    markdown, _ = rtf_to_markdown(WORD, "notes.rtf")
    assert "# Generative models" in markdown and "## Diffusion" in markdown
    assert (
        "Ho, Jain & Abbeel (2020). *Denoising Diffusion Probabilistic Models*. NeurIPS. "
        "[arXiv:2006.11239](https://arxiv.org/abs/2006.11239)"
    ) in markdown
    assert "- Trained with a simplified loss[^1]" in markdown
    assert markdown.rstrip().endswith("[^1]: Sohl-Dickstein et al. (2015) had the idea first.")
    assert (
        "| Paper | Year |\n| --- | --- |\n"
        "| Score-Based Generative Modeling through SDEs | 2021 |\n\nAfter the table."
    ) in markdown
    for machinery in ("Times New Roman", "Literature notes", "504b0304", "89504e47", "Normal"):
        assert machinery not in markdown


def test_nested_groups_restore_the_emphasis_of_the_group_around_them() -> None:
    markdown, _ = rtf_to_markdown(r"{\rtf1 plain {\b bold {\i both} bold} plain\par}", "x.rtf")
    assert markdown == "plain **bold** ***both*** **bold** plain\n"


def test_bullets_typed_at_the_start_of_a_paragraph_make_a_list() -> None:
    text = r"{\rtf1\ansi To read\par \'95 Kuhl (2004)\par \u8226 ? Swingley 2009\par}"
    assert rtf_to_markdown(text, "queue.rtf")[0] == "To read\n- Kuhl (2004)\n- Swingley 2009\n"


def test_bytes_are_read_in_the_documents_code_page() -> None:
    cyrillic = r"{\rtf1\ansi\ansicpg1251 \'d1\'f2\'e0\'f2\'fc\'ff\par}"
    mac = r"{\rtf1\mac Caf\'8e\par}"
    assert rtf_to_markdown(cyrillic, "ru.rtf")[0] == "Статья\n"
    assert rtf_to_markdown(mac, "mac.rtf")[0] == "Café\n"


def test_a_fonts_character_set_overrides_the_documents_code_page() -> None:
    # Shift-JIS for the Japanese font, whose second byte may be written as a plain "e".
    text = (
        r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fcharset0 Arial;}{\f1\fcharset128 MS Mincho;}}"
        r"\f0 caf\'e9 {\f1 \'82\'a0\'83e}\par}"
    )
    assert rtf_to_markdown(text, "ja.rtf")[0] == "café あテ\n"


def test_unicode_escapes_skip_their_fallback_and_join_surrogate_pairs() -> None:
    text = r"{\rtf1\ansi\uc2 \u945\'61\'61 and {\uc1 \u-10179?\u-8704?} and \u8212\'97\'97 end\par}"
    assert rtf_to_markdown(text, "u.rtf")[0] == "α and 😀 and — end\n"


def test_binary_data_is_skipped_whatever_it_holds() -> None:
    text = "{\\rtf1 before {\\pict\\bin6 {}}\\\\x} after\\par}"
    assert rtf_to_markdown(text, "bin.rtf")[0] == "before after\n"


def test_scrivener_inline_footnotes_become_footnotes() -> None:
    text = (
        r"{\rtf1\ansi Infants track statistics"
        r"{\Scrv_fn=Saffran et al. 1996, {\i Science}\end_Scrv_fn}.\par}"
    )
    markdown, _ = rtf_to_markdown(text, "content.rtf")
    assert markdown == "Infants track statistics[^1].\n\n[^1]: Saffran et al. 1996, Science\n"


def test_each_markdown_line_knows_the_rtf_line_it_came_from() -> None:
    # What warnings say: "week3.rtf:12", the line a person finds in the file.
    markdown, origins = rtf_to_markdown(TEXTEDIT, "week3.rtf")
    lines = markdown.splitlines()
    devlin = next(i for i, line in enumerate(lines) if line.startswith("- Devlin"))
    assert TEXTEDIT.splitlines()[origins[devlin]].startswith("{\\listtext\t\\uc0\\u8226 \t}Devlin")


def test_a_file_that_is_not_rtf_is_refused_at_its_first_line() -> None:
    with pytest.raises(ParseError, match="not an RTF document") as raised:
        read_rtf("Just some notes\n", "notes.rtf")
    assert (raised.value.path, raised.value.line) == ("notes.rtf", 1)


def test_groups_nested_past_the_limit_are_refused_with_their_line() -> None:
    text = "{\\rtf1\n\n" + "{" * (MAX_DEPTH + 5) + "deep" + "}" * (MAX_DEPTH + 6)
    with pytest.raises(ParseError, match="nested deeper") as raised:
        read_rtf(text, "deep.rtf")
    assert (raised.value.path, raised.value.line) == ("deep.rtf", 3)


def test_a_document_past_the_size_limit_is_refused_before_it_is_read() -> None:
    with pytest.raises(ParseError, match="too large"):
        read_rtf("{\\rtf1 " + "x" * 5000 + "}", "huge.rtf", max_chars=1000)


def test_a_document_cut_off_before_its_last_brace_keeps_its_text() -> None:
    assert rtf_to_markdown(r"{\rtf1 Cut {\b off", "cut.rtf")[0] == "Cut **off**\n"


def test_rtf_is_recognised_by_its_header_whatever_its_suffix() -> None:
    assert looks_like_rtf("\ufeff{\\rtf1\\ansi hello}")
    assert detect(Path("notes.doc"), WORDPAD).name == "rtf"
    assert detect(Path("notes.rtf"), WORDPAD).name == "rtf"


def test_the_notes_reader_finds_the_papers_an_rtf_note_names() -> None:
    document = parse(TEXTEDIT, "week3.rtf")
    assert document.format == "rtf"
    found = {entry.paper.arxiv_id or entry.paper.doi for entry in document.entries if entry.paper}
    assert found == {"1706.03762", "10.18653/v1/n19-1423"}


def test_a_folder_of_rtf_notes_imports_their_papers(tmp_path: Path, alice: User) -> None:
    (tmp_path / "week3.rtf").write_text(TEXTEDIT, encoding="ascii")
    # Word writes bytes of its code page unescaped now and then: they are read in it.
    (tmp_path / "resnet.rtf").write_bytes(
        WORDPAD.replace("optimisation", "optimisation \u2013 na\u00efve").encode("cp1252")
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert {"1706.03762", "1512.03385"} <= set(Paper.objects.values_list("arxiv_id", flat=True))
