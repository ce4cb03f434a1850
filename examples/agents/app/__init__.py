"""The agents service: an HTTP API, Celery tasks and the schema they share."""
