"""Questions over the graph: the named-query catalogue (texts in the top-level queries/), result
rows, exercise documents."""
