"""The keys of `interparl extract --format json`, in order: the contract its users read."""

EXTRACTION_KEYS = [
    "language",
    "delegations",
    "people",
    "websites",
    "chairmanships",
    "events",
    "member_states",
    "unparsed",
    "dateline",
]
