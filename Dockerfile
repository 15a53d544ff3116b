# syntax=docker/dockerfile:1
# exgraph in a container: the bundled graph (with the dataset imports) served by waitress on :8000.
#   docker build -t exgraph .
#   docker run --rm -p 8000:8000 exgraph
# Settings come from EXGRAPH_* variables (README.md, "Running in production"): docker run -e ...

# Build: a wheel of the checkout. setup.py copies ontology/, data/ and queries/ into it, so the
# installed package needs nothing else from the build context (.dockerignore keeps the rest out).
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY . .
RUN pip wheel --no-deps --wheel-dir /dist .

# Run: the wheel and its dependencies, an unprivileged user, nothing of the build.
FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN --mount=type=bind,from=build,source=/dist,target=/dist \
    pip install /dist/exgraph-*.whl \
 && useradd --system --uid 10001 --user-group --create-home --home-dir /home/exgraph exgraph \
 && install -d -o exgraph -g exgraph /var/lib/exgraph
USER exgraph
WORKDIR /home/exgraph
EXPOSE 8000
# The server exits cleanly (SPARQL workers stopped) on SIGINT; as PID 1 it would ignore SIGTERM.
STOPSIGNAL SIGINT
# Loading the graph takes a few seconds; /healthz answers once the server listens.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
CMD ["exgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
