"""Item types of reference managers that name no paper, and what each is instead.

Zotero's (its RDF and API, and the ``itemType`` a vault's literature-note template
writes) and CSL's (CSL-JSON, CSL-YAML, Pandoc): a library keeps web pages, software and
videos beside its papers.
"""

from __future__ import annotations

ZOTERO_NOT_PAPERS = {
    "webpage": "a web page",
    "blogPost": "a blog post",
    "forumPost": "a post",
    "computerProgram": "software",
    "dataset": "a dataset",
    "film": "a video",
    "videoRecording": "a video",
    "tvBroadcast": "a broadcast",
    "radioBroadcast": "a broadcast",
    "podcast": "a broadcast",
    "audioRecording": "a recording",
    "map": "a map",
    "artwork": "an image",
    "presentation": "a talk's slides",
    "email": "an e-mail",
    "instantMessage": "a message",
    "letter": "a letter",
    "interview": "an interview",
    "patent": "a patent",
    "statute": "a law",
    "case": "a court case",
    "bill": "a bill",
    "hearing": "a hearing",
    "newspaperArticle": "a newspaper article",
    "encyclopediaArticle": "an encyclopedia entry",
    "dictionaryEntry": "a dictionary entry",
}
CSL_NOT_PAPERS = {
    "dataset": "a dataset",
    "webpage": "a web page",
    "post": "a post",
    "post-weblog": "a blog post",
    "software": "software",
    "motion_picture": "a video",
    "broadcast": "a broadcast",
    "song": "a recording",
    "map": "a map",
    "graphic": "an image",
    "article-newspaper": "a newspaper article",
    "entry-encyclopedia": "an encyclopedia entry",
    "entry-dictionary": "a dictionary entry",
}
# What a reading tracker's own Type column (a Notion database, a spreadsheet) calls what
# a person logs beside papers.
TRACKER_NOT_PAPERS = frozenset(
    {"book chapter", "chapter", "textbook", "website", "guidance", "guideline", "seminar"}
)
_ANY_NOT_PAPER = {
    name.casefold(): kind
    for table in (ZOTERO_NOT_PAPERS, CSL_NOT_PAPERS)
    for name, kind in table.items()
}


def not_a_paper(item_type: str) -> str:
    """What an item of this Zotero or CSL type is when it is no paper ("a video"), or "".

    Any case: a note template may write "videorecording"."""
    return _ANY_NOT_PAPER.get(item_type.strip().casefold(), "")
