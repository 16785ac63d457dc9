"""Typst notes, lecture notes and theses (.typ)."""
