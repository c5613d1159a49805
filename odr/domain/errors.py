"""Errors the domain raises. Messages are English msgids; the web layer translates them."""

from __future__ import annotations

from collections.abc import Mapping


def N_(message: str) -> str:
    """Mark a string for translation without translating it (Babel extracts ``N_``)."""
    return message


class DomainError(Exception):
    """A rule of the domain was broken. ``code`` is stable; ``message`` is an English msgid."""

    code = "domain_error"

    def __init__(self, message: str, code: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params
        if code is not None:
            self.code = code


class InvalidTransition(DomainError):
    """The complaint's current state does not allow the requested action (HTTP 409)."""

    code = "invalid_transition"


class NotAllowed(DomainError):
    """The actor's role may not perform the action (HTTP 403)."""

    code = "forbidden"


class NotFound(DomainError):
    """The thing asked for does not exist, or is not visible to the actor (HTTP 404)."""

    code = "not_found"


class ValidationFailed(DomainError):
    """Input broke one or more rules; ``fields`` maps each field to an English msgid."""

    code = "validation_failed"

    def __init__(self, fields: Mapping[str, str], message: str | None = None) -> None:
        super().__init__(message or N_("Some fields need attention."))
        self.fields = dict(fields)
