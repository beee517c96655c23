"""The OpenAPI schema is valid and complete, and the API keeps to it under property-based testing."""

import json
import os
from pathlib import Path

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


CONTRACT = Path(__file__).resolve().parents[2] / "docs" / "api" / "contract-v1.json"


def _kind(schema: dict) -> str:
    """A property's type in a few words: a referenced schema's name, a list of something, a type, or a choice."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(sorted(_kind(option) for option in schema["anyOf"]))
    if schema.get("type") == "array":
        return f"list[{_kind(schema.get('items', {}))}]"
    if "enum" in schema:
        return "one of " + ", ".join(map(str, schema["enum"]))
    return schema.get("type", "any") + (f" ({schema['format']})" if "format" in schema else "")


def contract(document: dict) -> dict:
    """What a client relies on: every operation's parameters and answers, every answer shape's fields and types."""
    operations = {
        f"{method.upper()} {path}": {
            "parameters": {
                p["name"]: ("required " if p.get("required") else "") + _kind(p.get("schema", {}))
                for p in operation.get("parameters", [])
            },
            "responses": {
                status: _kind(body.get("content", {}).get("application/json", {}).get("schema", {}))
                for status, body in operation["responses"].items()
            },
        }
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    }
    shapes = {
        name: {
            prop: ("required " if prop in schema.get("required", []) else "") + _kind(definition)
            for prop, definition in schema.get("properties", {}).items()
        }
        for name, schema in document["components"]["schemas"].items()
        if not name.endswith("Filter") and name not in {"Paging", "HitPaging"}  # inputs: already in the parameters
    }
    return {"operations": operations, "shapes": shapes}


@pytest.mark.django_db
def test_the_published_contract_does_not_change_by_accident(client):
    """The API's answers are a contract with its users: any change to a parameter, a field or its type shows up
    here. If the change is meant, write the new contract with INTERPARL_WRITE_CONTRACT=1 and say so in the notes."""
    current = contract(json.loads(client.get("/api/v1/openapi.json").content))
    if os.environ.get("INTERPARL_WRITE_CONTRACT"):
        CONTRACT.parent.mkdir(parents=True, exist_ok=True)
        CONTRACT.write_text(json.dumps(current, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    assert current == json.loads(CONTRACT.read_text(encoding="utf-8"))
