"""TiddlyWiki tiddler files (.tid), read as notes documents."""
