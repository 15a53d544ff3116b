"""The lifter's own page, ``/me``: sign in with the token, see the log, the estimated maximum
over time per exercise and last week's sets per muscle on the body map.

**Sign-in.** ``POST /me/sign-in`` with the token (a form field) sets it in the cookie
``exgraph_token``: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
it), Secure when the request came over https, and Path=/me, so the browser sends it to the
/me pages only: every ``/api/v1`` route still takes the token from ``Authorization: Bearer`` and
nothing else, so the cookie cannot make any write or read of the API happen (no CSRF hole
there). The two forms (sign in, sign out) also carry a CSRF token: a random value set in the
cookie ``exgraph_csrf`` (HttpOnly, SameSite=Strict, Path=/me) by ``GET /me`` and sent back as a
form field; a POST whose field does not match its cookie (compared in constant time) is a 403
and changes nothing, which also stops a login-CSRF (another site signing you in as someone
else). Every answer is ``Cache-Control: no-store`` and varies on Cookie.

**What is shown**: the latest sessions (:data:`LOG_SESSIONS`, with ``?offset=`` for older
ones); for the :data:`CHARTS` exercises with the most sessions, the Epley estimate of the
session's best set over time as an inline SVG line (each point names the set, file and line);
the body map coloured by the sets of the week of the latest session (ISO week; primary muscle
1, secondary 0.5, as ``/api/v1/me/volume``): 10 or more sets, 5 to 9.5, under 5.
"""

from __future__ import annotations

import hmac
import secrets
from typing import TYPE_CHECKING, Any

from flask import Response, redirect, request
from markupsafe import Markup, escape

from exgraph.errors import ExgraphError
from exgraph.records.build import records_for
from exgraph.web.api import me as api
from exgraph.web.context import get_store
from exgraph.web.pages.base import bp, page
from exgraph.web.pages.bodymap import REGIONS, render_body_map

# The history package is imported where it is used, on the first request that does: not a
# cost of every start of the server (as in web/api/me.py; issue 25, "instant start").
if TYPE_CHECKING:
    from exgraph.history.nquads import UserLog
    from exgraph.history.users import User

TOKEN_COOKIE, CSRF_COOKIE, PATH = "exgraph_token", "exgraph_csrf", "/me"
#: Sessions per page of the log; exercises charted; longest a cookie lasts (seconds).
LOG_SESSIONS, CHARTS, MAX_AGE = 20, 6, 14 * 24 * 3600
#: Weekly sets per muscle -> the body map's three colours (10+ sets a week is the dose most
#: hypertrophy studies find best, Schoenfeld et al. 2017; under 5 little).
BANDS = (("primary", 10.0, "10 or more sets"), ("secondary", 5.0, "5 to 9.5 sets"),
         ("stabilizer", 0.0, "under 5 sets"))
#: The chart's size in SVG units.
WIDTH, HEIGHT, PAD = 360, 140, 28


class Forbidden(ExgraphError):
    status = 403


def _private(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Cookie")
    return response


def _cookie(response: Response, name: str, value: str, max_age: int | None = MAX_AGE) -> None:
    response.set_cookie(name, value, max_age=max_age, path=PATH, httponly=True,
                        samesite="Strict", secure=request.is_secure)


def _signed_in() -> User | None:
    from exgraph.history.users import Unauthorized

    token = request.cookies.get(TOKEN_COOKIE)
    if not token:
        return None
    try:
        return api.history().users.authenticate(f"Bearer {token}")
    except Unauthorized:
        return None


def _check_csrf() -> None:
    """The form's csrf field must equal the csrf cookie: another site can make a browser POST
    here, but can neither read nor set that cookie."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    field = request.form.get("csrf", "")
    if not cookie or not hmac.compare_digest(cookie.encode(), field.encode()):
        raise Forbidden("the form's CSRF token does not match: reload /me and sign in again")


@bp.get(PATH)
def me_page() -> Response:
    """The sign-in form, or the signed-in lifter's log, charts and body map."""
    csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
    lifter = _signed_in()
    context: dict[str, Any] = {"csrf": csrf, "user": None, "failed": "failed" in request.args}
    if lifter is not None:
        context |= _view(lifter)
    response = page("me.html", title="Your training log" if lifter else "Sign in",
                    jsonld={}, **context)
    if request.cookies.get(TOKEN_COOKIE) and lifter is None:  # a token nobody has any more
        response.delete_cookie(TOKEN_COOKIE, path=PATH)
    _cookie(response, CSRF_COOKIE, csrf, max_age=None)
    return _private(response)


@bp.post(f"{PATH}/sign-in")
def me_sign_in() -> Response:
    """Check the token, then keep it in the cookie; a wrong one is the form again, with a
    message (nothing set)."""
    from exgraph.history.users import Unauthorized

    _check_csrf()
    token = request.form.get("token", "").strip()
    try:
        api.history().users.authenticate(f"Bearer {token}")
    except Unauthorized:
        return _private(redirect(f"{PATH}?failed=1", code=303))  # type: ignore[arg-type]
    response: Response = redirect(PATH, code=303)  # type: ignore[assignment]
    _cookie(response, TOKEN_COOKIE, token)
    return _private(response)


@bp.post(f"{PATH}/sign-out")
def me_sign_out() -> Response:
    _check_csrf()
    response: Response = redirect(PATH, code=303)  # type: ignore[assignment]
    response.delete_cookie(TOKEN_COOKIE, path=PATH, httponly=True, samesite="Strict",
                           secure=request.is_secure)
    return _private(response)


def _view(lifter: User) -> dict[str, Any]:
    log = api.history().log(lifter)
    raw = request.args.get("offset", "0")
    offset = int(raw) if raw.isdigit() else 0
    sessions = log.ordered()
    page_of = sessions[offset:offset + LOG_SESSIONS]
    names = {s.exercise: s.name for session in sessions for s in session.sets if s.exercise}
    return {"user": lifter.name, "sets": log.sets, "total": len(sessions), "offset": offset,
            "next": offset + LOG_SESSIONS if offset + LOG_SESSIONS < len(sessions) else None,
            "previous": max(0, offset - LOG_SESSIONS) if offset else None,
            "sessions": [_session_rows(s) for s in page_of],
            "charts": [_chart(log, slug, names[slug]) for slug in _most_logged(log)],
            "body_map": _body_map(log)}


def _session_rows(session: Any) -> dict[str, Any]:
    """A session as lines: each exercise with its sets (reps x load, warm-ups marked)."""
    rows: dict[str, list[str]] = {}
    for s in session.sets:
        load = f" x {s.load:g} {s.unit}" if s.load is not None else ""
        what = f"{s.reps}{load}" if s.reps is not None else (
            f"{s.duration_s:g} s" if s.duration_s is not None else
            f"{s.distance_m:g} m" if s.distance_m is not None else load.strip(" x"))
        rows.setdefault(s.exercise or s.name, []).append(
            what + (" (warm-up)" if s.type == "warmup" else ""))
    return {"id": session.id, "date": session.date, "title": session.title,
            "exercises": [{"id": k, "sets": v} for k, v in rows.items()]}


def _most_logged(log: UserLog) -> list[str]:
    counts: dict[str, int] = {}
    for session in log.sessions.values():
        for slug in {s.exercise for s in session.sets if s.exercise and s.load}:
            counts[slug] = counts.get(slug, 0) + 1
    return [slug for slug, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:CHARTS]


def _chart(log: UserLog, slug: str, name: str) -> dict[str, Any]:
    """The Epley estimate of each session's best set, as an inline SVG line chart."""
    from exgraph.history.stats import progress

    points = [(p["date"], p["e1rm_kg"]["epley"], p["best_set"]) for p in progress(log, slug)
              if p["e1rm_kg"]]
    if not points:
        return {"id": slug, "name": name, "svg": None, "points": 0}
    low, high = min(v for _d, v, _s in points), max(v for _d, v, _s in points)
    span = (high - low) or 1.0
    step = (WIDTH - 2 * PAD) / max(1, len(points) - 1)

    def xy(i: int, value: float) -> tuple[float, float]:
        return (PAD + i * step, HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD))

    line = " ".join(f"{x:.1f},{y:.1f}" for i, (_d, v, _s) in enumerate(points)
                    for x, y in [xy(i, v)])
    dots = []
    for i, (day, value, best) in enumerate(points):
        x, y = xy(i, value)
        where = best["source"]
        spot = f"{where['file']}:{where.get('line', where.get('path'))}"
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5"><title>'
                    f"{escape(day)}: {value:g} kg (best set {best['reps']} x {best['load']:g} "
                    f"{escape(best['unit'] or '')}, {escape(spot)})</title></circle>")
    svg = Markup(
        f'<svg class="e1rm" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(name)}: estimated maximum from {low:g} to {high:g} kg">'
        f'<line class="axis" x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" '
        f'y2="{HEIGHT - PAD}"/>'
        f'<text x="2" y="{PAD}">{high:g}</text><text x="2" y="{HEIGHT - PAD}">{low:g}</text>'
        f'<text x="{PAD}" y="{HEIGHT - 6}">{escape(points[0][0])}</text>'
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - 6}" text-anchor="end">'
        f"{escape(points[-1][0])}</text>"
        f'<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="{line}"/>'
        f"{''.join(dots)}</svg>")
    return {"id": slug, "name": name, "svg": svg, "points": len(points), "low": low,
            "high": high}


def _body_map(log: UserLog) -> dict[str, Any] | None:
    """Last week's sets per muscle group on the body map, in three bands."""
    from exgraph.history.stats import volume

    if not log.sessions:
        return None
    week = volume(log, records_for(get_store()), 1)["weeks"][0]
    roles: dict[str, str] = {}
    texts: dict[str, str] = {}
    for group, sets in week["sets"].items():
        if group not in REGIONS or sets <= 0:
            continue
        roles[group] = next(band for band, floor, _text in BANDS if sets >= floor)
        texts[group] = f"{sets:g} sets in the week of {week['start']}"
    svg = render_body_map(roles, functions=texts, role_names={b: t for b, _f, t in BANDS},
                          title=f"Sets per muscle, week {week['week']}")
    return {"svg": svg, "week": week["week"], "start": week["start"], "sets": week["sets"]}
