"""Org-mode files (Emacs), converted to Markdown and read as notes documents."""
