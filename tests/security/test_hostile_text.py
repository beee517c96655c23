"""Extraction runs in time linear in its input and never crashes, whatever the page holds."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interparl.ingestion.extract import extract
from interparl.ingestion.knowledge import Knowledge

from .hostile_texts import adversarial_text, plain_text

KNOWLEDGE = Knowledge()
WORDS = 200_000


def seconds_to_extract(text: str) -> float:
    started = time.perf_counter()
    extract(text, "auto", KNOWLEDGE)
    return time.perf_counter() - started


def test_adversarial_text_is_read_in_time_close_to_plain_text():
    plain, hostile = plain_text(WORDS), adversarial_text(WORDS)
    assert len(hostile.split()) >= WORDS
    baseline = min(seconds_to_extract(plain) for _ in range(2))
    hostile_seconds = seconds_to_extract(hostile)
    # A ratio, not an absolute time, so a slower machine does not fail it; a quadratic pattern takes minutes.
    assert hostile_seconds <= 3 * baseline + 0.5, f"plain {baseline:.2f} s, adversarial {hostile_seconds:.2f} s"


def test_a_long_run_without_sentence_end_is_read_in_pieces():
    text, result = extract("The Assembly met " + "again and " * 500 + "closed.", "en", KNOWLEDGE)
    pieces = result.unparsed
    assert len(pieces) > 1
    assert all(len(piece.text) <= 600 for piece in pieces)
    # Every piece is found where its span says it is.
    assert all(text[piece.span[0] : piece.span[1]] == piece.text for piece in pieces)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(min_size=1, max_size=3)
        | st.sampled_from(
            list("AaБбDd .,;:–—-()«»\"'\n")
            + [
                "delegation of ",
                " to the ",
                " consists of ",
                "Делегация ",
                " состоит из ",
                "http://x.example/",
                "<p>",
                "</a>",
                "<a href=",
                "&amp;",
                " May 2024",
                " мая 2024",
                "Chair: ",
                "Председатель – ",
                "7 ",
                "seven deputies",
                "семью депутатами",
                "Ivan Petrov",
            ]
        ),
        max_size=80,
    ).map("".join)
)
def test_no_input_crashes_extraction(text):
    reduced, result = extract(text, "auto", KNOWLEDGE)
    for kind in (*result.FACT_KINDS, "unparsed"):
        for fact in getattr(result, kind):
            start, end = fact.span
            assert 0 <= start <= end <= len(reduced)
