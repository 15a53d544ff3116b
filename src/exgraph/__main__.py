"""``python -m exgraph`` runs the command line."""

from .cli import main

main()
