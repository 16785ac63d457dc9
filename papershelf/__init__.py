"""Papershelf: a self-hosted home for research-paper summaries."""

__version__ = "0.1.0"
