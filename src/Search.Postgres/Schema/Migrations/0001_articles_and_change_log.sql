-- The articles, one row per id: the system of record every search node loads when it starts empty.
-- version is the change_log position of the write that stored this row.
-- json, not jsonb: kept as written (cheaper to store and to stream back), and it accepts the \u0000 escape.
CREATE TABLE articles (
    id         text PRIMARY KEY,
    version    bigint NOT NULL,
    doc        json NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every write, in the one order every node applies them in. A row names the article; its content is read from
-- articles, so the log stays small however large the articles are.
CREATE TABLE change_log (
    seq        bigint PRIMARY KEY,
    article_id text NOT NULL,
    deleted    boolean NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);

-- The last position given out. Every writing transaction updates this one row, which makes positions follow commit
-- order (see Search.Postgres.Changes.ChangeWriter).
CREATE TABLE change_counter (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_seq  bigint NOT NULL
);

INSERT INTO change_counter (last_seq) VALUES (0);
