"""Sentences of the kind news items are full of that state no fact of the registry, in both languages."""

import pytest

from .helpers import read

NOISE = [
    "The Assembly's library holds more than 12,000 volumes on parliamentary law.",
    "Parliamentarians from 57 countries attended the conference on climate security.",
    "In 2019 the Assembly adopted 26 resolutions and 14 recommendations.",
    "The press centre will be open from 9 to 18 hours on 4 and 5 December.",
    "President Emmanuel Macron received the participants at the Elysee Palace.",
    "Minister of Foreign Affairs Sergey Lavrov addressed the session.",
    "The report was prepared by Professor Anna Belova of Moscow State University.",
    "The Standing Committee has 20 members.",
    "Участники заседания почтили минутой молчания память погибших.",
    "В работе форума приняли участие более 300 человек из 20 стран.",
    "Книгу представил её автор, историк Пётр Смирнов.",
    "Здание было построено в 1913 году по проекту архитектора Фёдора Лидваля.",
    "Для аккредитации необходимо направить заявку по адресу press@assembly.example до 1 декабря.",
    "Делегаты посетили Эрмитаж и Русский музей.",
    "The weather in Moscow was mild on 3 May, with light rain in the evening.",
    "Football fans gathered in the city centre for the cup final.",
    "The museum in St. Petersburg opens at ten o'clock.",
    "Prices for apples rose by 4 percent in October.",
    "Погода в Москве 3 мая была тёплой.",
    "В Санкт-Петербурге открылась выставка современного искусства.",
    "The Folketing has 179 members, elected for four years.",  # a parliament's size is no delegation's
    "Верховная рада насчитывает 450 депутатов.",
]


@pytest.mark.parametrize("sentence", NOISE)
def test_no_fact(sentence):
    result = read(sentence)
    assert result.fact_count == 0, result
    assert [u.text for u in result.unparsed] == [sentence]
