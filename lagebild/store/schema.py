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
    # 2: linking (lagebild.link): stories, events, their candidate index, timeline happenings,
    # who-did-what records with mentions, claims with statements
    """
    CREATE TABLE link_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE link_df (feature TEXT PRIMARY KEY, df INTEGER NOT NULL);
    CREATE TABLE link_articles (
        article_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        day INTEGER,
        date TEXT,
        title TEXT NOT NULL DEFAULT '',
        vector TEXT NOT NULL,
        score REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX link_articles_event ON link_articles(event_id);
    CREATE INDEX link_articles_story ON link_articles(story_id);
    CREATE TABLE link_events (
        id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        first_day INTEGER,
        last_day INTEGER,
        n INTEGER NOT NULL,
        centroid TEXT NOT NULL,
        norm REAL NOT NULL
    );
    CREATE INDEX link_events_story ON link_events(story_id, first_day);
    CREATE TABLE link_stories (
        id TEXT PRIMARY KEY,
        first_day INTEGER,
        last_day INTEGER,
        n INTEGER NOT NULL
    );
    CREATE TABLE link_postings (
        feature TEXT NOT NULL,
        event_id TEXT NOT NULL,
        day INTEGER NOT NULL,
        PRIMARY KEY (feature, event_id)
    ) WITHOUT ROWID;
    CREATE INDEX link_postings_day ON link_postings(feature, day);
    CREATE INDEX link_postings_event ON link_postings(event_id);
    CREATE TABLE link_happenings (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        sent_start INTEGER NOT NULL,
        sent_end INTEGER NOT NULL,
        date TEXT NOT NULL,
        date_text TEXT NOT NULL,
        trigger TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        type TEXT NOT NULL DEFAULT '',
        participants TEXT NOT NULL DEFAULT '[]',
        place TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL
    );
    CREATE INDEX link_happenings_article ON link_happenings(article_id);
    CREATE TABLE link_wdw (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        mode TEXT NOT NULL DEFAULT '',
        quad TEXT NOT NULL DEFAULT '',
        date TEXT,
        source_actor TEXT NOT NULL DEFAULT '',
        source_raw TEXT NOT NULL DEFAULT '',
        source_country TEXT NOT NULL DEFAULT '',
        target_actor TEXT NOT NULL DEFAULT '',
        target_raw TEXT NOT NULL DEFAULT '',
        target_country TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        trigger TEXT NOT NULL DEFAULT '',
        contexts TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE link_wdw_mentions (
        wdw_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        sent_start INTEGER NOT NULL,
        sent_end INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (wdw_id, article_id, start)
    );
    CREATE INDEX link_wdw_mentions_article ON link_wdw_mentions(article_id);
    CREATE TABLE link_claims (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        terms TEXT NOT NULL,
        n INTEGER NOT NULL
    );
    CREATE TABLE link_claim_postings (
        term TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        PRIMARY KEY (term, claim_id)
    ) WITHOUT ROWID;
    CREATE INDEX link_claim_postings_claim ON link_claim_postings(claim_id);
    CREATE TABLE link_statements (
        id INTEGER PRIMARY KEY,
        claim_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        date TEXT,
        stance TEXT NOT NULL,
        basis TEXT NOT NULL,
        speaker_text TEXT NOT NULL DEFAULT '',
        speaker_name TEXT,
        speaker_entity TEXT,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        terms TEXT NOT NULL,
        figures TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX link_statements_claim ON link_statements(claim_id);
    CREATE INDEX link_statements_article ON link_statements(article_id);
    """,
    # 3: ingest order is looked up by seq on every insert: index it (unique)
    """
    CREATE UNIQUE INDEX articles_seq ON articles(seq);
    """,
]
