from __future__ import annotations

from papershelf.lib.spam import spam_reasons

SUMMARY = """
# Results
The learning rate is rewound to its value early in training. The learning rate then
decays as before; with the learning rate rewound, sparse networks train to full accuracy.
See https://arxiv.org/abs/1803.03635 and https://arxiv.org/abs/1903.01611.

| a | b |
|---|---|
| 1 | 2 |
| 3 | 4 |
"""


def test_it_passes_an_ordinary_summary_with_a_few_links_and_a_table() -> None:
    assert spam_reasons(SUMMARY, max_links=5, max_repeats=3) == []


def test_it_names_the_number_of_links_past_the_limit() -> None:
    text = "\n".join(f"cheap https://shop{i}.example.com" for i in range(8))
    assert "8 links (more than 5)" in spam_reasons(text, max_links=5, max_repeats=3)


def test_it_names_a_line_written_again_and_again() -> None:
    text = "Best essay writing service online!\n" * 5
    reasons = spam_reasons(text, max_links=5, max_repeats=3)
    assert any("the line “best essay writing service online!” 5 times" in r for r in reasons)


def test_it_names_a_phrase_that_fills_the_text() -> None:
    text = "buy cheap pills " * 10
    reasons = spam_reasons(text, max_links=5, max_repeats=3)
    assert any("the phrase “buy cheap pills” 10 times" in r for r in reasons)
