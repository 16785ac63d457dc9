"""Rich Text Format documents (TextEdit, WordPad, Word, Scrivener), read as notes."""
