"""WhatsApp "Export chat" text files, each message read as a note."""
