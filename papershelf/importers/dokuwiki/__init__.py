"""DokuWiki pages (``data/pages/*.txt``), converted to Markdown and read as notes documents."""
