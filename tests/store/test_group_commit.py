"""Group commit: concurrent writes share a transaction; a bad one fails alone."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from odr.store.engine import create_engine
from odr.store.group_commit import GroupCommit

metadata = MetaData()
ITEM = Table(
    "item",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(20), unique=True, nullable=False),
)


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/batch.db")
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield engine
    await engine.dispose()


class Recorder:
    """Inserts names and remembers the size of every batch it was given."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    async def write(self, conn: AsyncConnection, names: Sequence[str]) -> list[int]:
        self.batches.append(len(names))
        query = insert(ITEM).returning(ITEM.c.id, sort_by_parameter_order=True)
        rows = await conn.execute(query, [{"name": n} for n in names])
        return list(rows.scalars().all())


async def stored(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as conn:
        return {name: i for i, name in await conn.execute(select(ITEM.c.id, ITEM.c.name))}


async def test_one_job_alone_is_one_batch(engine: AsyncEngine) -> None:
    recorder = Recorder()
    commit = GroupCommit(engine, recorder.write)
    new_id = await commit.submit("a")
    assert await stored(engine) == {"a": new_id}
    assert recorder.batches == [1]


async def test_concurrent_jobs_share_transactions_and_get_their_own_ids(
    engine: AsyncEngine,
) -> None:
    recorder = Recorder()
    commit = GroupCommit(engine, recorder.write)
    names = [f"n{i}" for i in range(40)]
    ids = await asyncio.gather(*(commit.submit(n) for n in names))
    assert await stored(engine) == dict(zip(names, ids, strict=True))
    assert sum(recorder.batches) == 40
    assert len(recorder.batches) < 40
    assert max(recorder.batches) > 1


async def test_batches_are_capped(engine: AsyncEngine) -> None:
    recorder = Recorder()
    commit = GroupCommit(engine, recorder.write, max_batch=5)
    await asyncio.gather(*(commit.submit(f"n{i}") for i in range(23)))
    assert max(recorder.batches) <= 5
    assert len(await stored(engine)) == 23


async def test_a_failing_job_fails_alone(engine: AsyncEngine) -> None:
    recorder = Recorder()
    commit = GroupCommit(engine, recorder.write)
    await commit.submit("taken")
    names = ["x", "taken", "y", "z"]
    results = await asyncio.gather(*(commit.submit(n) for n in names), return_exceptions=True)
    assert isinstance(results[1], IntegrityError)
    assert all(isinstance(r, int) for i, r in enumerate(results) if i != 1)
    assert set(await stored(engine)) == {"taken", "x", "y", "z"}


async def test_the_others_are_stored_when_the_leader_is_cancelled(engine: AsyncEngine) -> None:
    """The leader's batch holds the followers; cancelling it midway leaves them queued."""
    gates = {"blocker": asyncio.Event(), "leader": asyncio.Event()}
    entered = {"blocker": asyncio.Event(), "leader": asyncio.Event()}
    recorder = Recorder()

    async def gated(conn: AsyncConnection, names: Sequence[str]) -> list[int]:
        for name in set(names) & set(gates):
            entered[name].set()
            await gates[name].wait()
        return await recorder.write(conn, names)

    commit = GroupCommit(engine, gated)
    blocker = asyncio.create_task(commit.submit("blocker"))
    await entered["blocker"].wait()
    leader = asyncio.create_task(commit.submit("leader"))
    followers = [asyncio.create_task(commit.submit(f"f{i}")) for i in range(3)]
    await asyncio.sleep(0)
    gates["blocker"].set()
    await entered["leader"].wait()
    leader.cancel()
    ids = await asyncio.gather(blocker, *followers)
    assert len(set(ids)) == 4
    assert set(await stored(engine)) == {"blocker", "f0", "f1", "f2"}
    assert recorder.batches == [1, 3]
