"""reStructuredText notes (a Sphinx site's ``*.rst`` pages), read as Markdown notes."""
