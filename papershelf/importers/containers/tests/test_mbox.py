"""Mailboxes (Gmail Takeout): each email becomes a note, a reply without what it quotes."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.mbox import read_eml, read_mbox, strip_quoted_reply, unflow
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper


def _message(number: int, subject: str, headers: str, body: str) -> str:
    """One message as Takeout writes it: an envelope line, then Gmail's own headers."""
    return (
        f"From 17889012345678901{number:02d}@xxx Mon Jan 22 08:47:03 +0000 2024\n"
        f"X-GM-THRID: 17889012345678901{number:02d}\nX-Gmail-Labels: Inbox,journal-club\n"
        f"MIME-Version: 1.0\nDate: Mon, 22 Jan 2024 09:46:58 +0100\n"
        f"Message-ID: <{number}@mail.gmail.com>\nSubject: {subject}\n"
        f"From: Elena Rossi <elena@example.org>\nTo: jc@lists.example.org\n{headers}\n{body}\n"
    )


QUOTED_PRINTABLE = _message(
    1,
    "JC picks #1",
    'Content-Type: text/plain; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n',
    'Hi all,\n\n1. Vaswani et al. 2017, "Attention Is All You Need" -- https://arxiv.org/abs/=\n'
    "1706.03762\n\n>From now on we meet in room 2.14 =E2=80=94 bring coffee.\n",
)
BERT = (
    'Devlin et al. 2019, "BERT: Pre-training of Deep Bidirectional Transformers for Language'
    ' Understanding", NAACL -- doi:10.18653/v1/N19-1423'
)
BERT_HTML = f'<div dir="ltr">{BERT}</div>'
# Gmail writes both parts; the HTML one (base64 here) holds the sender's own formatting.
ALTERNATIVE = _message(
    2,
    "=?UTF-8?Q?JC_picks_#2_=E2=80=94_BERT?=",
    'Content-Type: multipart/alternative; boundary="b2"\n',
    f'--b2\nContent-Type: text/plain; charset="UTF-8"\n\n{BERT.replace("BERT:", "PLAIN:")}\n\n'
    '--b2\nContent-Type: text/html; charset="UTF-8"\nContent-Transfer-Encoding: base64\n\n'
    f"{base64.encodebytes(BERT_HTML.encode()).decode()}\n--b2--\n",
)
GMAIL_HTML_REPLY = _message(
    5,
    "Re: JC picks #2",
    'Content-Type: text/html; charset="UTF-8"\n',
    '<div dir="ltr">Can we add RoBERTa?</div><br><div class="gmail_quote">'
    '<div dir="ltr" class="gmail_attr">On Mon, Jan 22, 2024 at 9:46 AM Elena Rossi &lt;'
    "elena@example.org&gt; wrote:<br></div>"
    f'<blockquote class="gmail_quote"><div dir="ltr">{BERT}</div></blockquote></div>',
)
REPLY = _message(
    3,
    "Re: JC picks #1",
    'Content-Type: text/plain; charset="UTF-8"; format=flowed\n',
    "Thanks! Could we also do the \n"
    "GPT-2 paper next time?\n\n"
    "On Mon, Jan 22, 2024 at 9:46 AM Elena Rossi <elena@example.org>\nwrote:\n"
    '> Hi all,\n>\n> 1. Vaswani et al. 2017, "Attention Is All You Need"\n',
)
HTML_ONLY = _message(
    4,
    "Seminar",
    'Content-Type: text/html; charset="UTF-8"\n',
    '<div dir="ltr"><p>Talk on <b>diffusion models</b>, see '
    '<a href="https://arxiv.org/abs/2006.11239">the DDPM paper</a>.</p></div>',
)


def _mailbox(folder: Path, *messages: str, crlf: bool = False) -> Path:
    path = folder / "Takeout" / "Mail" / "journal-club.mbox"
    path.parent.mkdir(parents=True)
    text = "\n".join(messages)
    path.write_bytes(text.replace("\n", "\r\n").encode() if crlf else text.encode())
    return path


def test_a_takeout_mailbox_imports_the_papers_its_emails_name(tmp_path: Path, alice: User) -> None:
    _mailbox(tmp_path, QUOTED_PRINTABLE, ALTERNATIVE, REPLY, crlf=True)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert "1706.03762" in set(Paper.objects.values_list("arxiv_id", flat=True))
    assert "10.18653/v1/n19-1423" in set(Paper.objects.values_list("doi", flat=True))


def test_each_email_is_a_note_that_states_its_decoded_subject(tmp_path: Path) -> None:
    members = read_mbox(_mailbox(tmp_path, QUOTED_PRINTABLE, ALTERNATIVE))
    assert [name for name, _ in members] == ["JC picks #1.md", "JC picks #2 — BERT.md"]
    first, second = (text for _, text in members)
    # The subject names the conversation, not a paper: a line, not the note's title.
    assert first.startswith("Subject: JC picks #1\n\n")
    # Quoted-printable undone: the soft line break no longer splits the arXiv address.
    assert "https://arxiv.org/abs/1706.03762" in first and "room 2.14 — bring" in first
    assert "\nFrom now on" in first  # the mbox's ">From " escape is undone
    assert "doi:10.18653/v1/N19-1423" in second and "<div" not in second


def test_an_email_with_html_and_plain_text_is_read_from_its_html(tmp_path: Path) -> None:
    [(_, text)] = read_mbox(_mailbox(tmp_path, ALTERNATIVE))
    assert "BERT: Pre-training" in text and "PLAIN:" not in text


def test_a_reply_keeps_its_own_words_and_drops_the_message_it_quotes(tmp_path: Path) -> None:
    [(name, text)] = read_mbox(_mailbox(tmp_path, REPLY))
    assert name == "Re JC picks #1.md"
    assert "Could we also do the GPT-2 paper next time?" in text  # format=flowed rejoined
    assert "wrote:" not in text and "Vaswani" not in text


def test_a_gmail_reply_in_html_drops_the_message_it_quotes(tmp_path: Path) -> None:
    [(_, text)] = read_mbox(_mailbox(tmp_path, GMAIL_HTML_REPLY))
    assert "Can we add RoBERTa?" in text
    assert "wrote:" not in text and "Devlin" not in text


def test_an_email_with_only_html_is_converted_to_markdown(tmp_path: Path) -> None:
    [(_, text)] = read_mbox(_mailbox(tmp_path, HTML_ONLY))
    assert "**diffusion models**" in text
    assert "[the DDPM paper](https://arxiv.org/abs/2006.11239)" in text


def test_quotes_that_answer_no_attribution_are_the_senders_own_text() -> None:
    text = "The abstract says:\n\n> We propose a new network architecture.\n\nGreat read."
    assert strip_quoted_reply(text) == text


def test_flowed_lines_are_joined_but_quote_levels_and_signatures_are_kept() -> None:
    text = "one \ntwo\n> quoted \n> more\n-- \nElena"
    assert unflow(text) == "one two\n> quoted more\n-- \nElena"
    assert unflow("long-\nword", delsp=True) == "long-\nword"
    assert unflow("hyphen \nated", delsp=True) == "hyphenated"


def test_a_file_that_does_not_open_with_a_from_line_is_not_a_mailbox(tmp_path: Path) -> None:
    path = tmp_path / "notes.mbox"
    path.write_text("\nSubject: hello\n\nnot an mbox\n")
    with pytest.raises(ParseError, match="not a mailbox") as raised:
        read_mbox(path)
    assert (raised.value.path, raised.value.line) == ("notes.mbox", 2)


def test_an_empty_mailbox_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.mbox"
    path.write_text("")
    with pytest.raises(ParseError, match="empty"):
        read_mbox(path)


def test_a_saved_email_is_one_note_that_states_its_subject(tmp_path: Path) -> None:
    saved = tmp_path / "2023-02-06 JC 10 Feb - kallisto.eml"
    saved.write_bytes(
        b"From: Ana <ana@example.org>\r\nTo: jc@example.org\r\n"
        b"Subject: [seqlab-jc] JC 10 Feb - kallisto and salmon\r\n"
        b"Date: Mon, 06 Feb 2023 09:12:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Bray NL, Pimentel H, Melsted P, Pachter L. Near-optimal probabilistic RNA-seq "
        b"quantification. Nat Biotechnol. 2016;34(5):525-527. doi:10.1038/nbt.3519\r\n"
    )
    [(name, text)] = read_eml(saved)
    assert name == "[seqlab-jc] JC 10 Feb - kallisto and salmon.md"
    assert text.startswith("Subject: [seqlab-jc] JC 10 Feb - kallisto and salmon\n\n")
    assert "doi:10.1038/nbt.3519" in text


def test_a_file_without_email_headers_is_no_email(tmp_path: Path) -> None:
    saved = tmp_path / "notes.eml"
    saved.write_bytes(b"\r\n\r\njust text\r\n")
    with pytest.raises(ParseError, match="not an email"):
        read_eml(saved)
