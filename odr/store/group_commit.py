"""Group commit: the writes of concurrent requests share one transaction.

SQLite has a single writer, and every statement through an async driver costs round trips to
its thread; PostgreSQL pays a commit per transaction. When many requests write the same kind of
rows at once (filing complaints), the first one in takes every write waiting at that moment and
stores them together: one BEGIN, one multi-row INSERT per table, one COMMIT. While that batch
runs, newcomers queue and leave together in the next one.

A batch that fails is retried job by job, each in its own transaction, so one bad write gets its
own error and never takes the others down with it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

Job = TypeVar("Job")
Result = TypeVar("Result")

Writer = Callable[[AsyncConnection, Sequence[Job]], Awaitable[Sequence[Result]]]
"""Stores a batch of jobs on a connection inside a transaction; one result per job, in order."""


@dataclass
class _Waiting(Generic[Job, Result]):
    job: Job
    done: asyncio.Future[Result]


@dataclass
class GroupCommit(Generic[Job, Result]):
    """Runs ``write`` over every job waiting at once, in one transaction of ``engine``."""

    engine: AsyncEngine
    write: Writer[Job, Result]
    max_batch: int = 64
    _queue: list[_Waiting[Job, Result]] = field(default_factory=list)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def submit(self, job: Job) -> Result:
        """Store ``job`` (with whatever else is waiting) and return its result."""
        waiting = _Waiting(job, asyncio.get_running_loop().create_future())
        self._queue.append(waiting)
        async with self._lock:
            if not waiting.done.done():
                await self._lead(waiting)
        return await waiting.done

    async def _lead(self, leader: _Waiting[Job, Result]) -> None:
        batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch :]
        try:
            await self._store(batch)
        finally:
            # Cancelled midway: the others wait on, and the next in line stores them.
            self._queue[:0] = [w for w in batch if w is not leader and not w.done.done()]

    async def _store(self, batch: list[_Waiting[Job, Result]]) -> None:
        try:
            results = await self._transaction([w.job for w in batch])
        except Exception as error:
            if len(batch) == 1:
                _fail(batch[0].done, error)
                return
            for waiting in batch:
                await self._store([waiting])
            return
        for waiting, result in zip(batch, results, strict=True):
            _resolve(waiting.done, result)

    async def _transaction(self, jobs: list[Job]) -> Sequence[Result]:
        async with self.engine.begin() as conn:
            return await self.write(conn, jobs)


def _resolve(done: asyncio.Future[Result], result: Result) -> None:
    if not done.done():  # its waiter may have gone
        done.set_result(result)


def _fail(done: asyncio.Future[Result], error: Exception) -> None:
    if not done.done():
        done.set_exception(error)
