"""Query parameters of the open-data API as ninja sees them: text, described for OpenAPI.

Every API parameter reaches its view as text and is read by core.params, the readers the
HTML pages use, so a refused value gets the pages' Vietnamese message in the API's 400
shape (core.api_errors). The types below only tell the OpenAPI document what each value
must look like.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import WithJsonSchema

from core.params import MAX_ID, MAX_YEAR, MIN_YEAR, SLUG


def described(**schema: Any) -> Any:
    """An optional text parameter whose OpenAPI schema is `schema`."""
    return Annotated[str | None, WithJsonSchema(schema)]


def one_of(values: Iterable[str], default: str | None = None) -> Any:
    """A text parameter taking one of `values`."""
    schema: dict[str, Any] = {"type": "string", "enum": list(values)}
    if default is not None:
        schema["default"] = default
    return described(**schema)


def whole_number(low: int, high: int) -> Any:
    return described(type="integer", minimum=low, maximum=high)


TextParam = described(type="string")
IdParam = whole_number(1, MAX_ID)
YearParam = whole_number(MIN_YEAR, MAX_YEAR)
SlugParam = described(type="string", pattern=SLUG.pattern)
DateParam = described(type="string", format="date")
BoolParam = one_of(["true", "false", "1", "0"])
