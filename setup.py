"""Build hook: the wheel carries the vocabulary, shapes, bundled data and named queries.

The top-level ``ontology/``, ``data/`` and ``queries/`` stay the source; a (non-editable) build
copies them into ``exgraph/_bundle/``, where :mod:`exgraph.config` finds them once installed.
Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: Folder -> the file patterns it contributes to the bundle.
BUNDLE = {"ontology": ("*.ttl",), "data": ("**/*.ttl", "**/*.trig", "*.tsv"), "queries": ("**/*.rq",)}


class BuildWithBundle(build_py):
    """build_py that also copies the bundled resources into the package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout
        target = Path(self.build_lib) / "exgraph" / "_bundle"
        shutil.rmtree(target, ignore_errors=True)
        for folder, patterns in BUNDLE.items():
            for pattern in patterns:
                for source in sorted((HERE / folder).glob(pattern)):
                    dest = target / folder / source.relative_to(HERE / folder)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, dest)


setup(cmdclass={"build_py": BuildWithBundle})
