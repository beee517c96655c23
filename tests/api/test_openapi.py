"""The OpenAPI schema is valid and complete, and the API keeps to it under property-based testing."""

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from interparl.wsgi import application

EXPECTED_PATHS = {
    "/api/v1/assemblies",
    "/api/v1/assemblies/{slug}",
    "/api/v1/assemblies/{slug}/composition",
    "/api/v1/people",
    "/api/v1/people/{slug}",
    "/api/v1/organizations",
    "/api/v1/organizations/{slug}",
    "/api/v1/chairmanships",
    "/api/v1/events",
    "/api/v1/news",
    "/api/v1/search",
    "/api/v1/changes",
}


@pytest.mark.django_db
def test_the_schema_is_valid_openapi_and_lists_every_endpoint(client):
    from openapi_spec_validator import validate

    document = json.loads(client.get("/api/v1/openapi.json").content)
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == EXPECTED_PATHS
    for path, operations in document["paths"].items():
        for operation in operations.values():
            assert operation.get("description") or operation.get("summary"), path
            assert {"200", "404", "422"} <= set(operation["responses"]), path
            for parameter in operation.get("parameters", []):
                assert "schema" in parameter, (path, parameter)
    validate(document)  # raises, naming the part of the document that breaks the OpenAPI 3.1 schema


@pytest.fixture
def in_process_requests():
    """Call the WSGI application directly, as Django's test client does: without closing the test's connection
    at the end of each request (on PostgreSQL that would close the transaction the test runs in)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("in_process_requests")
def test_no_server_error_and_no_response_outside_the_schema():
    """Every operation, 30 generated requests each: no 5xx, every response as documented."""
    from hypothesis import given
    from schemathesis.checks import not_a_server_error

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    checks = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            # Plain bodies: the WSGI test client does not undo the compression a browser would.
            case.call_and_validate(checks=checks, headers={"Accept-Encoding": "identity"})

        try:
            run()
        except Exception as exc:  # keep going: report every operation that breaks, not only the first
            failures.append(f"{operation.label}: {exc}")
    assert operations == len(EXPECTED_PATHS)
    assert failures == [], "\n\n".join(failures)
