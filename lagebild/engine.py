"""The façade: read → clean → analyse (→ link → store). Adapters call one method of it."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.analyse.pipeline import DEFAULT_PIPELINE, Pipeline
from lagebild.clean import CleanOptions, prepare
from lagebild.errors import InputError
from lagebild.ingest import ReadOptions, read_inputs
from lagebild.model import Analysis, Article, RawDocument
from lagebild.store import AddResult, SQLiteStore, open_store


@dataclass
class IngestReport:
    """What one ingest run did, input by input."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    copies: list[tuple[str, str]] = field(default_factory=list)  # (article, copy of)
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class Engine:
    """Holds the pipeline (models load once per process) and, when asked, the store."""

    def __init__(self, db: str | Path | None = None, *, components: Iterable[str] = DEFAULT_PIPELINE) -> None:
        self.pipeline = Pipeline(components)
        self.db_path = Path(db) if db is not None else None
        self._store: SQLiteStore | None = None

    @property
    def store(self) -> SQLiteStore:
        if self._store is None:
            self._store = open_store(self.db_path)
        return self._store

    def articles(self, inputs: Iterable[str], read: ReadOptions = ReadOptions(),
                 clean: CleanOptions = CleanOptions()) -> Iterator[Article | InputError]:
        """Clean articles (or the error of each input that failed) in input order."""
        for raw in read_inputs(inputs, read):
            if isinstance(raw, InputError):
                yield raw
                continue
            yield self.prepare(raw, clean)

    def prepare(self, raw: RawDocument, clean: CleanOptions = CleanOptions()) -> Article | InputError:
        try:
            return prepare(raw, clean)
        except InputError as exc:
            return exc

    def analyse(self, article: Article) -> Analysis:
        return self.pipeline(article)

    def analyze(self, inputs: Iterable[str], read: ReadOptions = ReadOptions(),
                clean: CleanOptions = CleanOptions()) -> Iterator[Analysis | InputError]:
        for item in self.articles(inputs, read, clean):
            yield item if isinstance(item, InputError) else self.analyse(item)

    def ingest(self, inputs: Iterable[str], read: ReadOptions = ReadOptions(),
               clean: CleanOptions = CleanOptions(),
               progress: Callable[[Article | InputError], None] | None = None) -> IngestReport:
        """Read, clean, analyse and store every input; bad inputs are reported, not fatal.

        Each article is stored in its own transaction: an error part-way leaves everything
        stored before it intact, and the same input twice changes nothing.
        """
        report = IngestReport()
        for item in self.articles(inputs, read, clean):
            if progress is not None:
                progress(item)
            if isinstance(item, InputError):
                report.errors.append(item)
                continue
            result: AddResult = self.store.add(self.analyse(item))
            getattr(report, result.status).append(result.id)
            if result.copy_of and result.status != "unchanged":
                report.copies.append((result.id, result.copy_of))
        self.after_ingest(report)
        return report

    def after_ingest(self, report: IngestReport) -> None:
        """Link the new articles into the corpus (stories, events, claims)."""
        new = report.added + report.updated
        if not new:
            return
        from lagebild.link import update_corpus
        update_corpus(self.store, new)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
