"""Training history: a lifter's log, private per user, and what it says about progress.

* :mod:`~exgraph.history.users`: users and their tokens (stored hashed, scrypt).
* :mod:`~exgraph.history.parse`: Strong CSV, Hevy CSV and exgraph's own JSON -> logged sets,
  every row kept or skipped with a reason (file and line).
* :mod:`~exgraph.history.log`: the private store (one named graph per user, a pyoxigraph store
  of its own on disk, never the public one) and imports into it.
* :mod:`~exgraph.history.stats`: progress per session (best set, estimated 1RM) and weekly
  sets per muscle group, from the exercise records.

The private store is opened only through :class:`~exgraph.history.log.History`: nothing in the
public store, its exports, caches or /sparql ever holds a logged set.
"""
