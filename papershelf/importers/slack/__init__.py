"""Slack workspace exports: each channel's day files, converted to Markdown and read as notes."""
