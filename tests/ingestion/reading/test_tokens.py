"""Words as the reader sees them: their keys (Russian words by their dictionary form) whatever their letters."""

from interparl.ingestion.reading.tokens import key, tokenize


def test_a_russian_word_is_keyed_by_its_dictionary_form():
    assert key("делегации") == "делегация"
    assert key("Парламентской") == "парламентский"


def test_a_word_with_a_letter_that_has_no_unicode_name_is_read_not_refused():
    """pymorphy3 fails on such a letter (it looks the letter's name up); the word keeps its own form."""
    word = "\U00017000Б"  # a letter Python's Unicode tables give no name, then a Cyrillic one
    assert key(word) == word.lower()
    assert [token.text for token in tokenize(f"Делегация {word} прибыла")] == ["Делегация", word, "прибыла"]
