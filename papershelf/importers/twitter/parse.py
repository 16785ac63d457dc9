"""A Twitter/X archive ("Download an archive of your data", unzipped) read as notes.

The archive's ``data/`` folder holds JavaScript files, each one assignment of JSON:
``window.YTD.tweets.part0 = [ { "tweet": { "id_str", "full_text", "created_at",
"in_reply_to_status_id_str", "in_reply_to_screen_name", "entities": { "urls": [ { "url":
"https://t.co/…", "expanded_url": … } ], "media": … } } }, … ]`` (``tweet.js`` and
``window.YTD.tweet.part0`` in archives before 2022, ``tweets-part1.js`` when there are
many). Each of the person's threads becomes one Markdown note (see ``threads``), its
t.co links replaced by the addresses they stand for, so that the notes reader sees the
arXiv or DOI link that names the paper. Retweets are other people's words and replies to
other people conversation: neither is read. The other files (``like.js``: other
people's tweets; ``account.js``, ``manifest.js``…: the account's data) and the archive
viewer's own scripts name no paper: they come back empty, with the reason.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any

from papershelf.importers.jsontext import load
from papershelf.importers.notes.converted import parse_each
from papershelf.importers.records import ImportWarning, ParsedDocument, ParseError
from papershelf.importers.twitter.threads import Post, thread_notes, threads

FORMAT = "twitter"

Tweet = dict[str, Any]

# "window.YTD.tweets.part0 = [", on the first line: the rest of the file is JSON.
_ASSIGNMENT_RE = re.compile(r"\A\ufeff?\s*window\.YTD\.(?P<kind>\w+)\.part\d+[ \t]*=[ \t]*")
_MANIFEST_RE = re.compile(r"\A\ufeff?\s*window\.__THAR_CONFIG\s*=")
_TWEET_KINDS = frozenset({"tweets", "tweet", "community_tweet"})
# Why the archive's other data names none of the person's papers.
_OTHER_KINDS = {
    "like": "liked tweets: other people's, not your notes",
    "deleted_tweets": "tweets you deleted",
    "deleted_tweet": "tweets you deleted",
    "direct_messages": "direct messages, not notes",
    "direct_messages_group": "direct messages, not notes",
}
_LEADING_MENTIONS_RE = re.compile(r"\A(?:@\w+[\s\u00a0]+)+")
_SPACES_RE = re.compile(r"[ \t]+\n|[ \t]{2,}")


def parse(text: str, path: str) -> ParsedDocument:
    assignment = _ASSIGNMENT_RE.match(text)
    if assignment is None:
        return _skipped(path, _script_reason(text))
    kind = assignment["kind"]
    if kind not in _TWEET_KINDS:
        return _skipped(path, _OTHER_KINDS.get(kind, f"the archive's {kind} data, not tweets"))
    # The assignment stands on the first line: lines still count as in the file.
    data = load(text[assignment.end() :], path)
    tweets = _tweets_of(data, path)
    notes = [note for thread in threads(_posts(tweets)) for note in thread_notes(thread)]
    return parse_each(
        notes, path, FORMAT, "names no paper (no tweet or thread shares one)", chat=True
    )


def looks_like_archive_script(text: str) -> bool:
    """Every ``.js`` file is ours: an archive's data is read, any other script is skipped
    with its reason (it is code, never notes; the notes reader must not read it)."""
    return bool(text)


def _script_reason(text: str) -> str:
    if _MANIFEST_RE.match(text):
        return "the Twitter archive's manifest, not tweets"
    return "a script, not notes"


def _skipped(path: str, reason: str) -> ParsedDocument:
    document = ParsedDocument(path=path, format=FORMAT)
    document.warnings.append(ImportWarning(path, None, reason))
    return document


def _tweets_of(data: Any, path: str) -> list[Tweet]:
    """The tweets of ``[{"tweet": {…}}, …]``; older archives list the tweets bare."""
    if not isinstance(data, list):
        raise ParseError(path, 1, "expected a list of tweets after window.YTD.tweets")
    tweets = []
    for item in data:
        tweet = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(tweet, dict) or not isinstance(tweet.get("full_text", ""), str):
            raise ParseError(path, 1, "expected each item to be a tweet with its full_text")
        tweets.append(tweet)
    return tweets


def _posts(tweets: list[Tweet]) -> list[Post]:
    """The person's tweets as posts, oldest first; retweets are left out."""
    ids = {str(tweet.get("id_str") or tweet.get("id") or "") for tweet in tweets}
    owner = _owner(tweets, ids)
    posts = []
    for tweet in sorted(tweets, key=_age):
        text = html.unescape(str(tweet.get("full_text") or tweet.get("text") or ""))
        if tweet.get("retweeted_status") or text.startswith("RT @"):
            continue  # someone else's tweet, passed on
        parent = str(tweet.get("in_reply_to_status_id_str") or "")
        to = str(tweet.get("in_reply_to_screen_name") or "").casefold()
        posts.append(
            Post(
                id=str(tweet.get("id_str") or tweet.get("id") or ""),
                text=_markdown(tweet, text, replying=bool(parent)),
                parent=parent,
                answers_self=(to == owner) if to and owner else None,
            )
        )
    return posts


def _owner(tweets: list[Tweet], ids: set[str]) -> str:
    """The archive's own screen name: whom the replies to tweets in it answer."""
    answered = Counter(
        str(tweet.get("in_reply_to_screen_name") or "").casefold()
        for tweet in tweets
        if str(tweet.get("in_reply_to_status_id_str") or "") in ids
    )
    answered.pop("", None)
    return answered.most_common(1)[0][0] if answered else ""


def _age(tweet: Tweet) -> int:
    """Tweet ids grow with time (Snowflake ids since 2010)."""
    ident = str(tweet.get("id_str") or tweet.get("id") or "0")
    return int(ident) if ident.isdigit() else 0


def _markdown(tweet: Tweet, text: str, *, replying: bool) -> str:
    """The tweet's text with its links as they were written, its media links gone."""
    entities = _dict(tweet.get("entities"))
    for link in _dicts(entities.get("urls")):
        short, expanded = str(link.get("url") or ""), str(link.get("expanded_url") or "")
        if short and expanded:
            text = text.replace(short, expanded)
    media = _dicts(entities.get("media"))
    media += _dicts(_dict(tweet.get("extended_entities")).get("media"))
    for item in media:
        if item.get("url"):
            text = text.replace(str(item["url"]), "")  # the picture: no words of the note
    if replying:
        text = _LEADING_MENTIONS_RE.sub("", text)  # "@me @them" Twitter puts before replies
    return _SPACES_RE.sub(lambda m: "\n" if "\n" in m[0] else " ", text).strip()


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
