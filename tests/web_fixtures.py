"""The web app on both graphs, and reading its pages back: a small HTML tree (html.parser), its
links, and its JSON-LD as an rdflib Graph.

``site`` (registered in conftest.py) is parametrized: every test that takes it runs on the
curated graph (the test app) and on the full bundled graph (curated + articles + imports).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph
from werkzeug.test import TestResponse

from exgraph.graph.store import Store
from exgraph.web.app import create_app

#: What Chromium sends when it opens a page.
BROWSER = ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
           "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Node:
    """An element of a parsed page: tag, attributes, children and text."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    parts: list[str | Node] = field(default_factory=list)

    def iter(self, tag: str | None = None) -> Iterator[Node]:
        """This element and every element under it (only those named tag, when given)."""
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            yield from child.iter(tag)

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        """Elements under this one with tag and these attribute values (``class_`` = class,
        matched as one of the element's classes)."""
        found = []
        for node in self.iter(tag):
            ok = True
            for key, value in attrs.items():
                key = key.rstrip("_").replace("_", "-")
                if key == "class":
                    ok = ok and value in node.attrs.get("class", "").split()
                else:
                    ok = ok and node.attrs.get(key) == value
            if ok:
                found.append(node)
        return found

    def find(self, tag: str | None = None, **attrs: str) -> Node:
        """The first element like :meth:`find_all`; fails the test when there is none."""
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}>"
        return found[0]

    def by_id(self, ident: str) -> Node:
        return self.find(id=ident)

    @property
    def text(self) -> str:
        """The element's text, whitespace collapsed."""
        chunks: list[str] = []

        def walk(node: Node) -> None:
            for part in node.parts:
                if isinstance(part, str):
                    chunks.append(part)
                elif part.tag not in ("script", "style"):
                    walk(part)

        walk(self)
        return " ".join("".join(chunks).split())

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].parts.append(data)


def parse_html(text: str) -> Node:
    """The page as a tree of :class:`Node`; html.parser reports no errors, so the tree is
    checked elsewhere (every test looks for the elements it needs)."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


@dataclass
class Page:
    """A fetched HTML page."""

    url: str
    response: TestResponse
    root: Node

    @property
    def links(self) -> list[str]:
        """Every href of <a> and <link>, resolved against the page's URL."""
        return [urljoin(self.url, node.attrs["href"]) for node in self.root.iter()
                if node.tag in ("a", "link") and "href" in node.attrs]

    @property
    def jsonld(self) -> Any:
        (script,) = self.root.find_all("script", type="application/ld+json")
        return json.loads("".join(p for p in script.parts if isinstance(p, str)))

    def jsonld_graph(self) -> Graph:
        return Graph().parse(data=json.dumps(self.jsonld), format="json-ld")

    @property
    def alternates(self) -> list[tuple[str, str]]:
        """(media type, href) of every <link rel="alternate">."""
        return [(n.attrs["type"], n.attrs["href"]) for n in self.root.find_all("link")
                if n.attrs.get("rel") == "alternate"]


def get_page(client: FlaskClient, url: str, status: int = 200) -> Page:
    """GET url as a browser would; assert the status and that the answer is HTML."""
    response = client.get(url, headers={"Accept": BROWSER})
    assert response.status_code == status, (url, response.status_code,
                                            response.get_data(as_text=True)[:500])
    assert response.mimetype == "text/html", (url, response.mimetype)
    return Page(url, response, parse_html(response.get_data(as_text=True)))


def is_internal(url: str) -> bool:
    """Whether a resolved link points to the test app itself (not data: or another host)."""
    parts = urlsplit(url)
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", "localhost")


def path_of(url: str) -> str:
    """The path and query of a URL, as the test client wants it."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass
class Site:
    """The app on one graph."""

    name: str
    app: Flask
    store: Store

    @property
    def client(self) -> FlaskClient:
        return self.app.test_client()

    def json(self, url: str) -> Any:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.get_data(as_text=True))
        return response.get_json()


@pytest.fixture(scope="session", params=["curated", "full"])
def site(request: pytest.FixtureRequest) -> Site:
    """The app on the curated graph, then on the full bundled graph."""
    store: Store = request.getfixturevalue("store" if request.param == "curated"
                                           else "full_store")
    return Site(request.param, create_app({"STORE": store}), store)
