"""Anki's "Notes in Plain Text" export: a note a row, a paper where a note states one."""
