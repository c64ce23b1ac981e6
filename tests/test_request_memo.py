"""core.request_memo: a value is worked out once per request and never outlives it."""

from django.http import HttpResponse
from django.test import RequestFactory

from core.request_memo import RequestMemoMiddleware, once_per_request


def test_a_value_is_computed_once_per_request_and_afresh_for_the_next():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    def view(request):
        first = once_per_request("answer", compute)
        again = once_per_request("answer", compute)
        other = once_per_request(("answer", 2), compute)
        return HttpResponse(f"{first} {again} {other}")

    middleware = RequestMemoMiddleware(view)
    assert middleware(RequestFactory().get("/")).content == b"1 1 2"
    assert middleware(RequestFactory().get("/")).content == b"3 3 4"


def test_outside_a_request_nothing_is_remembered():
    calls = []
    once_per_request("answer", lambda: calls.append(1))
    once_per_request("answer", lambda: calls.append(1))
    assert len(calls) == 2
