"""Zotero RDF exports ("Export Library…" > Zotero RDF): see parse.py."""
