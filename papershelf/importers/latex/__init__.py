"""LaTeX notes, lecture notes, thesis chapters and Beamer decks (.tex)."""
