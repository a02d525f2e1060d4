"""SQLite: its full-text search does not stem, so every word of a search matches the words it
begins."""

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText


class PrefixQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config)
        lexemes = None
        for term in query.query_string.split():
            lexeme = Lexeme(term, prefix=True)
            if lexemes is None:
                lexemes = lexeme
            elif query.operator.upper() == "AND":
                lexemes &= lexeme
            else:
                lexemes |= lexeme
        return None if lexemes is None else SearchQueryExpression(lexemes, config=config)


class PrefixSearchBackend(SQLiteSearchBackend):
    query_compiler_class = PrefixQueryCompiler
