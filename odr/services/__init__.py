"""Use cases. Each opens one transaction, calls the domain, stores the facts, then publishes.

Web handlers and CLI commands call these and nothing below them.
"""
