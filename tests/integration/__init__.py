"""Integration tests, a folder per area: on the session's loaded store or the in-process app."""
