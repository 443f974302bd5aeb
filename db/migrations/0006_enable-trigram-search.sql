-- Substring search over people's names (the compliance queue's subject search) uses a
-- trigram index. pg_trgm ships with PostgreSQL's contrib modules (and with the embedded
-- server) and is a trusted extension, so a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
