"""Wagtail's database search backend, with each language's stemming.

- PostgreSQL stems words with one text search configuration per backend, and our pages are
  French or English: each page is indexed with its own language's configuration, and a search
  runs in the visitor's, so that « bénévole » finds « bénévoles » and "volunteer" finds
  "volunteers".
- SQLite's full-text search does not stem: there every word of a search matches the words it
  begins, which finds plurals and most inflections.
- Other databases keep the backend Wagtail chooses.
"""

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend's module.
    """The backend modelsearch chooses for the database, with our language handling; each
    database's module is imported only on that database (they declare its models)."""
    backend = DatabaseSearchBackend(params)
    module = type(backend).__module__
    if module.endswith(".postgres.postgres"):
        from .postgres import LanguageSearchBackend

        return LanguageSearchBackend(params)
    if module.endswith(".sqlite.sqlite"):
        from .sqlite import PrefixSearchBackend

        return PrefixSearchBackend(params)
    return backend
