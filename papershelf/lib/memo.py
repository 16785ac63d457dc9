"""Remembering what pure functions of long texts return, by a digest of the text.

``functools.lru_cache`` would keep every text it saw as a key, and a summary may be a
megabyte: these keep a 16-byte digest instead, and at most ``size`` answers, each for a
text of at most ``longest`` characters (longer ones are worked out every time, so a big
import cannot fill memory with answers nobody asks for twice).
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def memo_by_digest(size: int, longest: int = 50_000) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Remember ``fn(text, *rest)`` by a digest of ``text`` and the other arguments."""

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        answers: OrderedDict[Hashable, R] = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(fn)
        def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
            text, *rest = args
            if len(str(text)) > longest:
                return fn(*args, **kwargs)
            digest = hashlib.blake2b(str(text).encode(), digest_size=16).digest()
            key = (digest, *rest, *sorted(kwargs.items()))
            with lock:
                if key in answers:
                    answers.move_to_end(key)
                    return answers[key]
            answer = fn(*args, **kwargs)
            with lock:
                answers[key] = answer
                if len(answers) > size:
                    answers.popitem(last=False)
            return answer

        remembered.cache_clear = answers.clear  # type: ignore[attr-defined]
        return remembered

    return decorate
