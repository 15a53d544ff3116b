"""Paths of the checkout the tests run in."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
