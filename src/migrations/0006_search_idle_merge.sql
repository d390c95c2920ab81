-- Search-index merging moves out of saves into the idle maintenance step (db::maintain, which
-- the app runs when nobody is typing). With FTS5's default automerge an ordinary save now and
-- then merged large index segments: about 200 ms, measured on a year of a busy counter. With
-- automerge off and a bounded 'merge' step run when idle, every save of the benchmark stayed
-- under 1 ms. FTS5's crisis merge (16 segments on one level) still bounds the index if
-- maintenance never runs.
INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0);
