"""core.api_errors: any API that installs the handlers answers errors in the shared shape."""

from django.http import Http404
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.testing import TestClient

from core.api_errors import install_error_handlers, refuse_first
from core.params import Param, integer, parse_params


class Params(Schema):
    size: int = 1


def make_client() -> TestClient:
    api = NinjaAPI(urls_namespace="api-errors-test")
    install_error_handlers(api)

    @api.get("/typed")
    def typed(request, params: Query[Params]):
        return {"size": params.size}

    @api.get("/parsed")
    def parsed(request, page: str = ""):
        values, errors = parse_params({"page": page}, {"page": Param(integer(1, 9), "Số trang")})
        refuse_first(errors)
        return values

    @api.get("/missing")
    def missing(request):
        raise Http404

    @api.get("/teapot")
    def teapot(request):
        raise HttpError(418, "Ấm trà")

    return TestClient(api)


def test_errors_take_one_shape_with_a_vietnamese_message():
    client = make_client()
    typed = client.get("/typed?size=abc")
    assert typed.status_code == 400  # not ninja's 422
    assert typed.json() == {
        "error": {
            "code": "invalid_integer",
            "message": "Tham số “size” phải là số nguyên.",
            "field": "size",
        }
    }
    parsed = client.get("/parsed?page=10")
    assert parsed.status_code == 400
    assert parsed.json() == {
        "error": {
            "code": "out_of_range",
            "message": "Tham số “page” không hợp lệ: phải là số nguyên từ 1 đến 9.",
            "field": "page",
        }
    }
    assert client.get("/parsed?page=3").json() == {"page": 3}
    missing = client.get("/missing")
    assert missing.status_code == 404
    assert missing.json()["error"] == {
        "code": "not_found",
        "message": "Không tìm thấy dữ liệu được yêu cầu.",
        "field": None,
    }
    teapot = client.get("/teapot")
    assert (teapot.status_code, teapot.json()["error"]["message"]) == (418, "Ấm trà")
