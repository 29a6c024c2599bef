"""Full-text index over Posting.search_document, which holds tokens already normalised in Python
(accents folded, Arabic normalised, Chinese in bigrams: harambee.postings.text).

SQLite: an external-content FTS5 table kept in step by triggers.
PostgreSQL: a GIN index on to_tsvector('simple', search_document).
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE postings_posting_fts USING fts5("
    "search_document, content='postings_posting', content_rowid='id', detail='none', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER postings_posting_fts_ai AFTER INSERT ON postings_posting BEGIN "
    "INSERT INTO postings_posting_fts(rowid, search_document) VALUES (new.id, new.search_document); END",
    "CREATE TRIGGER postings_posting_fts_ad AFTER DELETE ON postings_posting BEGIN "
    "INSERT INTO postings_posting_fts(postings_posting_fts, rowid, search_document) "
    "VALUES ('delete', old.id, old.search_document); END",
    "CREATE TRIGGER postings_posting_fts_au AFTER UPDATE OF search_document ON postings_posting BEGIN "
    "INSERT INTO postings_posting_fts(postings_posting_fts, rowid, search_document) "
    "VALUES ('delete', old.id, old.search_document); "
    "INSERT INTO postings_posting_fts(rowid, search_document) VALUES (new.id, new.search_document); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS postings_posting_fts_au",
    "DROP TRIGGER IF EXISTS postings_posting_fts_ad",
    "DROP TRIGGER IF EXISTS postings_posting_fts_ai",
    "DROP TABLE IF EXISTS postings_posting_fts",
]
POSTGRES_CREATE = [
    "CREATE INDEX posting_search_gin ON postings_posting USING gin (to_tsvector('simple', search_document))"
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS posting_search_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("postings", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
