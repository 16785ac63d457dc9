"""Split a notes document (Markdown or saved text) into one summary per paper.

Only :func:`parse.parse` is public; the other modules each read one kind of
document structure (headings, bookmark tables, lists, summary-site listings).
"""
