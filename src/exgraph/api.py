"""The JSON API under /api/v1/ and the exports (being built: see issue 3)."""

from flask import Blueprint

bp = Blueprint("api", __name__)
