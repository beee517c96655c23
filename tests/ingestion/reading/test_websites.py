"""Official websites a text states, with or without the scheme; and addresses that are no website of a body."""

import pytest

from .helpers import read


def urls(text: str) -> list[str]:
    return [w.url for w in read(text).websites]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Saeima's official website is www.saeima.lv.", ["www.saeima.lv"]),
        (
            "Documents of the Assembly are published at assembly.example.int/documents.",
            ["assembly.example.int/documents"],
        ),
        ("Новости Сената размещаются на сайте senat.example.kz и в социальных сетях.", ["senat.example.kz"]),
        ("Details of the session can be found at www.assembly.example.org.", ["www.assembly.example.org"]),
        (
            '<p>Сайты палат: <a href="https://lower.example.by/">Палата представителей</a></p>',
            ["https://lower.example.by/"],
        ),
    ],
)
def test_websites(text, expected):
    assert urls(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Questions about accreditation: press@assembly.example.int.",
        "The full report is at https://example.org/report.pdf, see page 4.",
        '<div>Поделиться: <a href="https://vk.com/share.php?url=https%3A%2F%2Fexample.org">ВКонтакте</a></div>',
        "The meeting lasted 2.5 hours.",
    ],
)
def test_addresses_that_are_no_website(text):
    assert read(text).websites == []
