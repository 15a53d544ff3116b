"""The web pages: server-rendered HTML for people, beside the JSON API and the SPARQL endpoint.

One blueprint, ``pages`` (:data:`bp`), whose views live in a module per family: :mod:`.views`
(search, exercises, muscles, equipment), :mod:`.tools` (named queries, the SPARQL workbench, the
API documentation), :mod:`.linked` (Linked Data: ``/id/...`` and ``/ontology``) and :mod:`.plan`
(training plans: ``/plan``), :mod:`.me` (the lifter's own log: ``/me``); :mod:`.base`
holds what they share, :mod:`.links` where things live, :mod:`.bodymap` the body map.
Templates are in ``templates/``; the stylesheet and the two scripts in ``static/``.
"""

from exgraph.web.pages import linked, me, plan, tools, views
from exgraph.web.pages.base import bp

__all__ = ["bp", "linked", "me", "plan", "tools", "views"]
