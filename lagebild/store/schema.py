"""Schema versions: each migration moves the database from version N-1 to N.

A new feature adds a migration at the end; existing ones never change, so old databases
upgrade in place (``PRAGMA user_version`` holds the version).
"""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, their analyses, entities, quotes, near-duplicate bands, full-text index
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        published TEXT,
        published_basis TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        authors TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]',
        flags TEXT NOT NULL DEFAULT '[]',
        origin TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL,
        copy_of TEXT REFERENCES articles(id),
        copy_similarity REAL,
        seq INTEGER NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_copy_of ON articles(copy_of);
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        data TEXT NOT NULL
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        speaker_text TEXT,
        speaker_name TEXT,
        speaker_entity TEXT,
        cue TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_entity);
    CREATE TABLE minhash (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        signature BLOB NOT NULL
    );
    CREATE TABLE lsh (
        band TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX lsh_band ON lsh(band);
    CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, body, tokenize='unicode61');
    """,
]
