"""The store: articles and their situations in an embedded SQLite database, keyed by content hash
(`database`), and situations kept fresh against the current reader and gazetteer (`situations`).
"""
