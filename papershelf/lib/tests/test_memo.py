from __future__ import annotations

from papershelf.lib.memo import memo_by_digest


def counting(size: int, longest: int = 50_000) -> tuple[object, list[str]]:
    calls: list[str] = []

    @memo_by_digest(size, longest)
    def shout(text: str, times: int = 1) -> str:
        calls.append(text)
        return text.upper() * times

    return shout, calls


def test_the_same_text_is_worked_out_once_and_answers_the_same() -> None:
    shout, calls = counting(4)
    assert shout("abc") == shout("abc") == "ABC"  # type: ignore[operator]
    assert calls == ["abc"]


def test_other_arguments_are_part_of_what_is_remembered() -> None:
    shout, calls = counting(4)
    assert shout("abc", 2) == "ABCABC"  # type: ignore[operator]
    assert shout("abc", times=3) == "ABCABCABC"  # type: ignore[operator]
    assert len(calls) == 2


def test_the_oldest_answer_is_forgotten_first_when_full() -> None:
    shout, calls = counting(2)
    for text in ["a", "b", "a", "c", "a", "b"]:
        shout(text)  # type: ignore[operator]
    assert calls == ["a", "b", "c", "b"]


def test_a_text_longer_than_the_limit_is_worked_out_every_time() -> None:
    shout, calls = counting(4, longest=3)
    shout("abcd")  # type: ignore[operator]
    shout("abcd")  # type: ignore[operator]
    assert calls == ["abcd", "abcd"]
