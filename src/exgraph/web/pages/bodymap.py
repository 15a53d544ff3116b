"""A body map for exercise pages: front and back outline as inline SVG, muscles coloured by role.

Every muscle of the catalogue (``data/muscles.ttl``) is drawn as one or more regions; a muscle
group covers the regions of its parts. :func:`render_body_map` returns the SVG and its legend as
:class:`markupsafe.Markup`; :data:`BODYMAP_CSS` styles it.

The drawing is data: each region is one half-shape in figure coordinates (x measured from the
figure's midline, y from the top of the view box), mirrored to both sides when placed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from markupsafe import Markup, escape

__all__ = [
    "BODYMAP_CSS",
    "LABELS",
    "REGIONS",
    "ROLES",
    "SHAPES",
    "VIEWBOX",
    "render_body_map",
]

VIEWBOX = "0 0 400 420"

#: Roles from strongest to weakest: where several muscles share a region the strongest wins.
ROLES: tuple[str, ...] = ("primary", "secondary", "stabilizer")

# Midline of each figure in the view box.
_CENTRE = {"front": 100.0, "back": 300.0}

# One side of the body outline, from the crown (x = 0) round the arm and leg to the crotch
# (x = 0); mirrored and joined into a closed silhouette.
_OUTLINE_HALF = """
M 0 30 C 10 30 16 40 16 52 C 16 64 11 73 8 76 L 9 86
C 16 88 34 90 44 94 C 54 98 57 110 57 122
C 58 140 60 155 61 168 C 64 188 66 208 66 226
C 67 236 68 246 63 252 C 58 256 54 250 54 240 L 53 226
C 53 206 50 186 48 170 C 46 150 45 132 44 126 C 43 122 41 120 39 122
C 38 140 34 160 33 180 C 33 195 40 205 41 220
C 42 245 39 275 34 302 C 36 325 36 345 31 370 L 27 392 L 30 402
C 31 408 22 410 14 408 L 12 392 C 11 375 8 350 9 330 L 8 305
C 6 280 5 250 3 232 L 0 228
"""

# Region id -> one side's shape, per view. Each shape is closed and mirrored to the other side.
_FRONT_HALVES: dict[str, str] = {
    "front-neck": "M 9 75 C 10 81 8 88 4 94 L 2 92 C 4 86 6 81 7 75 Z",
    "front-traps": "M 10 88.5 C 17 90 32 92 41 95.5 C 34 97 24 97 16 95.5 Z",
    "front-delt-anterior": (
        "M 40 97 C 44.5 96.5 47.5 98.5 48.5 103 L 48 126 C 43 120 40 112 37.5 101 Z"
    ),
    "front-delt-lateral": (
        "M 49.8 102 C 51 99.5 53 101.5 54 107 C 55 114 55 122 53.5 130 L 49.5 126 Z"
    ),
    "front-pecs": (
        "M 2 98 C 13 96 27 97 36.5 102 C 38.5 110 38.5 118 36.5 126 C 28 134 12 136 2 132 Z"
    ),
    "front-lats": "M 38 126 C 37.5 136 36.5 146 35 156 L 33 150 L 35.5 128 Z",
    "front-serratus": "M 34.5 130 L 28 135 L 33.5 138 L 27.5 144 L 33 146.5 L 28 153 L 33 154 Z",
    "front-abs": "M 1 137 C 6 136 11 136 14 138 L 14 200 C 12 210 6 218 1 221 Z",
    "front-obliques": (
        "M 16 141 C 22 141 28 147 32.5 160 C 32.5 175 33.5 188 36.5 203 C 29 206 22 205 16 200 Z"
    ),
    "front-biceps": (
        "M 47 132 C 51 129.5 54.5 132 55.5 140 C 56.5 150 55.5 160 53 166 "
        "C 50 165 48 158 47 148 C 46.5 141 46.5 135 47 132 Z"
    ),
    "front-brachialis": (
        "M 57 146 C 58.5 152 59.3 160 59.6 167 L 55.5 167.5 C 56.5 161 57 154 57 146 Z"
    ),
    "front-forearms": (
        "M 50 174 C 54 171 59 171.5 61.5 176 C 63.5 190 64.5 206 64 222 L 56 223 "
        "C 54.5 207 52.5 190 50 174 Z"
    ),
    "front-abductors": (
        "M 38.5 209 C 40.5 215 41 222 40.8 230 L 36.5 233 C 35.5 226 35 218 35 211 Z"
    ),
    "front-adductors": (
        "M 4.5 233 C 9 228 15 225 19 226 C 15 238 13 251 12 262 C 9 256 6 246 4.5 233 Z"
    ),
    # vastus lateralis, rectus femoris, vastus medialis
    "front-quads": (
        "M 36 235.5 C 40 250 39 277 33.5 298 Q 30 302 27.5 297 C 29 282 30.5 258 36 235.5 Z "
        "M 22 222 C 30 232 31 262 26 290 Q 23 294 20 290 C 14.5 262 15 236 22 222 Z "
        "M 12.5 264 C 18 271 21.5 284 20 298 Q 15 302 11.5 298 C 9.5 286 9.5 273 12.5 264 Z"
    ),
    "front-calves": (
        "M 10 314 C 14.5 320 16.5 334 15.5 350 C 15 360 14 367 13 372 C 11 356 10 334 10 314 Z"
    ),
}

_BACK_HALVES: dict[str, str] = {
    "back-neck": "M 1.5 73 L 7.5 76 L 8.5 84 L 1.5 81 Z",
    "back-traps": (
        "M 1.5 83 L 9.5 87.5 C 16 89.5 31 91.5 42 95.5 C 34 99 24 102 15 104 "
        "C 11 125 7 150 1.5 172 Z"
    ),
    "back-delt-posterior": (
        "M 40 97.5 C 44.5 97 47.5 99 48.5 103 L 48 126 C 43 120 40 112 37.5 101 Z"
    ),
    "back-delt-lateral": (
        "M 49.8 102 C 51 99.5 53 101.5 54 107 C 55 114 55 122 53.5 130 L 49.5 126 Z"
    ),
    "back-rhomboids": (
        "M 16.5 106 L 20 110 C 21 120 21 130 20.5 140 L 10 131 C 12.5 122 14.5 114 16.5 106 Z"
    ),
    "back-middle-back": (
        "M 22 110 C 27 104.5 35 101 42 102.5 C 43.5 112 41.5 122 38.5 131 "
        "C 32 134 26 134 22.5 131 C 23 124 23 117 22 110 Z"
    ),
    "back-lats": (
        "M 22 136.5 C 29 137 34.5 135 38.5 127 C 37.5 146 35 165 33.5 184 "
        "C 26 191 18 195 12.5 196 C 12.5 178 11.5 160 10.5 149 C 14 145 18 140 22 136.5 Z"
    ),
    "back-erectors": (
        "M 2 176 C 4 167 7 158 9.5 152 C 10.5 170 11.5 188 12.5 202 C 10 209 6 212 2 212 Z"
    ),
    "back-triceps": (
        "M 46 130 C 50 127.5 54.5 129 56.5 135 C 58.5 146 59 157 58.5 166 L 49 167 "
        "C 47 155 46 142 46 130 Z"
    ),
    "back-forearms": (
        "M 50 174 C 54 171 59 171.5 61.5 176 C 63.5 190 64.5 206 64 222 L 56 223 "
        "C 54.5 207 52.5 190 50 174 Z"
    ),
    "back-glute-med": (
        "M 10 207 C 20 201 31 200 37 203.5 C 39 209 39.5 215 39 219.5 C 30 213 20 210 10 210.5 Z"
    ),
    "back-glute-max": (
        "M 1.5 214 C 12 210 28 214 38.5 223.5 C 40 237 37.5 249 30 255 C 20 259 9 257 3.5 251 "
        "C 1.5 239 1.5 226 1.5 214 Z"
    ),
    "back-abductors": "M 40.5 227 C 41.5 238 40.5 250 38.5 262 L 34 257 C 38 250 40 240 40.5 227 Z",
    "back-adductors": (
        "M 4 257 C 5.5 257.5 7 258.5 8 260 C 8 270 8.5 280 9 289 C 6.5 283 5 271 4 257 Z"
    ),
    "back-biceps-femoris": (
        "M 27 259 C 32 257.5 36 258.5 37.5 262 C 37 278 34.5 291 30.5 301 "
        "C 27 295 26 284 26.5 262 Z"
    ),
    "back-semitendinosus": (
        "M 17 261 C 20 259.5 23 259.5 24.5 261 C 24.5 277 24 290 22.5 300 "
        "C 19.5 291 17.5 277 17 261 Z"
    ),
    "back-semimembranosus": (
        "M 10 261 C 12 259.5 14 259.5 15.5 261 C 15.5 276 17.5 290 20.5 302 "
        "C 15.5 302 12 298 11 291 C 10.5 281 10 271 10 261 Z"
    ),
    # lateral head, medial head
    "back-gastrocnemius": (
        "M 23.5 309 C 30 309 34.5 318 34 331 C 33.5 341 29.5 349 24.5 352 "
        "C 22.5 340 22.5 322 23.5 309 Z "
        "M 11.5 311 C 15.5 307 20.5 308 21.5 312 C 21.5 328 21.5 344 21.5 358 "
        "C 16 355 12.5 345 11.5 333 C 10.5 324 10.5 316 11.5 311 Z"
    ),
    "back-soleus": (
        "M 12.5 352 C 15 358 19 361.5 23 362 C 27 358 30 354.5 32.5 350 "
        "C 31.5 360 29.5 370 26.5 377 C 22 382 16 382 13.5 377 C 12.5 368 12.5 360 12.5 352 Z"
    ),
}

# Drawn for recognisability only: abdominal segments, kneecaps, spine, shoulder blades.
_DETAIL_HALVES: dict[str, str] = {
    "front": (
        "M 2 156 L 13.5 155 M 2 174 L 13.5 173 M 2 192 L 13.5 191 "
        "M 14 306 C 17 300 25 300 28 306 C 27 313 17 313 14 306 Z"
    ),
    "back": "M 0.5 92 L 0.5 208 M 15 101 L 21.5 130",
}

#: Region id -> the SVG path data drawn for it (both sides of the body, in view-box units).
SHAPES: dict[str, str] = {}

#: Muscle slug -> ids of the regions drawn for it. A group covers its parts' regions.
REGIONS: dict[str, tuple[str, ...]] = {
    # groups (free-exercise-db's 17)
    "abdominals": ("front-abs", "front-obliques"),
    "abductors": ("front-abductors", "back-abductors"),
    "adductors": ("front-adductors", "back-adductors"),
    "biceps": ("front-biceps", "front-brachialis"),
    "calves": ("front-calves", "back-gastrocnemius", "back-soleus"),
    "chest": ("front-pecs", "front-serratus"),
    "forearms": ("front-forearms", "back-forearms"),
    "glutes": ("back-glute-max", "back-glute-med"),
    "hamstrings": ("back-biceps-femoris", "back-semitendinosus", "back-semimembranosus"),
    "lats": ("front-lats", "back-lats"),
    "erector-spinae": ("back-erectors",),
    "middle-back": ("back-rhomboids", "back-middle-back"),
    "neck": ("front-neck", "back-neck"),
    "quadriceps": ("front-quads",),
    "shoulders": (
        "front-delt-anterior",
        "front-delt-lateral",
        "back-delt-lateral",
        "back-delt-posterior",
    ),
    "traps": ("front-traps", "back-traps"),
    "triceps": ("back-triceps",),
    # single muscles
    "gluteus-maximus": ("back-glute-max",),
    "gluteus-medius": ("back-glute-med",),
    "biceps-femoris": ("back-biceps-femoris",),
    "semitendinosus": ("back-semitendinosus",),
    "semimembranosus": ("back-semimembranosus",),
    "rectus-abdominis": ("front-abs",),
    "obliques": ("front-obliques",),
    "transversus-abdominis": ("front-abs", "front-obliques"),  # deep: the whole abdomen
    "anterior-deltoid": ("front-delt-anterior",),
    "lateral-deltoid": ("front-delt-lateral", "back-delt-lateral"),
    "posterior-deltoid": ("back-delt-posterior",),
    "pectoralis-major": ("front-pecs",),
    "serratus-anterior": ("front-serratus",),
    "brachialis": ("front-brachialis",),
    "gastrocnemius": ("back-gastrocnemius", "front-calves"),
    "soleus": ("back-soleus", "front-calves"),
    "rhomboids": ("back-rhomboids",),
}

#: Muscle slug -> display label (the catalogue's skos:prefLabel); ``labels=`` overrides it.
LABELS: dict[str, str] = {
    "abdominals": "Abdominals",
    "abductors": "Hip abductors",
    "adductors": "Hip adductors",
    "biceps": "Biceps",
    "calves": "Calves",
    "chest": "Chest",
    "forearms": "Forearms",
    "glutes": "Gluteal muscles",
    "hamstrings": "Hamstrings",
    "lats": "Latissimus dorsi",
    "erector-spinae": "Erector spinae",
    "middle-back": "Middle back",
    "neck": "Neck",
    "quadriceps": "Quadriceps",
    "shoulders": "Shoulders",
    "traps": "Trapezius",
    "triceps": "Triceps",
    "gluteus-maximus": "Gluteus maximus",
    "gluteus-medius": "Gluteus medius",
    "biceps-femoris": "Biceps femoris",
    "semitendinosus": "Semitendinosus",
    "semimembranosus": "Semimembranosus",
    "rectus-abdominis": "Rectus abdominis",
    "obliques": "Obliques",
    "transversus-abdominis": "Transversus abdominis",
    "anterior-deltoid": "Anterior deltoid",
    "lateral-deltoid": "Lateral deltoid",
    "posterior-deltoid": "Posterior deltoid",
    "pectoralis-major": "Pectoralis major",
    "serratus-anterior": "Serratus anterior",
    "brachialis": "Brachialis",
    "gastrocnemius": "Gastrocnemius",
    "soleus": "Soleus",
    "rhomboids": "Rhomboids",
}

BODYMAP_CSS = """\
.bodymap { display: block; max-width: 28rem; font-family: system-ui, sans-serif; }
.bodymap svg { display: block; width: 100%; height: auto; }
.bodymap .bodymap-edge { fill: #9ea4ad; stroke: #6b7280; stroke-width: 3; }
.bodymap .bodymap-body { fill: #c9cdd3; }
.bodymap .bodymap-detail { fill: none; stroke: #8a9099; stroke-width: 0.8; pointer-events: none; }
.bodymap .bodymap-view { font-size: 13px; font-weight: 600; fill: #1f2937; text-anchor: middle; }
.bodymap .region { fill: #eef0f3; stroke: #8a9099; stroke-width: 0.6; }
.bodymap .region.role-primary { fill: #d03a12; stroke: #2b1a14; stroke-width: 0.9; }
.bodymap .region.role-secondary { fill: #f2a10c; stroke: #3d2a05; stroke-width: 0.9; }
.bodymap .region.role-stabilizer { fill: #74b6ea; stroke: #0f2f4d; stroke-width: 0.9; }
.bodymap .region.highlight { stroke: #111827; stroke-width: 2; stroke-dasharray: 3 1.5; }
.bodymap .region[tabindex]:hover { filter: brightness(0.88); }
.bodymap .region[tabindex]:focus { outline: none; }
.bodymap .region[tabindex]:focus-visible { stroke: #1d4ed8; stroke-width: 2.5;
  stroke-dasharray: none; }
.bodymap-legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; list-style: none;
  margin: 0.5rem 0 0; padding: 0; font-size: 0.9rem; color: #1f2937; }
.bodymap-legend li { display: flex; align-items: center; gap: 0.4rem; }
.bodymap-legend .swatch { display: inline-block; width: 1rem; height: 1rem; border-radius: 3px;
  border: 1px solid #374151; background: #eef0f3; }
.bodymap-legend .swatch.role-primary { background: #d03a12; }
.bodymap-legend .swatch.role-secondary { background: #f2a10c; }
.bodymap-legend .swatch.role-stabilizer { background: #74b6ea; }
.bodymap-legend .swatch.highlight { border: 2px dashed #111827; }
"""

_TOKEN = re.compile(r"[MLCQZ]|-?\d+(?:\.\d+)?")
_ARITY = {"M": 1, "L": 1, "Q": 2, "C": 3, "Z": 0}

_Point = tuple[float, float]
_Segment = tuple[str, tuple[_Point, ...]]


def _segments(path: str) -> list[_Segment]:
    """Parse absolute M/L/Q/C/Z path data into (command, points) segments."""
    tokens = _TOKEN.findall(path)
    segments: list[_Segment] = []
    i = 0
    while i < len(tokens):
        command = tokens[i]
        if command not in _ARITY:
            raise ValueError(f"unexpected token {command!r} in path data")
        numbers = [float(t) for t in tokens[i + 1 : i + 1 + 2 * _ARITY[command]]]
        points = tuple((numbers[j], numbers[j + 1]) for j in range(0, len(numbers), 2))
        segments.append((command, points))
        i += 1 + 2 * _ARITY[command]
    return segments


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _format(segments: list[_Segment], centre: float, side: int) -> str:
    """Path data for segments placed at centre, mirrored when side is -1."""
    parts = []
    for command, points in segments:
        coords = " ".join(f"{_num(centre + side * x)} {_num(y)}" for x, y in points)
        parts.append(f"{command} {coords}".rstrip())
    return " ".join(parts)


def _reversed(segments: list[_Segment]) -> list[_Segment]:
    """The same open path (no Z) traced from its end back to its start."""
    ends = [points[-1] for _, points in segments]
    out: list[_Segment] = [("M", (ends[-1],))]
    for k in range(len(segments) - 1, 0, -1):
        command, points = segments[k]
        start = ends[k - 1]
        controls = tuple(reversed(points[:-1]))
        out.append((command, (*controls, start)))
    return out


def _mirrored(half: str, centre: float) -> str:
    """Path data for a closed half-shape and its mirror image about the figure's midline."""
    segments = _segments(half)
    return f"{_format(segments, centre, 1)} {_format(segments, centre, -1)}"


def _silhouette(centre: float) -> str:
    """Closed path data for the whole body outline of one figure."""
    half = _segments(_OUTLINE_HALF)
    left = _reversed(half)[1:]  # starts where the right side ends: the crotch
    return f"{_format(half, centre, 1)} {_format(left, centre, -1)} Z"


_VIEW_OF: dict[str, str] = {}
for _view, _halves in (("front", _FRONT_HALVES), ("back", _BACK_HALVES)):
    for _region, _half in _halves.items():
        SHAPES[_region] = _mirrored(_half, _CENTRE[_view])
        _VIEW_OF[_region] = _view

# Region id -> the muscle it stands for when no role names it: the most specific muscle
# drawn there (fewest regions; the first listed on a tie).
_OWNER: dict[str, str] = {}
for _slug, _regions in sorted(REGIONS.items(), key=lambda item: len(item[1])):
    for _region in _regions:
        _OWNER.setdefault(_region, _slug)

_ids = itertools.count(1)


def _check_known(slug: str, what: str) -> None:
    if slug not in REGIONS:
        raise KeyError(
            f"{what} {slug!r} is not a muscle of the body map; add it to "
            f"exgraph.web.pages.bodymap.REGIONS (known: {', '.join(sorted(REGIONS))})"
        )


def _describe(slug: str, role: str, labels: Mapping[str, str], functions: Mapping[str, str],
              role_names: Mapping[str, str] | None = None) -> str:
    text = f"{labels.get(slug) or LABELS[slug]} ({(role_names or {}).get(role, role)})"
    function = functions.get(slug)
    return f"{text}: {function}" if function else text


def render_body_map(
    roles: Mapping[str, str],
    *,
    functions: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
    highlight: str | None = None,
    title: str = "Muscles worked",
    role_names: Mapping[str, str] | None = None,
) -> Markup:
    """Render front and back body outlines with the muscles in ``roles`` coloured by role.

    ``roles`` maps muscle slug -> ``"primary"``, ``"secondary"`` or ``"stabilizer"``;
    ``functions`` maps slug -> what the muscle does in the exercise (shown on hover);
    ``labels`` overrides the catalogue labels; ``highlight`` outlines one muscle's regions.

    Returns a ``<div class="bodymap">`` holding the ``<svg>`` (``role="img"``, titled by
    ``title``) followed by a ``<ul class="bodymap-legend">``, as safe markup. Each drawn region
    is a ``<path class="region ...">`` with ``data-region`` and ``data-muscle`` and a ``<title>``;
    regions of muscles with a role are focusable and carry ``aria-label``. ``role_names``
    renames the three colours in the legend and the descriptions (the /me page colours
    muscles by weekly sets, not by role).

    Raises ``KeyError`` for a slug (in ``roles`` or ``highlight``) the map has no region for,
    and ``ValueError`` for an unknown role.
    """
    functions = functions or {}
    labels = labels or {}
    for slug, role in roles.items():
        _check_known(slug, "muscle")
        if role not in ROLES:
            raise ValueError(f"role {role!r} of {slug!r} is not one of {', '.join(ROLES)}")
    if highlight is not None:
        _check_known(highlight, "highlighted muscle")

    n = next(_ids)
    title_id, desc_id = f"bodymap-{n}-title", f"bodymap-{n}-desc"
    summary = []
    for role in ROLES:
        named = [labels.get(s) or LABELS[s] for s, r in roles.items() if r == role]
        if named:
            name = (role_names or {}).get(role) or role.capitalize()
            summary.append(f"{name}: {', '.join(named)}.")
    desc = " ".join(summary) or "No muscles marked."
    figures = _figures(_region_paths(roles, functions, labels, highlight, role_names))
    legend = _legend(labels, highlight, role_names)
    return Markup(
        '<div class="bodymap">'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{VIEWBOX}" role="img" '
        f'aria-labelledby="{title_id}" aria-describedby="{desc_id}">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(desc)}</desc>'
        f"{figures}"
        "</svg>"
        f'<ul class="bodymap-legend">{"".join(legend)}</ul>'
        "</div>"
    )


def _region_paths(roles: Mapping[str, str], functions: Mapping[str, str],
                  labels: Mapping[str, str], highlight: str | None,
                  role_names: Mapping[str, str] | None) -> dict[str, list[str]]:
    """Each view's region paths, coloured by the strongest role there, focusable if marked."""
    hits: dict[str, list[tuple[str, str]]] = {}
    for slug, role in sorted(roles.items(), key=lambda item: ROLES.index(item[1])):
        for region in REGIONS[slug]:
            hits.setdefault(region, []).append((slug, role))
    marked = set(REGIONS[highlight]) if highlight is not None else set()
    views: dict[str, list[str]] = {"front": [], "back": []}
    for region, d in SHAPES.items():
        classes = ["region"]
        attrs = ""
        found = hits.get(region, [])
        if found:
            slug, role = found[0]
            classes.append(f"role-{role}")
            text = "; ".join(_describe(s, r, labels, functions, role_names) for s, r in found)
            attrs = f' tabindex="0" aria-label="{escape(text)}"'
        else:
            slug = highlight if region in marked and highlight is not None else _OWNER[region]
            text = labels.get(slug) or LABELS[slug]
        if region in marked:
            classes.append("highlight")
        views[_VIEW_OF[region]].append(
            f'<path class="{" ".join(classes)}" data-region="{region}" '
            f'data-muscle="{escape(slug)}" d="{d}"{attrs}><title>{escape(text)}</title></path>'
        )
    return views


def _figures(views: Mapping[str, list[str]]) -> str:
    """The front and back figures: outline, the region paths, the drawn detail."""
    figures = []
    for view, centre in _CENTRE.items():
        outline = _silhouette(centre)
        detail = _mirrored(_DETAIL_HALVES[view], centre)
        figures.append(
            f'<g class="bodymap-{view}">'
            f'<text class="bodymap-view" x="{_num(centre)}" y="18">{view.capitalize()}</text>'
            f'<path class="bodymap-edge" d="{outline}"/>'
            f'<path class="bodymap-body" d="{outline}"/>'
            f"{''.join(views[view])}"
            f'<path class="bodymap-detail" d="{detail}"/>'
            "</g>"
        )
    return "".join(figures)


def _legend(labels: Mapping[str, str], highlight: str | None,
            role_names: Mapping[str, str] | None) -> list[str]:
    """The legend's items: the three colours, and the highlighted muscle's."""
    legend = [f'<li><span class="swatch role-{role}" aria-hidden="true"></span>'
              f"{escape((role_names or {}).get(role) or role.capitalize())}</li>" for role in ROLES]
    if highlight is not None:
        legend.append('<li><span class="swatch highlight" aria-hidden="true"></span>'
                      f"{escape(labels.get(highlight) or LABELS[highlight])}</li>")
    return legend
