"""PostgreSQL: each page indexed with its own language's text search configuration, and each
search run in the visitor's."""

import threading
from collections import defaultdict
from contextlib import contextmanager

from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

# PostgreSQL's own text search configurations, by language code.
CONFIGS = {"fr": "french", "en": "english"}


def config_for(language_code, default):
    return CONFIGS.get((language_code or "").split("-")[0], default)


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        by_config = defaultdict(list)
        for obj in objs:
            locale = getattr(obj, "locale", None)
            language = locale.language_code if locale else None
            by_config[config_for(language, self.backend.default_config)].append(obj)
        for config, group in by_config.items():
            with self.backend.indexing_in(config):
                super().add_items(model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return config_for(get_language(), backend.default_config)


class LanguageSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler
    _indexing = threading.local()

    def __init__(self, params):
        super().__init__(params)
        self.default_config = params.get("SEARCH_CONFIG") or "simple"

    # The indexer reads `config` as it starts: set for one language while indexing its pages.
    @property
    def config(self):
        return getattr(self._indexing, "config", None) or self.default_config

    @config.setter
    def config(self, value):
        self._indexing.config = value

    @contextmanager
    def indexing_in(self, config):
        self.config = config
        try:
            yield
        finally:
            self.config = None
