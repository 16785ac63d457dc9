"""Mendeley Desktop's own database (``<email>@www.mendeley.com.sqlite``): see parse.py."""
