"""Unit tests, a folder per layer of src/exgraph: no loaded graph, no server (``make
test-fast``)."""
