"""Complaints filed per second through ``POST /api/v1/complaints``, against a bare baseline.

Both servers run as one uvicorn worker on a fresh SQLite file, one after the other, and take
the same load from this process:

1. throughput: ``--concurrency`` clients file back to back for ``--seconds``;
2. latency: an open loop at ``--rate`` requests per second for ``--seconds``, p50/p99.

Usage: ``.venv/bin/python bench/intake.py [--seconds 10] [--concurrency 16] [--rate 200]``
Targets (issue 2): odr at least 60 % of the baseline's rate; p99 under 50 ms at 200 req/s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BODY = {
    "category": "household_appliances",
    "facts": "购买的电饭煲使用三天后无法加热，商家拒绝退货。",
    "request": "退货并退款399元",
    "amount_fen": 39_900,
    "known_on": date.today().isoformat(),
    "green_channel": False,
}


@dataclass(frozen=True)
class Figures:
    """What one server did under load."""

    rate: float
    p50_ms: float
    p99_ms: float
    errors: int


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(app: str, env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "uvicorn", "--factory", app, "--port", str(port),
        "--log-level", "warning", "--no-access-log", "--ws-per-message-deflate", "false",
    ]  # fmt: skip
    return subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT)


async def _wait_ready(url: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(200):
            try:
                await client.get(url)
                return
            except httpx.TransportError:
                await asyncio.sleep(0.05)
    raise RuntimeError(f"{url} did not come up")


async def _seed(database_url: str) -> int:
    """Schema, a station, a merchant and a consumer; returns the merchant id."""
    from odr.services.accounts import add_user
    from odr.services.context import build_services
    from odr.services.merchants import MerchantInput, add_merchant, add_station
    from odr.settings import load_settings
    from odr.store.engine import create_schema

    svc = build_services(load_settings({}, database_url=database_url))
    await create_schema(svc.engine)
    await add_station(svc, "西湖区市场监管所", ["西湖区"])
    merchant = await add_merchant(
        svc, MerchantInput("杭州好物电器有限公司", "杭州市西湖区文三路1号", "西湖区", "家用电器")
    )
    await add_user(svc, "bench", "bench-password", "consumer", name="张三",
                   phone="13800138000", address="杭州市西湖区")  # fmt: skip
    await svc.close()
    return merchant.id


async def _throughput(post: Callable[[], Awaitable[int]], seconds: float, clients: int) -> float:
    done = 0
    stop = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done
        while time.perf_counter() < stop:
            await post()
            done += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return done / (time.perf_counter() - started)


async def _latency(
    post: Callable[[], Awaitable[int]], seconds: float, rate: float
) -> tuple[list[float], int]:
    timings: list[float] = []
    errors = 0

    async def one() -> None:
        nonlocal errors
        started = time.perf_counter()
        status = await post()
        timings.append((time.perf_counter() - started) * 1000)
        errors += status != 201

    tasks = []
    begin = time.perf_counter()
    for n in range(int(seconds * rate)):
        await asyncio.sleep(max(0.0, begin + n / rate - time.perf_counter()))
        tasks.append(asyncio.create_task(one()))
    await asyncio.gather(*tasks)
    return timings, errors


async def measure(app: str, path: str, args: argparse.Namespace, auth: bool) -> Figures:
    """Serve ``app`` on a fresh database and put it under both loads."""
    with tempfile.TemporaryDirectory() as folder:
        database_url = f"sqlite+aiosqlite:///{folder}/bench.db"
        merchant_id = await _seed(database_url)
        port = _free_port()
        env = {"ODR_DATABASE_URL": database_url, "ODR_ENV": "development"}
        server = _serve(app, env, port)
        base = f"http://127.0.0.1:{port}"
        try:
            await _wait_ready(base + "/")
            limits = httpx.Limits(max_connections=max(args.concurrency, 64))
            async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
                headers = await _headers(client) if auth else {}
                body = {**BODY, "merchant_id": merchant_id}

                async def post() -> int:
                    answer = await client.post(path, json=body, headers=headers)
                    return answer.status_code

                assert await post() == 201, "the endpoint refused a valid complaint"
                rate = await _throughput(post, args.seconds, args.concurrency)
                timings, errors = await _latency(post, args.seconds, args.rate)
        finally:
            server.terminate()
            server.wait()
    quantiles = statistics.quantiles(timings, n=100)
    return Figures(rate, statistics.median(timings), quantiles[98], errors)


async def _headers(client: httpx.AsyncClient) -> dict[str, str]:
    answer = await client.post(
        "/api/v1/tokens", json={"username": "bench", "password": "bench-password"}
    )
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def _print(name: str, figures: Figures) -> None:
    print(
        f"{name:<9} {figures.rate:8.1f} req/s   p50 {figures.p50_ms:6.1f} ms   "
        f"p99 {figures.p99_ms:6.1f} ms   errors {figures.errors}"
    )


async def main() -> None:
    """Measure the baseline, then odr, and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rate", type=float, default=200.0)
    args = parser.parse_args()
    baseline = await measure("bench.baseline:create_baseline", "/complaints", args, auth=False)
    odr = await measure("odr.web.app:create_app", "/api/v1/complaints", args, auth=True)
    print(f"intake benchmark: {args.seconds:.0f} s per phase, {args.concurrency} clients, "
          f"latency at {args.rate:.0f} req/s")  # fmt: skip
    _print("baseline", baseline)
    _print("odr", odr)
    share = odr.rate / baseline.rate * 100
    print(f"odr/baseline {share:.0f} % (target >= 60 %), odr p99 {odr.p99_ms:.1f} ms (target < 50)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    asyncio.run(main())
