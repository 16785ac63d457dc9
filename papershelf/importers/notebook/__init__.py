"""Jupyter notebooks (``.ipynb``), converted to Markdown and read as notes documents."""
