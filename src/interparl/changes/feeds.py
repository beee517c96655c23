"""The Atom feed of the change log: subscribe to know when the registry changed, and why."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from . import log


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "interparl — changes to the registry"
    subtitle = "Every change: what, when, who (a role or a public name), why, and on whose word."
    link = "/api/v1/changes"

    def items(self):
        return log.changes(limit=100)

    def item_title(self, change):
        return f"{change.kind} {change.key} {change.type}"

    def item_description(self, change):
        lines = [f"Why: {change.why}", f"Who: {change.who}"]
        if change.source:
            lines.append(
                f"Source: {change.source_url or change.source}" + (f" — “{change.quote}”" if change.quote else "")
            )
        lines += [f"{name}: {before!r} → {after!r}" for name, before, after in change.diff]
        return "\n".join(lines)

    def item_link(self, change):
        return f"/api/v1/changes?kind={change.kind}#{change.id}"

    def item_guid(self, change):
        return f"interparl:change:{change.id}"

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.when if change.when.tzinfo else change.when.replace(tzinfo=dt.UTC)

    def item_author_name(self, change):
        return change.who
