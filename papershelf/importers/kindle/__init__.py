"""Kindle's My Clippings.txt: highlights and notes, one paper note per document."""
