"""The store's SQLite schema, as an ordered list of migrations.

A store records the migrations applied to it in ``schema_version``; opening a store applies
the missing ones in one transaction. Never edit a released migration: append a new one, so
a store written by any earlier wiretag can be brought up to date.
"""

from __future__ import annotations

#: marks a SQLite file as a wiretag store (``PRAGMA application_id``): "WTAG" as an int
APPLICATION_ID = 0x57544147

MIGRATIONS: list[str] = [
    # 1: stories, entities linked across stories, mentions, quotes, events, credits, tags,
    #    and FTS5 indexes over story text and quote text.
    """
    CREATE TABLE stories (
        rowid       INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        source_hash TEXT,
        headline    TEXT,
        text        TEXT NOT NULL,
        agency      TEXT,
        url         TEXT,
        published   TEXT,
        date        TEXT,
        place       TEXT,
        input_path  TEXT,
        input_line  INTEGER,
        input_id    TEXT,
        words       INTEGER NOT NULL,
        n_entities  INTEGER NOT NULL,
        n_quotes    INTEGER NOT NULL,
        n_events    INTEGER NOT NULL,
        document    TEXT NOT NULL,
        ingested    TEXT NOT NULL
    );
    CREATE INDEX stories_source_hash ON stories(source_hash);
    CREATE INDEX stories_date ON stories(date, rowid);

    CREATE TABLE entities (
        rowid      INTEGER PRIMARY KEY,
        id         TEXT NOT NULL UNIQUE,
        key        TEXT NOT NULL UNIQUE,
        type       TEXT NOT NULL,
        name       TEXT NOT NULL,
        country    TEXT,
        stories    INTEGER NOT NULL DEFAULT 0,
        mentions   INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT,
        last_seen  TEXT
    );
    CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
    CREATE INDEX entities_country ON entities(country);

    CREATE TABLE story_entities (
        story    INTEGER NOT NULL REFERENCES stories(rowid),
        local_id TEXT NOT NULL,
        entity   INTEGER NOT NULL REFERENCES entities(rowid),
        name     TEXT NOT NULL,
        titles   TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (story, local_id)
    );
    CREATE INDEX story_entities_entity ON story_entities(entity, story);

    CREATE TABLE mentions (
        story  INTEGER NOT NULL REFERENCES stories(rowid),
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        start  INTEGER NOT NULL,
        "end"  INTEGER NOT NULL,
        text   TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity, story);

    CREATE TABLE quotes (
        rowid          INTEGER PRIMARY KEY,
        story          INTEGER NOT NULL REFERENCES stories(rowid),
        local_id       TEXT NOT NULL,
        kind           TEXT NOT NULL,
        text           TEXT NOT NULL,
        start          INTEGER NOT NULL,
        "end"          INTEGER NOT NULL,
        speaker_text   TEXT,
        speaker_entity INTEGER REFERENCES entities(rowid),
        cue            TEXT,
        date           TEXT
    );
    CREATE INDEX quotes_story ON quotes(story);
    CREATE INDEX quotes_speaker ON quotes(speaker_entity);

    -- entities mentioned inside a quote other than its speaker: what the quote is about
    CREATE TABLE quote_about (
        quote  INTEGER NOT NULL REFERENCES quotes(rowid),
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        PRIMARY KEY (quote, entity)
    );
    CREATE INDEX quote_about_entity ON quote_about(entity);

    CREATE TABLE events (
        rowid          INTEGER PRIMARY KEY,
        story          INTEGER NOT NULL REFERENCES stories(rowid),
        local_id       TEXT NOT NULL,
        type           TEXT,
        mode           TEXT,
        cameo          TEXT,
        modality       TEXT NOT NULL,
        negated        INTEGER NOT NULL,
        trigger        TEXT NOT NULL,
        start          INTEGER NOT NULL,
        "end"          INTEGER NOT NULL,
        sentence       INTEGER NOT NULL,
        source_text    TEXT,
        source_entity  INTEGER REFERENCES entities(rowid),
        source_actor   TEXT,
        target_text    TEXT,
        target_entity  INTEGER REFERENCES entities(rowid),
        target_actor   TEXT,
        date           TEXT,
        quote          TEXT
    );
    CREATE INDEX events_story ON events(story);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_source ON events(source_entity);
    CREATE INDEX events_target ON events(target_entity);

    CREATE TABLE credits (
        story INTEGER NOT NULL REFERENCES stories(rowid),
        role  TEXT NOT NULL,
        name  TEXT NOT NULL
    );
    CREATE INDEX credits_story ON credits(story);

    CREATE TABLE tags (
        story INTEGER NOT NULL REFERENCES stories(rowid),
        tag   TEXT NOT NULL
    );
    CREATE INDEX tags_tag ON tags(tag);

    CREATE VIRTUAL TABLE story_fts USING fts5(
        headline, text, content='stories', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE quote_fts USING fts5(
        text, content='quotes', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    """,
    # 2: near-duplicate signatures and their LSH bands, story clusters, the country each
    #    story gave an entity, and the keys of entities merged into another (aliases).
    """
    ALTER TABLE stories ADD COLUMN dup_key TEXT;
    ALTER TABLE stories ADD COLUMN duplicate_of INTEGER REFERENCES stories(rowid);
    ALTER TABLE stories ADD COLUMN dup_similarity REAL;
    ALTER TABLE stories ADD COLUMN cluster INTEGER REFERENCES clusters(rowid);
    CREATE INDEX stories_duplicate_of ON stories(duplicate_of);
    CREATE INDEX stories_cluster ON stories(cluster, date);

    -- one row per (LSH band hash, story): stories sharing a band are near-duplicate
    -- candidates, checked against their signatures
    CREATE TABLE story_bands (
        band  TEXT NOT NULL,
        story INTEGER NOT NULL REFERENCES stories(rowid),
        PRIMARY KEY (band, story)
    ) WITHOUT ROWID;

    CREATE TABLE clusters (
        rowid      INTEGER PRIMARY KEY,
        id         TEXT NOT NULL UNIQUE,
        headline   TEXT,
        first_date TEXT,
        last_date  TEXT,
        size       INTEGER NOT NULL,
        sources    INTEGER NOT NULL,
        -- the set of stories clustered together to make it: "window" or "block:<n>"
        unit       TEXT NOT NULL
    );
    CREATE INDEX clusters_last ON clusters(last_date, size);

    ALTER TABLE story_entities ADD COLUMN country TEXT;
    -- lookup forms for linking name variants: the name folded (case, accents, dots,
    -- hyphens) and, for a person's full name, the surname
    ALTER TABLE entities ADD COLUMN fold TEXT;
    ALTER TABLE entities ADD COLUMN surname TEXT;
    CREATE INDEX entities_fold ON entities(type, fold);
    CREATE INDEX entities_surname ON entities(type, surname);

    -- an entity merged into another (a surname-only "Moe" into "Kristian Moe"): its key
    -- and public id keep leading to the entity it became
    CREATE TABLE entity_aliases (
        key    TEXT PRIMARY KEY,
        id     TEXT NOT NULL UNIQUE,
        entity INTEGER NOT NULL REFERENCES entities(rowid)
    );
    CREATE INDEX entity_aliases_entity ON entity_aliases(entity);
    """,
]

LATEST = len(MIGRATIONS)
