"""A small in-process limiter for login attempts: so many failures per key in a window."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from odr.domain.errors import N_, DomainError


class TooManyAttempts(DomainError):
    """Too many failed attempts; try again later (HTTP 429)."""

    code = "too_many_attempts"


class AttemptLimiter:
    """Refuses a key after ``attempts`` failures within ``window`` seconds."""

    def __init__(
        self, attempts: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.attempts = attempts
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        cutoff = self.clock() - self.window
        while failures and failures[0] <= cutoff:
            failures.popleft()
        if not failures:
            del self._failures[key]
            return deque()
        return failures

    def check(self, key: str) -> None:
        """Raise :class:`TooManyAttempts` if ``key`` is locked out."""
        if len(self._recent(key)) >= self.attempts:
            raise TooManyAttempts(N_("Too many failed attempts. Wait a few minutes."))

    def failed(self, key: str) -> None:
        """Count a failure for ``key``."""
        self._recent(key)
        self._failures.setdefault(key, deque()).append(self.clock())

    def succeeded(self, key: str) -> None:
        """Forget ``key``'s failures."""
        self._failures.pop(key, None)
