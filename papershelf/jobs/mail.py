"""An e-mail backend that puts each message on the queue: no request waits for SMTP."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend


def as_json(message: EmailMessage) -> dict[str, Any]:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "alternatives": [list(pair) for pair in getattr(message, "alternatives", [])],
    }


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from papershelf.jobs.tasks import send_email

        sent = 0
        for message in email_messages:
            try:
                send_email.enqueue(as_json(message), settings.EMAIL_SENDING_BACKEND)
            except Exception:
                if not self.fail_silently:
                    raise
            else:
                sent += 1
        return sent
