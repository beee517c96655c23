"""Paging: every list of the API pages the same way (django-ninja's pagination, with the API's own shape)."""

import math
from typing import Any

from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.pagination import PaginationBase


class Paging(Schema):
    page: int = Field(1, ge=1, le=100000, description="Page number, from 1.")
    per_page: int = Field(50, ge=1, le=500, description="Items per page (at most 500).")


class HitPaging(Schema):
    page: int = Field(1, ge=1, le=100000, description="Page number, from 1.")
    per_page: int = Field(20, ge=1, le=100, description="Hits per page (at most 100).")


class PageNumbers(PaginationBase):
    """Every list pages the same way: ``page`` and ``per_page``; the answer counts the pages and links the next."""

    items_attribute = "results"

    Input = Paging

    class Output(Schema):
        count: int
        page: int
        per_page: int
        pages: int
        next: str | None
        previous: str | None
        results: list[Any]

    def paginate_queryset(self, items, pagination, request, **params):
        page, per_page = pagination.page, pagination.per_page
        count = self._items_count(items)
        pages = max(1, math.ceil(count / per_page))
        if page > pages:
            raise HttpError(404, f"page {page} is past the last page ({pages})")

        def url(number: int) -> str:
            query = request.GET.copy()
            query["page"] = str(number)
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        return {
            "count": count,
            "page": page,
            "per_page": per_page,
            "pages": pages,
            "next": url(page + 1) if page < pages else None,
            "previous": url(page - 1) if page > 1 else None,
            "results": items[(page - 1) * per_page : page * per_page],
        }


class HitPages(PageNumbers):
    Input = HitPaging
