"""AsciiDoc notes and books (.adoc, .asciidoc, .asc), converted to Markdown notes."""
