"""Web addresses that enter the registry: http and https only, on every path (datasets, Popolo, the admin,
ingestion). A ``javascript:`` or ``data:`` address stored as a link would run in every reader's browser."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q

WEB_SCHEMES = ("http", "https")
validate_web_url = URLValidator(
    schemes=list(WEB_SCHEMES), message="Enter a web address starting with http:// or https://."
)


def web_url_problem(url: str) -> str | None:
    """None for a valid http(s) address, else why it is refused, in one line."""
    try:
        validate_web_url(url)
    except ValidationError:
        return f"'{url[:80]}' is not a web address (only http:// and https:// are accepted)"
    return None


def web_url_condition(field: str, blank: bool) -> Q:
    """The same rule as a database constraint: the last line of defence, whatever path wrote the row."""
    condition = Q(**{f"{field}__startswith": "http://"}) | Q(**{f"{field}__startswith": "https://"})
    return condition | Q(**{field: ""}) if blank else condition
