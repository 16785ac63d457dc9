"""Zim desktop wiki pages (a notebook's .txt pages), converted to Markdown and read as notes."""
