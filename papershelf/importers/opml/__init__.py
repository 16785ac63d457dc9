"""OPML outlines (WorkFlowy, Logseq, Dynalist exports), converted to Markdown notes."""
