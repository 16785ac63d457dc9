"""Threaded comments on summaries, and questions with answers on papers.

Every model here has an ``author`` and a ``hidden`` flag that moderators set; hidden
content is shown to nobody but moderators and its author. Bodies are Markdown with math,
rendered once on save by the same renderer and sanitiser as summaries.
"""

from __future__ import annotations

from django.db import models

from papershelf.accounts.models import User


class Post(models.Model):
    """What a comment, a question and an answer share."""

    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="%(class)ss")
    body = models.TextField()
    body_html = models.TextField(editable=False, default="")
    hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class Comment(Post):
    summary = models.ForeignKey(
        "summaries.Summary", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # A deleted comment that has replies stays as a placeholder, so the thread holds.
    deleted = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.summary}"


class Question(Post):
    paper = models.ForeignKey("papers.Paper", on_delete=models.CASCADE, related_name="questions")
    title = models.CharField(max_length=300)
    accepted_answer = models.ForeignKey(
        "Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Answer(Post):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Answer {self.pk} to {self.question}"
