"""``python -m exgraph`` runs the command line."""

from exgraph.cli import main

main()
