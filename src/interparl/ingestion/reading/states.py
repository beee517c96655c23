"""The states texts about assemblies name, with the name forms ISO 3166 does not give.

ISO names come from pycountry, in English and (through its Russian locale) in Russian; the table below adds
adjectives («белорусский», "Kyrgyz"), older and short names ("Byelorussia", «Россия») and abbreviations («КНР»,
"USA"). Russian forms are lemmas. General knowledge, so that texts of assemblies the registry has never seen
(PACE, OSCE PA, NATO PA, the CIS assembly) still resolve.
"""

from __future__ import annotations

import functools
import gettext

import pycountry

STATE_VARIANTS: dict[str, tuple[str, ...]] = {
    "ARM": ("armenian", "армянский"),
    "AZE": ("azerbaijani", "азербайджанский"),
    "BLR": ("belarusian", "byelorussia", "белоруссия", "белорусский"),
    "KAZ": ("kazakh", "казахстанский"),
    "KGZ": ("kyrgyz", "kirghizia", "kirgizia", "кыргызстан", "кыргызский", "киргизский"),
    "MDA": ("moldovan", "молдова", "молдавия", "молдавский"),
    "RUS": ("russia", "russian", "россия", "российский"),
    "TJK": ("tajik", "таджикский"),
    "TKM": ("turkmen", "туркмения", "туркменский"),
    "UZB": ("uzbek", "узбекский"),
    "UKR": ("ukrainian", "украинский"),
    "GEO": ("georgian", "грузинский"),
    "SRB": ("serbian", "сербский"),
    "AFG": ("afghan", "афганский"),
    "CHN": ("кнр", "китайский"),
    "MNG": ("монгольский",),
    "IRN": ("иранский",),
    "TUR": ("turkey", "turkiye", "turkish", "турецкий"),
    "FRA": ("french", "французский"),
    "DEU": ("german", "фрг", "германский", "немецкий"),
    "GBR": ("great britain", "britain", "british", "великобритания", "соединённый королевство", "британский"),
    "ITA": ("italian", "итальянский"),
    "ESP": ("spanish", "испанский"),
    "PRT": ("португальский",),
    "NLD": ("dutch", "нидерландский"),
    "BEL": ("бельгийский",),
    "LUX": (),
    "CHE": ("swiss", "швейцарский"),
    "AUT": ("austrian", "австрийский"),
    "POL": ("polish", "польский"),
    "CZE": ("чешский",),
    "SVK": ("словацкий",),
    "HUN": ("hungarian", "венгерский"),
    "ROU": ("romanian", "румынский"),
    "BGR": ("bulgarian", "болгарский"),
    "GRC": ("hellenic", "greek", "греческий"),
    "CYP": ("кипрский",),
    "MLT": (),
    "SVN": ("словенский",),
    "HRV": ("хорватский",),
    "BIH": (),
    "MNE": ("черногорский",),
    "MKD": ("северный македония",),
    "ALB": ("албанский",),
    "DNK": ("danish", "датский"),
    "NOR": ("norwegian", "норвежский"),
    "SWE": ("swedish", "шведский"),
    "FIN": ("finnish", "финляндский", "финский"),
    "ISL": ("исландский",),
    "IRL": ("ирландский",),
    "EST": ("эстонский",),
    "LVA": ("латвийский",),
    "LTU": ("литовский",),
    "USA": ("usa", "american", "сша", "соединённый штат америка", "американский"),
    "CAN": ("canadian", "канадский"),
    "AND": (),
    "MCO": (),
    "SMR": (),
    "LIE": (),
}


# English adjectives of states the table above does not list ("the Slovak delegation", "Nigerian MPs").
ADJECTIVES_EN = {
    "ALB": "albanian",
    "AND": "andorran",
    "BEL": "belgian",
    "BIH": "bosnian",
    "BGR": "bulgarian",
    "HRV": "croatian",
    "CYP": "cypriot",
    "CZE": "czech",
    "EST": "estonian",
    "ISL": "icelandic",
    "IRL": "irish",
    "LVA": "latvian",
    "LTU": "lithuanian",
    "LUX": "luxembourgish",
    "MLT": "maltese",
    "MCO": "monegasque",
    "MNE": "montenegrin",
    "MKD": "macedonian",
    "PRT": "portuguese",
    "SMR": "sammarinese",
    "SVK": "slovak",
    "SVN": "slovenian",
    "CHN": "chinese",
    "IND": "indian",
    "IRN": "iranian",
    "MNG": "mongolian",
    "PAK": "pakistani",
    "NGA": "nigerian",
    "EGY": "egyptian",
    "ISR": "israeli",
    "JPN": "japanese",
    "KOR": "korean",
    "VNM": "vietnamese",
    "KEN": "kenyan",
    "ZAF": "south african",
    "AUS": "australian",
    "BRA": "brazilian",
    "ARG": "argentine",
    "MEX": "mexican",
    "IDN": "indonesian",
    "MYS": "malaysian",
    "THA": "thai",
    "PHL": "philippine",
    "SAU": "saudi",
    "QAT": "qatari",
    "ARE": "emirati",
    "KWT": "kuwaiti",
    "JOR": "jordanian",
    "LBN": "lebanese",
    "SYR": "syrian",
    "IRQ": "iraqi",
    "MAR": "moroccan",
    "DZA": "algerian",
    "TUN": "tunisian",
    "ETH": "ethiopian",
    "GHA": "ghanaian",
}
# Territories and names that are more often something else ("Jersey", a first name "Jordan" stays a state).
NOT_STATES = {"JEY", "GGY", "IMN", "ATA", "PCN", "NIU", "TKL", "UMI", "BVT", "HMD", "SGS", "ATF", "IOT"}


@functools.cache
def state_names() -> dict[str, tuple[str, ...]]:
    """ISO alpha-3 → every name form of the state: ISO 3166's in English and Russian, then the known variants."""
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    names = {}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        if iso3 in NOT_STATES:
            continue
        english = [getattr(country, attribute, None) for attribute in ("name", "common_name", "official_name")]
        english = [name for name in english if name and "," not in name]  # not "Moldova, Republic of"
        iso_names = (*english, *(russian.gettext(name) for name in english))
        variants = (*STATE_VARIANTS.get(iso3, ()), *((ADJECTIVES_EN[iso3],) if iso3 in ADJECTIVES_EN else ()))
        names[iso3] = (*dict.fromkeys(iso_names), *variants)
    return names
