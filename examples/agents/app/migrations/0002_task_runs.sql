CREATE TABLE task_runs (
    id SERIAL PRIMARY KEY,
    task VARCHAR(80) NOT NULL,
    detail VARCHAR(200) NOT NULL,
    ran_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX task_runs_ran_at ON task_runs (ran_at);
