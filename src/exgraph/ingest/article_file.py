"""One article file → its graph, against the names the bundled graph already has."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from exgraph.config import DATA_DIR
from exgraph.graph.load import bundled_files, load_graph
from exgraph.graph.safe_files import InputFileError, limit_setting, read_limited
from exgraph.graph.validate import Report, validate_graph
from exgraph.ingest.build import SourceInfo, build_graph, mentions, source_triples
from exgraph.ingest.model import Article, IngestError, Issue
from exgraph.ingest.name_index import NameIndex, NewResource, Resolver
from exgraph.ingest.parser import parse_article
from exgraph.vocab.names import slugify
from exgraph.vocab.terms import EXG, SOURCE

SOURCE_TITLE = "{name}: Muscles, Technique, Benefits, Mistakes and Programming"


@dataclass
class Result:
    """What ingesting one article gave: its graph and what the report says about it."""

    file: str
    slug: str
    article: Article
    exercise: URIRef
    exercise_label: str
    graph: Graph
    new: list[NewResource] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    equipment: list[URIRef] = field(default_factory=list)


def article_slug(path: Path) -> str:
    """The slug of an article file: ``articles/Goblet Squat.txt`` → ``goblet-squat``.

    Raises IngestError when the file name has nothing to make one from.
    """
    try:
        return slugify(path.stem)
    except ValueError:
        raise IngestError([Issue(str(path), None, "cannot make an identifier from the file "
                                                  "name")]) from None


def target_file(data_dir: Path, path: Path) -> Path:
    """Where ``--into data_dir`` writes the graph of the article at path."""
    return data_dir / "articles" / f"{article_slug(path)}.ttl"


def base_graph(data_dir: Path | None, articles: Sequence[Path] = ()) -> Graph:
    """The bundled graph that names resolve against, without the files these articles replace.

    Leaving out an article's own earlier output keeps ingest idempotent: the resources it
    created then are created again, not found and left out.
    """
    data_dir = DATA_DIR if data_dir is None else data_dir
    replaced = {target_file(data_dir, a).resolve() for a in articles}
    files = [f for f in bundled_files(data_dir) if f.resolve() not in replaced]
    return load_graph(files=files, data_dir=data_dir)


#: The setting that bounds an article file, in bytes.
ARTICLE_LIMIT = "MAX_ARTICLE_BYTES"
#: What an article may not contain: the C0 controls but tab, newline and carriage return; DEL;
#: the C1 controls; U+FEFF anywhere but as the byte-order mark that starts the text.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")
#: Lines with forbidden characters reported one by one; the rest are counted.
MAX_CHARACTER_ISSUES = 10
_CONTROL_NAMES = {0x00: "NUL", 0x1B: "ESC", 0x7F: "DEL"}


def read_article(path: Path) -> str:
    """The text of an article file. Raises IngestError naming the file (and line) if it is
    unreadable, not a regular file, larger than EXGRAPH_MAX_ARTICLE_BYTES (checked before it is
    read whole: at most the limit + 1 bytes are read) or not UTF-8."""
    try:
        data = read_limited(path, limit_setting(ARTICLE_LIMIT), ARTICLE_LIMIT)
    except InputFileError as exc:
        raise IngestError([Issue(str(path), None, exc.reason)]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise IngestError([Issue(str(path), line, "not UTF-8 text")]) from None


def character_issues(text: str, file: str) -> list[Issue]:
    """One issue per line holding a character an article may not have (:data:`FORBIDDEN`),
    naming the first such character and its column; after MAX_CHARACTER_ISSUES lines, a count."""
    issues: list[Issue] = []
    last_line, more = 0, 0
    for match in FORBIDDEN.finditer(text):
        start = match.start()
        if start == 0 and match.group() == "\ufeff":
            continue  # a leading byte-order mark
        line = text.count("\n", 0, start) + 1
        if line == last_line:
            continue
        last_line = line
        if len(issues) >= MAX_CHARACTER_ISSUES:
            more += 1
            continue
        code = ord(match.group())
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        if code == 0xFEFF:
            message = (f"character U+FEFF (a byte-order mark) at column {column}: allowed only "
                       "at the start of the file")
        else:
            name = f" ({_CONTROL_NAMES[code]})" if code in _CONTROL_NAMES else ""
            message = (f"control character U+{code:04X}{name} at column {column}: an article is "
                       "text, where only tab, newline and carriage return are allowed")
        issues.append(Issue(file, line, message))
    if more:
        issues.append(Issue(file, None, f"{more} more line(s) with control characters"))
    return issues


def ingest_text(text: str, path: Path, base: Graph, index: NameIndex | None = None) -> Result:
    """Parse, resolve and build one article whose text is given (path names it and its source).

    Raises IngestError with every problem found when anything cannot be understood.
    """
    file = str(path)
    slug = article_slug(path)
    limit = limit_setting(ARTICLE_LIMIT)
    if len(text) > limit or len(text.encode("utf-8", "surrogatepass")) > limit:
        raise IngestError([Issue(file, None, f"more than the limit of {limit} bytes "
                                             f"(EXGRAPH_{ARTICLE_LIMIT})")])
    bad = character_issues(text, file)
    if bad:
        raise IngestError(bad)
    index = NameIndex(base) if index is None else index
    parsed = parse_article(text, file)
    resolver = Resolver(index, file)
    resolver.resolve_all(mentions(parsed.article))
    article = parsed.article
    exercise = resolver.iri("exercise", article.exercise) if article.exercise else None
    label = _label(base, resolver, exercise)
    source = _source(base, SOURCE[f"article-{slug}"], article, label, f"articles/{path.name}")
    built = build_graph(article, resolver, source)
    errors = [*parsed.errors, *resolver.errors, *built.errors]
    if errors or exercise is None:
        raise IngestError(sorted(errors, key=lambda i: (i.line or 0)) or [
            Issue(file, 1, "cannot tell which exercise the article is about")])
    warnings = list(parsed.warnings)
    if article.equipment_sentence is not None and not built.equipment:
        warnings.append(Issue(file, article.equipment_line, "no known equipment in "
                                                            f'"{article.equipment_sentence}"'))
    return Result(file, slug, article, exercise, label, built.graph,
                  sorted(resolver.new.values(), key=lambda n: (n.kind, str(n.iri))),
                  warnings, built.equipment)


def ingest_file(path: Path, base: Graph, index: NameIndex | None = None) -> Result:
    """:func:`ingest_text` of a file. Raises IngestError."""
    return ingest_text(read_article(path), path, base, index)


def read_articles(paths: Iterable[Path]) -> dict[Path, str]:
    """The text of each article file, checked for what needs no graph (size, UTF-8, control
    characters): cheap errors before the slow load. Raises one IngestError for every file."""
    texts, issues = {}, []
    for path in paths:
        try:
            text = read_article(path)
        except IngestError as exc:
            issues.extend(exc.issues)
            continue
        bad = character_issues(text, str(path))
        issues.extend(bad)
        if not bad:
            texts[path] = text
    if issues:
        raise IngestError(issues)
    return texts


def ingest_files(paths: Iterable[Path], base: Graph,
                 texts: dict[Path, str] | None = None) -> list[Result]:
    """Ingest each article against base (each on its own, so each output stands alone);
    ``texts`` holds those already read (:func:`read_articles`).

    Raises one IngestError carrying the problems of every article that has any.
    """
    index = NameIndex(base)
    results, issues = [], []
    for path in paths:
        try:
            if texts is not None and path in texts:
                results.append(ingest_text(texts[path], path, base, index))
            else:
                results.append(ingest_file(path, base, index))
        except IngestError as exc:
            issues.extend(exc.issues)
    if issues:
        raise IngestError(issues)
    return results


def validate_with(base: Graph, graphs: Iterable[Graph]) -> Report:
    """SHACL report for the base graph with the given graphs added (base is not changed)."""
    merged = Graph()
    for triple in base:
        merged.add(triple)
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return validate_graph(merged)


def _label(base: Graph, resolver: Resolver, exercise: URIRef | None) -> str:
    if exercise is None:
        return ""
    if exercise in resolver.new:
        return resolver.new[exercise].label
    return str(base.value(exercise, RDFS.label) or exercise.rsplit("/", 1)[-1])


def _source(base: Graph, iri: URIRef, article: Article, label: str, identifier: str) -> SourceInfo:
    """The article's exg:Source description: the graph's own when it has one (the curated
    description of the reference article in data/sources.ttl), else a generated one."""
    if (iri, RDF.type, EXG.Source) in base:
        return SourceInfo(iri, tuple((iri, p, o) for p, o in base.predicate_objects(iri)))
    name = article.heading_names[0].text if article.heading_names else label
    return SourceInfo(iri, source_triples(iri, f"{label} guide", SOURCE_TITLE.format(name=name),
                                          identifier))
