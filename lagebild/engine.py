"""The façade: read → clean → analyse (→ link → store). Adapters call one method of it."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from lagebild.analyse.pipeline import DEFAULT_PIPELINE, Pipeline
from lagebild.clean import CleanOptions, prepare
from lagebild.errors import InputError
from lagebild.ingest import ReadOptions, read_inputs
from lagebild.model import Analysis, Article, RawDocument


class Engine:
    """Holds the pipeline (models load once per process) and, when asked, the store."""

    def __init__(self, db: str | Path | None = None, *, components: Iterable[str] = DEFAULT_PIPELINE) -> None:
        self.pipeline = Pipeline(components)
        self.db_path = Path(db) if db is not None else None
        self._store = None

    @property
    def store(self):  # type: ignore[no-untyped-def]
        if self._store is None:
            from lagebild.store import open_store
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
