"""Database layer: models, engine set-up, queries and in-package migrations."""
