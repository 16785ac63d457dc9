"""Vimwiki pages (.wiki), converted to Markdown and read as notes documents."""
