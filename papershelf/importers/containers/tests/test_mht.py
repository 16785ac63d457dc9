"""Web archives (.mht): a OneNote section export is a note per page, a saved page one note.

The fixtures follow what the programs write: OneNote's "Single File Web Page" export
(one quoted-printable HTML part, each page a <div> with its title, date and outlines,
images in parts of their own), Chrome's "Webpage, Single File" (From: <Saved by
Blink>, the page's address, frames and styles as further parts) and Internet
Explorer's "Web Archive" (base64, windows-1252).
"""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.mht import read_mht
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

ONENOTE_BOUNDARY = "----=_NextPart_01DA4E7C.5C3B9A10"


def _qp(text: str, charset: str = "utf-8") -> str:
    return quopri.encodestring(text.encode(charset)).decode("ascii")


def _onenote_page(title: str, date: str, outline: str) -> str:
    """One page as OneNote writes it: its title, its date and time, then its outline."""
    return f"""<div style='direction:ltr;border-width:100%'>
<div style='direction:ltr;margin-top:0in;margin-left:0in;width:6.5in'>
<div style='direction:ltr;margin-top:0in;margin-left:0in;width:3.2in'>
<p style='margin:0in;font-family:"Calibri Light";font-size:20.0pt'>{title}</p>
</div>
<div style='direction:ltr;margin-top:.0423in;margin-left:0in;width:1.6in'>
<p style='margin:0in;font-size:10.0pt;color:#767676'><span style='font-family:Calibri'>{date}</span></p>
<p style='margin:0in;font-size:10.0pt;color:#767676'><span style='font-family:Calibri'>10:02</span></p>
</div>
<div style='direction:ltr;margin-top:.4in;margin-left:0in;width:6.1in'>
{outline}
</div>
</div>
</div>
<p style='margin:0in;font-family:Calibri;font-size:11.0pt'>&nbsp;</p>
"""  # noqa: E501 - OneNote's own line lengths


ATTENTION_PAGE = _onenote_page(
    "Attention (week 1)",
    "Monday, 15 January 2024",
    "<p style='margin:0in;font-family:Calibri;font-size:11.0pt'><span "
    "style='font-weight:bold'>Vaswani et al. 2017</span>, <i>Attention Is All You Need</i>,"
    '\nNeurIPS. <a href="https://arxiv.org/abs/1706.03762">arXiv:1706.03762</a></p>\n'
    "<ul type=disc style='direction:ltr;margin-top:0in;margin-bottom:0in'>\n"
    " <li style='margin-top:0;margin-bottom:0;vertical-align:middle'><span\n"
    " style='font-family:Calibri;font-size:11.0pt'>multi-head attention, no\n"
    " recurrence</span></li>\n"
    "</ul>\n<p style='margin:0in'><img width=320 height=180\n"
    ' src="Reading%20group_files/image001.png" alt="Machine generated alternative text"></p>',
)
BERT_PAGE = _onenote_page(
    "BERT (week 2)",
    "Monday, 22 January 2024",
    "<p style='margin:0in;font-family:\"Calibri Light\";font-size:16.0pt;color:#1E4E79'>"
    "Reading</p>\n"
    "<p style='margin:0in'>Devlin, Chang, Lee &amp; Toutanova (2019). <span "
    "style='font-style:italic'>BERT: Pre-training of Deep Bidirectional Transformers for\n"
    "Language Understanding</span>. NAACL. doi:10.18653/v1/N19-1423</p>",
)
ROOMS_PAGE = _onenote_page(
    "Room bookings",
    "Tuesday, 23 January 2024",
    "<p style='margin:0in'>Seminar room 2.14 is ours on Mondays until March.</p>",
)
ONENOTE_HTML = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:dt="uuid:C2F41010-65B3-11d1-A29F-00AA00C14882"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=OneNote.File>
<meta name=Generator content="Microsoft OneNote 15">
<link id=Main-File rel=Main-File href="Reading%20group.htm">
<link rel=File-List href="Reading%20group_files/filelist.xml">
</head>
<body lang=en-GB style='font-family:Calibri;font-size:11.0pt'>
{ATTENTION_PAGE}{BERT_PAGE}{ROOMS_PAGE}
</body>
</html>
"""

ONENOTE_SECTION = f"""MIME-Version: 1.0
Content-Type: multipart/related; boundary="{ONENOTE_BOUNDARY}"

This document is a Single File Web Page, also known as a Web Archive file.  If you are \
seeing this message, your browser or editor doesn't support Web Archive files.

--{ONENOTE_BOUNDARY}
Content-Location: file:///C:/4A2B9C1D/Reading%20group.htm
Content-Transfer-Encoding: quoted-printable
Content-Type: text/html; charset="utf-8"

{_qp(ONENOTE_HTML)}
--{ONENOTE_BOUNDARY}
Content-Location: file:///C:/4A2B9C1D/Reading%20group_files/image001.png
Content-Transfer-Encoding: base64
Content-Type: image/png

iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==

--{ONENOTE_BOUNDARY}
Content-Location: file:///C:/4A2B9C1D/Reading%20group_files/filelist.xml
Content-Transfer-Encoding: quoted-printable
Content-Type: text/xml; charset="utf-8"

<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office">
 <o:MainFile HRef=3D"../Reading%20group.htm"/>
</xml>
--{ONENOTE_BOUNDARY}--
"""

CHROME_BOUNDARY = "----MultipartBoundary--Xk2ZrYwq5aT0p3mB8cH1vLnDe6FgU9sQ----"
CHROME_PAGE = """<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Type" \
content="text/html; charset=UTF-8"><title>Diffusion reading list — Lab blog</title>
<link rel="stylesheet" href="https://lab.example.org/static/site.css"><script>track()</script>
</head><body><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav>
<article><h1>Diffusion reading list</h1>
<p>Start with <em>Denoising Diffusion Probabilistic Models</em> (Ho, Jain &amp; Abbeel, \
NeurIPS 2020), <a href="https://arxiv.org/abs/2006.11239">arXiv:2006.11239</a> — the \
paper that made diffusion practical.</p>
<iframe src="https://ads.example.com/slot"></iframe></article></body></html>"""
CHROME_SAVED = f"""From: <Saved by Blink>
Snapshot-Content-Location: https://lab.example.org/blog/diffusion-reading-list
Subject: =?utf-8?Q?Diffusion_reading_list_=E2=80=94_Lab_blog?=
Date: Tue, 6 Feb 2024 09:12:44 -0000
MIME-Version: 1.0
Content-Type: multipart/related;
\ttype="text/html";
\tboundary="{CHROME_BOUNDARY}"


--{CHROME_BOUNDARY}
Content-Type: text/html
Content-ID: <frame-5B1E8F0A3C2D4E6F7A8B9C0D1E2F3A4B@mhtml.blink>
Content-Transfer-Encoding: quoted-printable
Content-Location: https://lab.example.org/blog/diffusion-reading-list

{_qp(CHROME_PAGE)}
--{CHROME_BOUNDARY}
Content-Type: text/css
Content-Transfer-Encoding: quoted-printable
Content-Location: https://lab.example.org/static/site.css

@charset "utf-8";

body {{ font-family: Georgia, serif; }}
--{CHROME_BOUNDARY}
Content-Type: text/html
Content-ID: <frame-9C8B7A6F5E4D3C2B1A0F9E8D7C6B5A49@mhtml.blink>
Content-Transfer-Encoding: quoted-printable

<!DOCTYPE html><html><head></head><body>Buy our GPUs! Transformers 50% off</body></html>
--{CHROME_BOUNDARY}--
"""


def _web_archive(html_part_headers: str, body: str) -> str:
    boundary = "----=_NextPart_000_0000_01CA1E2B.6D7C8E90"
    return (
        "From: <Saved by Windows Internet Explorer 8>\n"
        "Subject: Seminar notes\nDate: Thu, 3 Sep 2009 14:21:07 +0200\nMIME-Version: 1.0\n"
        f'Content-Type: multipart/related;\n\ttype="text/html";\n\tboundary="{boundary}"\n'
        "X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.5579\n\n"
        "This is a multi-part message in MIME format.\n\n"
        f"--{boundary}\n{html_part_headers}"
        "Content-Location: http://intranet.example.edu/~ana/seminar.html\n\n"
        f"{body}\n--{boundary}--\n"
    )


SEMINAR_HTML = (
    "<html><head><meta http-equiv=Content-Type content='text/html; charset=windows-1252'>"
    "</head><body><h2>Seminar: na\u00efve Bayes revisited</h2><p>Ng &amp; Jordan (2001), "
    "\u201cOn Discriminative vs. Generative Classifiers: A comparison of logistic regression "
    "and naive Bayes\u201d, NIPS 14.</p></body></html>"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.replace("\n", "\r\n").encode("ascii"))
    return path


def test_a_onenote_section_export_becomes_one_note_per_page_in_section_order(
    tmp_path: Path,
) -> None:
    members = read_mht(_write(tmp_path, "Reading group.mht", ONENOTE_SECTION))
    assert [name for name, _ in members] == [
        "Attention (week 1).md",
        "BERT (week 2).md",
        "Room bookings.md",
    ]
    attention = members[0][1]
    assert attention.startswith("# Attention (week 1)\n\n")
    # OneNote's bold is a style; the source's line breaks are spaces again.
    assert "**Vaswani et al. 2017**, *Attention Is All You Need*, NeurIPS." in attention
    assert "multi-head attention, no recurrence" in attention
    # The page's date and its picture are not its notes.
    assert "January 2024" not in attention and "image001" not in attention
    assert (
        "*BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding*"
        in (members[1][1])
    )


def test_a_onenote_export_imports_the_papers_its_pages_name(tmp_path: Path, alice: User) -> None:
    _write(tmp_path, "Reading group.mht", ONENOTE_SECTION)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert "1706.03762" in set(Paper.objects.values_list("arxiv_id", flat=True))
    assert "10.18653/v1/n19-1423" in set(Paper.objects.values_list("doi", flat=True))


def test_a_page_saved_by_chrome_is_one_note_with_its_title_and_address(tmp_path: Path) -> None:
    [(name, text)] = read_mht(_write(tmp_path, "Diffusion reading list.mhtml", CHROME_SAVED))
    assert name == "Diffusion reading list — Lab blog.md"
    assert "source: https://lab.example.org/blog/diffusion-reading-list" in text
    assert "[arXiv:2006.11239](https://arxiv.org/abs/2006.11239) — the paper" in text
    # Its frames, scripts, styles and navigation are no part of the note.
    for elsewhere in ("Buy our GPUs", "track()", "Georgia", "Blog"):
        assert elsewhere not in text


def test_a_web_archive_in_base64_is_read_in_the_charset_its_part_declares(tmp_path: Path) -> None:
    encoded = base64.encodebytes(SEMINAR_HTML.encode("cp1252")).decode("ascii")
    headers = (
        'Content-Type: text/html;\n\tcharset="Windows-1252"\nContent-Transfer-Encoding: base64\n'
    )
    [(name, text)] = read_mht(_write(tmp_path, "seminar.mht", _web_archive(headers, encoded)))
    # No <title>: the page's first heading names it.
    assert name == "Seminar naïve Bayes revisited.md"
    assert "“On Discriminative vs. Generative Classifiers" in text
    assert "source: http://intranet.example.edu/~ana/seminar.html" in text


def test_a_page_without_a_charset_header_is_read_in_the_charset_of_its_meta(
    tmp_path: Path,
) -> None:
    headers = "Content-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n"
    archive = _web_archive(headers, _qp(SEMINAR_HTML, "cp1252"))
    [(_, text)] = read_mht(_write(tmp_path, "seminar.mht", archive))
    assert "naïve Bayes revisited" in text and "\ufffd" not in text


def test_a_text_file_named_mht_is_refused_at_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.mht"
    path.write_text("\n\nAttention is all you need, read it!\n")
    with pytest.raises(ParseError, match="not a web archive") as raised:
        read_mht(path)
    assert (raised.value.path, raised.value.line) == ("notes.mht", 3)


def test_an_email_that_is_no_web_page_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "mail.mht", "From: ana@example.org\nContent-Type: text/plain\n\nhi\n")
    with pytest.raises(ParseError, match="its content is text/plain"):
        read_mht(path)


def test_an_archive_with_no_web_page_in_it_is_refused(tmp_path: Path) -> None:
    archive = (
        'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"\n\n--b\n'
        "Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n"
    )
    with pytest.raises(ParseError, match="no text/html part"):
        read_mht(_write(tmp_path, "pictures.mht", archive))
