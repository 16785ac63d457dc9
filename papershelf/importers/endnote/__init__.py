"""EndNote XML exports (EndNote, Mendeley, Papers, Bookends): see parse.py."""
