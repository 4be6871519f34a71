"""Property-based requests from the OpenAPI document (schemathesis): whatever the
parameters, the API never fails with a server error and every refusal has the one
error shape."""
from __future__ import annotations

import pytest

EXAMPLES = 25  # per operation; enough to hit bounds, bad dates and odd strings


def test_no_request_the_schema_allows_breaks_the_api(synthetic_db):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    from dragoman.web import WebSettings, create_app
    schema = schemathesis.openapi.from_asgi("/openapi.json",
                                            create_app(synthetic_db, settings=WebSettings()))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call()
            assert response.status_code < 500, (operation.label, case.as_curl_command(),
                                                response.text)
            if response.status_code >= 400:
                error = response.json()["error"]
                assert error["status"] == response.status_code and error["message"], error

        check()
