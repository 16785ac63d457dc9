"""Web pages saved from a browser ("Save page as"), read as notes documents."""
