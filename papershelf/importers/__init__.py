"""Importers: one sub-package per source format, each with the same shape.

``parse.py`` is pure (text in, :class:`~papershelf.importers.records.ParsedDocument` out);
``importer.py`` turns records into papers, summaries, topics and lists through services.
"""
