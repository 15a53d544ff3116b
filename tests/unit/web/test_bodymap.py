"""The body map of exercise pages: every catalogue muscle is drawn, roles colour its regions."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import cache
from typing import Any

import pytest
from markupsafe import Markup
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from exgraph.web.pages.bodymap import (
    BODYMAP_CSS,
    LABELS,
    REGIONS,
    ROLES,
    SHAPES,
    render_body_map,
)
from tests.paths import REPO

ROOT = REPO
EXG = Namespace("https://w3id.org/exgraph/ontology#")
MUSCLE_NS = "https://w3id.org/exgraph/id/muscle/"
SVG = "{http://www.w3.org/2000/svg}"

EXAMPLE = {"hamstrings": "primary", "glutes": "secondary", "erector-spinae": "stabilizer"}


@cache
def catalogue() -> Graph:
    return Graph().parse(ROOT / "data" / "muscles.ttl")


def slug(iri: Node) -> str:
    assert str(iri).startswith(MUSCLE_NS), iri
    return str(iri)[len(MUSCLE_NS) :]


def catalogue_muscles() -> list[str]:
    return sorted(slug(m) for m in catalogue().subjects(RDF.type, EXG.Muscle))


def catalogue_groups() -> dict[str, set[str]]:
    """Group slug -> slugs of the muscles that point to it with skos:broader."""
    g = catalogue()
    groups: dict[str, set[str]] = {slug(m): set() for m in g.subjects(RDF.type, EXG.MuscleGroup)}
    for part, group in g.subject_objects(SKOS.broader):
        groups[slug(group)].add(slug(part))
    return groups


def render(roles: Mapping[str, str], **kwargs: Any) -> ET.Element:
    """Render and parse: the markup must be well-formed XML under one root element."""
    markup = render_body_map(roles, **kwargs)
    assert isinstance(markup, Markup)
    return ET.fromstring(f"<root>{markup}</root>")


def regions(root: ET.Element) -> dict[str, ET.Element]:
    """data-region -> its drawn element."""
    found: dict[str, ET.Element] = {}
    for element in root.iter():
        region = element.get("data-region")
        if region is not None:
            assert region not in found, f"{region} drawn twice"
            found[region] = element
    return found


def classes(element: ET.Element | None) -> set[str]:
    assert element is not None, "no such element"
    return set(element.get("class", "").split())


def hover_text(element: ET.Element) -> str:
    title = element.find(f"{SVG}title")
    assert title is not None and title.text
    return title.text


# -- every muscle is drawn ---------------------------------------------------------------------


def test_catalogue_has_the_34_muscles_and_17_groups() -> None:
    assert len(catalogue_muscles()) == 34
    assert len(catalogue_groups()) == 17


@pytest.mark.parametrize("muscle", catalogue_muscles())
def test_every_catalogue_muscle_has_drawn_regions(muscle: str) -> None:
    assert REGIONS.get(muscle), f"{muscle} has no region on the body map"
    drawn = regions(render({}))
    for region in REGIONS[muscle]:
        assert region in drawn, f"{muscle}: region {region} is not drawn"
        assert region in SHAPES


def test_regions_name_only_catalogue_muscles_and_every_shape_is_used() -> None:
    assert set(REGIONS) == set(catalogue_muscles())
    used = {region for ids in REGIONS.values() for region in ids}
    assert used == set(SHAPES) == set(regions(render({})))


@pytest.mark.parametrize("group", sorted(catalogue_groups()))
def test_a_group_covers_the_regions_of_its_parts(group: str) -> None:
    for part in catalogue_groups()[group]:
        assert set(REGIONS[part]) <= set(REGIONS[group]), f"{part} outside {group}"


@pytest.mark.parametrize("muscle", catalogue_muscles())
def test_default_labels_are_the_catalogue_labels(muscle: str) -> None:
    labels = {
        str(label) for label in catalogue().objects(URIRef(MUSCLE_NS + muscle), SKOS.prefLabel)
    }
    assert labels == {LABELS[muscle]}


@pytest.mark.parametrize(
    ("muscle", "expected"),
    [
        ("anterior-deltoid", {"front-delt-anterior"}),
        ("posterior-deltoid", {"back-delt-posterior"}),
        ("lateral-deltoid", {"front-delt-lateral", "back-delt-lateral"}),
        (
            "shoulders",
            {
                "front-delt-anterior",
                "front-delt-lateral",
                "back-delt-lateral",
                "back-delt-posterior",
            },
        ),
        ("gluteus-medius", {"back-glute-med"}),
        ("rectus-abdominis", {"front-abs"}),
        ("obliques", {"front-obliques"}),
        ("transversus-abdominis", {"front-abs", "front-obliques"}),
        (
            "hamstrings",
            {"back-biceps-femoris", "back-semitendinosus", "back-semimembranosus"},
        ),
    ],
)
def test_single_muscles_have_their_own_subregions(muscle: str, expected: set[str]) -> None:
    assert set(REGIONS[muscle]) == expected


# -- the SVG -------------------------------------------------------------------------------------


def test_svg_is_an_accessible_image_with_front_back_and_a_legend() -> None:
    root = render(EXAMPLE, title="Romanian deadlift")
    (div,) = list(root)
    svg, legend = list(div)
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text == "Romanian deadlift"
    assert svg.get("aria-labelledby") == title.get("id")
    assert [t.text for t in svg.iter(f"{SVG}text")] == ["Front", "Back"]
    assert legend.tag == "ul" and legend.get("class") == "bodymap-legend"
    assert ["".join(li.itertext()) for li in legend] == [
        "Primary",
        "Secondary",
        "Stabilizer",
    ]
    assert [classes(li.find("span")) for li in legend] == [
        {"swatch", f"role-{role}"} for role in ROLES
    ]


@pytest.mark.parametrize(
    ("region", "role"),
    [
        ("back-biceps-femoris", "primary"),
        ("back-semitendinosus", "primary"),
        ("back-semimembranosus", "primary"),
        ("back-glute-max", "secondary"),
        ("back-glute-med", "secondary"),
        ("back-erectors", "stabilizer"),
        ("front-quads", None),
        ("back-lats", None),
    ],
)
def test_roles_colour_the_regions(region: str, role: str | None) -> None:
    element = regions(render(EXAMPLE))[region]
    assert "region" in classes(element)
    assert {c for c in classes(element) if c.startswith("role-")} == (
        {f"role-{role}"} if role else set()
    )
    if role:
        assert element.get("tabindex") == "0"
        assert role in (element.get("aria-label") or "")
        assert role in hover_text(element)
    else:
        assert element.get("tabindex") is None and element.get("aria-label") is None


def test_regions_name_their_muscle_and_function_on_hover() -> None:
    drawn = regions(render(EXAMPLE, functions={"hamstrings": "knee flexion and hip extension"}))
    element = drawn["back-semitendinosus"]
    assert element.get("data-muscle") == "hamstrings"
    assert hover_text(element) == "Hamstrings (primary): knee flexion and hip extension"
    assert element.get("aria-label") == hover_text(element)
    assert drawn["front-abs"].get("data-muscle") == "rectus-abdominis"
    assert hover_text(drawn["front-abs"]) == "Rectus abdominis"


SHARED = [  # roles, shared region, the muscle that wins it, its role
    ({"glutes": "secondary", "gluteus-maximus": "primary"}, "back-glute-max", "gluteus-maximus"),
    ({"gluteus-maximus": "stabilizer", "glutes": "secondary"}, "back-glute-max", "glutes"),
    ({"soleus": "stabilizer", "gastrocnemius": "primary"}, "front-calves", "gastrocnemius"),
    ({"rectus-abdominis": "secondary", "transversus-abdominis": "stabilizer"}, "front-abs",
     "rectus-abdominis"),
    ({"transversus-abdominis": "stabilizer", "obliques": "primary"}, "front-abs",
     "transversus-abdominis"),
    ({"shoulders": "stabilizer", "lateral-deltoid": "primary"}, "back-delt-lateral",
     "lateral-deltoid"),
]  # fmt: skip


@pytest.mark.parametrize(("roles", "region", "winner"), SHARED)
def test_strongest_role_wins_a_shared_region(
    roles: dict[str, str], region: str, winner: str
) -> None:
    element = regions(render(roles))[region]
    role = roles[winner]
    assert {c for c in classes(element) if c.startswith("role-")} == {f"role-{role}"}
    assert element.get("data-muscle") == winner
    for muscle in roles:
        if region in REGIONS[muscle]:
            assert LABELS[muscle] in hover_text(element)


@pytest.mark.parametrize(
    ("highlight", "roles"),
    [
        ("gluteus-medius", {}),
        ("gluteus-medius", {"glutes": "primary"}),
        ("shoulders", {"anterior-deltoid": "primary"}),
        ("soleus", {}),
    ],
)
def test_highlight_marks_exactly_the_muscles_regions(highlight: str, roles: dict[str, str]) -> None:
    root = render(roles, highlight=highlight)
    marked = {region for region, el in regions(root).items() if "highlight" in classes(el)}
    assert marked == set(REGIONS[highlight])
    legend = root.find("div/ul")
    assert legend is not None
    assert "".join(legend[-1].itertext()) == LABELS[highlight]
    assert classes(legend[-1][0]) == {"swatch", "highlight"}


def test_text_is_escaped() -> None:
    evil = '<script>alert("x")</script> & co'
    markup = render_body_map(
        {"hamstrings": "primary"},
        functions={"hamstrings": evil},
        labels={"hamstrings": evil, "semitendinosus": evil},
        highlight="semitendinosus",
        title=evil,
    )
    assert "<script>" not in markup
    root = ET.fromstring(f"<root>{markup}</root>")
    assert not list(root.iter("script")) and not list(root.iter(f"{SVG}script"))
    element = regions(root)["back-semitendinosus"]
    assert hover_text(element) == f"{evil} (primary): {evil}"
    assert element.get("aria-label") == hover_text(element)
    title = root.find(f"div/{SVG}svg/{SVG}title")
    assert title is not None and title.text == evil


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"roles": {"pinky-toe": "primary"}}, KeyError, "muscle 'pinky-toe' is not a muscle of"),
        ({"roles": {}, "highlight": "pinky-toe"}, KeyError, "highlighted muscle 'pinky-toe'"),
        ({"roles": {"hamstrings": "main"}}, ValueError, "role 'main' of 'hamstrings'"),
    ],
)
def test_unknown_muscles_and_roles_are_refused(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        render_body_map(**kwargs)
    assert message in str(raised.value)


def test_css_styles_every_role() -> None:
    for selector in (".region", ".highlight", ":focus-visible", ".bodymap-legend"):
        assert selector in BODYMAP_CSS
    for role in ROLES:
        assert f".region.role-{role}" in BODYMAP_CSS
        assert f".swatch.role-{role}" in BODYMAP_CSS
    assert "</style" not in BODYMAP_CSS
