"""Twitter/X archives and Mastodon outboxes: a researcher's posts about papers."""
