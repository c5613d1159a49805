"""Persistence: SQLModel tables, the async engine and sessions. Query helpers never commit."""
