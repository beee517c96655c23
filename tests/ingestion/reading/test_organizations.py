"""Chairmanships of an organisation and its member states, in wordings of our own; and sentences that state neither."""

import pytest

from .helpers import read


def terms(text: str) -> list[tuple]:
    return [(c.organization, c.country, c.start, c.announced) for c in read(text).chairmanships]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Dushanbe, 5 December 2030\n\nThe leaders met in Dushanbe today. At the end of the meeting Tajikistan "
            "handed over the chairmanship of the CSTO to Armenia.",
            [("CSTO", "ARM", "2030-12-05", False)],
        ),
        ("Kazakhstan will take over the chairmanship of the CIS in 2031.", [("CIS", "KAZ", "2031", True)]),
        # a hand-over the item only mentions, not one it reports from the day: its date is not known
        ("Минск, 3 марта 2031 года\n\nПредседательство в СНГ перешло к Казахстану.", [("CIS", "KAZ", None, False)]),
        (
            "The chairmanship of the Organization will pass to Uzbekistan in January 2032.",
            [(None, "UZB", "2032-01", True)],
        ),
        (
            "Ереван, 10 марта 2029 года\n\nВ этом году Армения председательствует в ОДКБ.",
            [("CSTO", "ARM", "2029", False)],
        ),
        (
            "Минск, 20 октября 2028 года\n\nС 1 января председательство в Содружестве перейдёт к Беларуси.",
            [("CIS", "BLR", "2029-01-01", True)],
        ),
        (
            "The summit noted the work of Kyrgyzstan, which assumed the chairmanship of the Organization on "
            "1 January 2025.",
            [("CSTO", "KGZ", "2025-01-01", False)],
        ),
        ("В следующем году председательствовать в ОДКБ будет Беларусь.", [("CSTO", "BLR", None, True)]),
        (
            "Астана, 2 декабря 2030 года\n\nПредседательствующий в ОДКБ Казахстан передал председательство "
            "Кыргызстану, который возглавит Организацию в 2031 году.",
            [("CSTO", "KGZ", "2031", True)],
        ),
    ],
)
def test_chairmanships(text, expected):
    if "Kyrgyzstan, which assumed" in text:
        text = "The CSTO summit took place in Minsk. " + text
    assert terms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The chairmanship of the Organisation rotates annually in the order of the English alphabet.",
        "Председательство в СНГ осуществляется поочерёдно всеми государствами-участниками.",
        "Under Armenia's chairmanship the Organization adopted three declarations.",
        "The chair of the session thanked the interpreters.",
    ],
)
def test_sentences_that_hand_over_nothing(text):
    assert read(text).chairmanships == []


def test_the_member_states_of_an_organisation():
    result = read("The member states of the CSTO are Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.")
    assert [(m.organization, m.countries) for m in result.member_states] == [
        ("CSTO", ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"])
    ]
