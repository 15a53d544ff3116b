"""What every JSON API route does the same way: parameters, paging, language, trailing slashes.

The README's "HTTP API" section and the OpenAPI document describe these rules to clients;
tests/integration/api/test_api_conventions.py holds them to it.

**Parameters.** A route names the parameters it takes; any other is a 400 naming it, so that a
typo (``dificulty=low``) is never silently ignored. Two harmless ones always pass: ``_`` (the
cache-buster that jQuery and others append; ignored) and ``format`` when it names the
representation the route answers anyway (``format=json`` on a JSON route; ``format=csv`` on a
named query chooses CSV). An empty value is a 400 too. A list parameter takes several values,
repeated or comma-separated (``muscle=glutes&muscle=hamstrings``, ``muscle=glutes,hamstrings``),
at most :data:`MAX_FILTER_VALUES`; they match any of them.

**Paging.** A list answers ``limit`` items from ``offset`` with the ``total``, and the URLs of the
``next`` and ``previous`` pages (null where there is none), also in an RFC 8288 ``Link`` header
with ``first``, ``prev``, ``next`` and ``last``. URLs are absolute, built from the request.

**Language.** ``lang=de`` (or, without it, ``Accept-Language``) chooses the language of names;
a name missing in it falls back to English. The answer says the language it chose in
``Content-Language`` and varies on ``Accept-Language``.

**Trailing slashes.** ``/api/v1/exercises/`` answers 308 to ``/api/v1/exercises`` (the query kept),
so each resource has one URL and one cache entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

from flask import Response, current_app, jsonify, redirect, request
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import NotFound as NoRoute

from exgraph.errors import BadRequest
from exgraph.queries.listing import DEFAULT_LANGUAGE, ExerciseIndex

#: The cache-buster parameter, let through everywhere and ignored.
CACHE_BUSTER = "_"
#: Most values of one list parameter (repeated or comma-separated).
MAX_FILTER_VALUES = 20
#: Largest page and furthest offset of a list.
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000
#: A language tag as ``lang`` takes it (BCP 47's shape, loosely: de, pt-BR, zh-Hant).
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


# ---------------------------------------------------------------------------------------------
# Parameters


def check_args(allowed: Iterable[str], formats: Iterable[str] = ("json",)) -> None:
    """Refuse (BadRequest) a parameter the route does not take, an empty value, and a
    ``format`` other than formats; let ``_`` through."""
    names = tuple(allowed)
    offered = tuple(formats)
    for name, given in request.args.lists():
        if name == CACHE_BUSTER:
            continue
        if name == "format":
            if len(given) != 1 or given[0] not in offered:
                raise BadRequest(f"parameter 'format': this route answers "
                                 f"{' or '.join(offered)}, not {', '.join(given)!r}")
            continue
        if name not in names:
            raise BadRequest(f"unknown parameter {name!r}; this route takes: "
                             f"{', '.join(names) or 'no parameters'} (and format, _)")
        if any(not value.strip() for value in given):
            raise BadRequest(f"parameter {name!r} is empty; leave it out to mean any")


def values(name: str) -> list[str]:
    """The values of a list parameter, repeated or comma-separated (BadRequest for an empty
    item or more than :data:`MAX_FILTER_VALUES`)."""
    found = [part.strip() for given in request.args.getlist(name) for part in given.split(",")]
    if any(not part for part in found):
        raise BadRequest(f"parameter {name!r} has an empty value in its list")
    if len(found) > MAX_FILTER_VALUES:
        raise BadRequest(f"parameter {name!r} has {len(found)} values; at most "
                         f"{MAX_FILTER_VALUES}")
    return found


def one(name: str) -> str | None:
    """The one value of a parameter, or None (BadRequest when repeated)."""
    given = request.args.getlist(name)
    if len(given) > 1:
        raise BadRequest(f"parameter {name!r} takes one value, got {len(given)}")
    return given[0] if given else None


def int_arg(name: str, default: int, maximum: int) -> int:
    """A non-negative integer parameter, at most maximum (BadRequest naming it otherwise)."""
    raw = one(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise BadRequest(f"parameter {name!r}: not a non-negative integer: {raw!r}")
    value = int(raw)
    if value > maximum:
        raise BadRequest(f"parameter {name!r}: at most {maximum}, got {value}")
    return value


def filters(names: Iterable[str], single: Iterable[str] = ()) -> dict[str, list[str] | str]:
    """The given values of list parameters names (see :func:`values`) and of one-value
    parameters single, by name."""
    found: dict[str, list[str] | str] = {}
    for name in names:
        if name in request.args:
            found[name] = values(name)
    for name in single:
        value = one(name)
        if value is not None:
            found[name] = value
    return found


def check_choices(given: Mapping[str, list[str] | str], choices: Mapping[str, list[str]]) -> None:
    """Refuse (BadRequest) a value of a parameter of choices that is not one of its choices."""
    for name, allowed in choices.items():
        raw = given.get(name, [])
        for value in [raw] if isinstance(raw, str) else raw:
            if value not in allowed:
                listed = ", ".join(allowed) or "none in this graph"
                raise BadRequest(f"parameter {name!r}: no {name.replace('_', ' ')} "
                                 f"{value!r}; use one of: {listed}")


# ---------------------------------------------------------------------------------------------
# Paging


def page_args(default_limit: int) -> tuple[int, int]:
    """``(limit, offset)`` of the request."""
    return (int_arg("limit", default_limit, MAX_LIMIT), int_arg("offset", 0, MAX_OFFSET))


def _url_at(offset: int) -> str:
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k != "offset"]
    if offset:
        pairs.append(("offset", str(offset)))
    return request.base_url + (f"?{urlencode(pairs)}" if pairs else "")


def paged(body: Mapping[str, Any], *, total: int, limit: int, offset: int,
          items: list[Any]) -> Response:
    """The JSON answer of a page: body's fields, then ``total``, ``limit``, ``offset``, ``next``,
    ``previous`` and ``items``; with the ``Link`` header (first, prev, next, last)."""
    following = offset + limit if limit and offset + limit < total else None
    preceding = max(min(offset, total) - limit, 0) if limit and offset > 0 else None
    last = ((total - 1) // limit) * limit if limit and total else 0
    links = {"next": _url_at(following) if following is not None else None,
             "previous": _url_at(preceding) if preceding is not None else None}
    response = jsonify({**body, "total": total, "limit": limit, "offset": offset, **links,
                        "items": items})
    relations = [("first", _url_at(0))]
    if links["previous"]:
        relations.append(("prev", links["previous"]))
    if links["next"]:
        relations.append(("next", links["next"]))
    relations.append(("last", _url_at(last)))
    response.headers["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in relations)
    return response


# ---------------------------------------------------------------------------------------------
# Language


def language(index: Callable[[], ExerciseIndex]) -> str:
    """The language names are given in: ``lang``, else the best of ``Accept-Language`` that the
    graph has names in, else English. Raises BadRequest for a malformed ``lang``."""
    asked = one("lang")
    if asked is not None:
        if not LANG_RE.match(asked):
            raise BadRequest(f"parameter 'lang': not a language tag such as de or pt-BR: "
                             f"{asked[:20]!r}")
        return index().match([asked])
    header = request.accept_languages
    if not header:
        return DEFAULT_LANGUAGE
    return index().match(tag for tag, quality in header if quality > 0 and tag != "*")


def in_language(response: Response, lang: str) -> Response:
    """response, saying its language (``Content-Language``) and that it varies on
    ``Accept-Language``."""
    response.headers["Content-Language"] = lang
    response.vary.add("Accept-Language")
    return response


# ---------------------------------------------------------------------------------------------
# Trailing slashes


def trailing_slash_redirect(prefix: str) -> Any:
    """A 308 to the path without its trailing slash, when the path is under prefix, has no route
    itself and has one without the slash; else None."""
    path = request.path
    if (not isinstance(request.routing_exception, NoRoute) or not path.startswith(prefix)
            or not path.endswith("/") or len(path) <= len(prefix)):
        return None
    target = path.rstrip("/")
    try:
        current_app.url_map.bind("").match(target, method=request.method)
    except HTTPException:
        return None
    query = request.query_string.decode("latin-1")
    return redirect(target + (f"?{query}" if query else ""), 308)
