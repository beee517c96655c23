"""Texts for the extraction hostile-input test and `bench/bench_hostile.py` (no Django needed)."""

import random


def plain_text(words: int) -> str:
    """Ordinary prose: sentences of fifteen words."""
    rng = random.Random(1)
    vocabulary = "the assembly met and discussed the budget of the year with many members present".split()
    chosen = [rng.choice(vocabulary) for _ in range(words)]
    return ". ".join(" ".join(chosen[i : i + 15]) for i in range(0, words, 15)) + "."


def adversarial_text(words: int) -> str:
    """Text built to make backtracking patterns slow: runs of capitalised words without a sentence end, the
    patterns' own keywords repeated with no verb to complete them, separators in long runs, many initials."""
    pieces = [
        "Aaaa " * 6000 + "is represented",  # a capitalised run before the words a pattern looks for
        "delegation of Aaaa to Bbbb " * 1500,  # keywords of the delegation pattern, never completed
        "Делегация Ааааа в Бббб " * 1500,
        "Aaaa - Bbbb : Cccc – " * 1500,  # separators of the post and website patterns
        "A. B. C. D. " * 1500,  # initials: every full stop is a possible sentence end
        "chairmanship of Aaaa passed to Bbbb " * 1000,
        "Since 1 May 2020 Aaaa Bbbb " * 1000,
        "website of Aaaa http://a.example " * 1000,
        "Ivan Petrov, Petr Ivanov and " * 1000,
    ]
    text, count = [], 0
    while count < words:
        for piece in pieces:
            text.append(piece)
            count += len(piece.split())
    return " ".join(text)
