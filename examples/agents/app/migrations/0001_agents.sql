CREATE TABLE agents (
    id SERIAL PRIMARY KEY,
    name VARCHAR(80) NOT NULL UNIQUE,
    role VARCHAR(40) NOT NULL,
    score DOUBLE PRECISION NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO agents (name, role, score) VALUES
    ('planner', 'planner', 0.92),
    ('researcher', 'researcher', 0.81),
    ('reviewer', 'reviewer', 0.77);
