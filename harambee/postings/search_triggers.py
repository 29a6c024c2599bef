"""Shared by migrations: SQLite drops a table's triggers when a migration rebuilds the table
(adding a constraint, altering a column), so a migration that rebuilds ``postings_posting`` must
recreate the triggers that keep the full-text index in step, then rebuild the index."""

TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS postings_posting_fts_ai AFTER INSERT ON postings_posting BEGIN "
    "INSERT INTO postings_posting_fts(rowid, search_document) VALUES (new.id, new.search_document); END",
    "CREATE TRIGGER IF NOT EXISTS postings_posting_fts_ad AFTER DELETE ON postings_posting BEGIN "
    "INSERT INTO postings_posting_fts(postings_posting_fts, rowid, search_document) "
    "VALUES ('delete', old.id, old.search_document); END",
    "CREATE TRIGGER IF NOT EXISTS postings_posting_fts_au AFTER UPDATE OF search_document ON postings_posting BEGIN "
    "INSERT INTO postings_posting_fts(postings_posting_fts, rowid, search_document) "
    "VALUES ('delete', old.id, old.search_document); "
    "INSERT INTO postings_posting_fts(rowid, search_document) VALUES (new.id, new.search_document); END",
]


def recreate_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return  # PostgreSQL keeps its expression index through ALTER TABLE
    for statement in TRIGGERS:
        schema_editor.execute(statement)
    schema_editor.execute("INSERT INTO postings_posting_fts(postings_posting_fts) VALUES ('rebuild')")
