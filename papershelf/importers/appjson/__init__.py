"""JSON exports of note, chat and annotation apps, each note read as a notes document."""
