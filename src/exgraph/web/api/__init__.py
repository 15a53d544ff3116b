"""The JSON API under /api/v1/, its OpenAPI document, and the exports."""
