"""exgraph: a knowledge graph of strength-training exercises and the service over it."""

__version__ = "0.1.0"
