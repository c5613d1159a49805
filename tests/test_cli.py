"""The ``odr`` command line, run through click's test runner on a SQLite file."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from odr.cli import main
from odr.domain.access import Actor
from odr.domain.states import Role
from odr.services import filing
from odr.services.context import build_services
from odr.services.demo import DEMO_PASSWORD
from odr.settings import load_settings
from tests.factories import draft, make_world

# Monday 2026-11-16, 10:00 in Shanghai: the enterprise's 10 working days end on Mon 2026-11-30
NOW = datetime(2026, 11, 16, 2, 0, tzinfo=UTC)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "odr.db"


@pytest.fixture
def odr(db_file: Path) -> CliRunnerCall:
    return CliRunnerCall(f"sqlite+aiosqlite:///{db_file}")


class CliRunnerCall:
    """Runs ``odr ARGS`` against one database."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.runner = CliRunner()

    def __call__(self, *args: str, **env: str) -> Result:
        return self.runner.invoke(main, list(args), env={"ODR_DATABASE_URL": self.url, **env})


def rows(db_file: Path, query: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_file) as conn:
        return conn.execute(query).fetchall()


def count(db_file: Path, table: str) -> int:
    return int(rows(db_file, f'SELECT count(*) FROM "{table}"')[0][0])


def test_db_upgrade_creates_the_tables(odr: CliRunnerCall, db_file: Path) -> None:
    result = odr("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert "0001" in result.stdout
    tables = {r[0] for r in rows(db_file, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"user", "merchant", "station", "complaint", "alembic_version"} <= tables
    assert odr("db", "upgrade").exit_code == 0


def test_demo_loads_once(odr: CliRunnerCall, db_file: Path) -> None:
    first = odr("demo")
    assert first.exit_code == 0, first.output
    assert "zhangsan" in first.stdout and DEMO_PASSWORD in first.stdout
    users = count(db_file, "user")
    assert users >= 8 and count(db_file, "complaint") >= 9
    second = odr("demo")
    assert second.exit_code == 0
    assert "already" in second.stdout
    assert count(db_file, "user") == users


@pytest.fixture
def migrated(odr: CliRunnerCall) -> CliRunnerCall:
    assert odr("db", "upgrade").exit_code == 0
    return odr


def test_station_merchant_and_user_add(migrated: CliRunnerCall, db_file: Path) -> None:
    odr = migrated
    result = odr(
        "station", "add", "--name", "西湖区市场监管所", "--region", "西湖区", "--region", "拱墅区"
    )
    assert result.exit_code == 0, result.output
    assert "西湖区市场监管所" in result.stdout
    result = odr(
        "merchant", "add", "--name", "杭州好物电器有限公司", "--address", "杭州市西湖区文三路1号",
        "--region", "西湖区", "--industry", "家用电器", "--credit-code", "91330106MA2B3C4D5D",
        "--odr", "--onboarded", "2026-01-05",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert rows(db_file, "SELECT credit_code, is_odr, onboarded_on FROM merchant") == [
        ("91330106MA2B3C4D5D", 1, "2026-01-05")
    ]
    result = odr(
        "user", "add", "shop_staff", "--role", "enterprise", "--password", "correct-horse-9",
        "--merchant", "1", "--name", "王店长", "--phone", "13800138000",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    result = odr("user", "add", "mod", "--role", "moderator", "--password", "pw-12345678",
                 "--station", "1")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert rows(db_file, "SELECT username, role, merchant_id, station_id FROM user") == [
        ("shop_staff", "enterprise", 1, None),
        ("mod", "moderator", None, 1),
    ]


def test_bad_role_fails_clearly(migrated: CliRunnerCall, db_file: Path) -> None:
    result = migrated("user", "add", "bob", "--role", "admin", "--password", "long-enough")
    assert result.exit_code == 2
    assert "--role" in result.stderr
    assert count(db_file, "user") == 0


def test_bad_user_fields_fail_clearly(migrated: CliRunnerCall, db_file: Path) -> None:
    result = migrated("user", "add", "bob", "--role", "enterprise", "--password", "short")
    assert result.exit_code == 2
    assert "password" in result.stderr and "Traceback" not in result.output
    result = migrated("user", "add", "bob", "--role", "enterprise", "--password", "long-enough")
    assert result.exit_code == 2
    assert "merchant_id" in result.stderr
    assert count(db_file, "user") == 0


def test_bad_credit_code_fails_clearly(migrated: CliRunnerCall, db_file: Path) -> None:
    result = migrated(
        "merchant", "add", "--name", "某店", "--address", "某路1号", "--region", "西湖区",
        "--industry", "餐饮", "--credit-code", "91330106MA2B3C4D5X",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "credit_code" in result.stderr
    assert "unified social credit code" in result.stderr
    assert count(db_file, "merchant") == 0


def test_overlapping_station_fails_clearly(migrated: CliRunnerCall, db_file: Path) -> None:
    assert migrated("station", "add", "--name", "甲所", "--region", "西湖区").exit_code == 0
    result = migrated("station", "add", "--name", "乙所", "--region", "西湖区")
    assert result.exit_code == 2
    assert "region" in result.stderr
    assert count(db_file, "station") == 1


def test_bad_settings_fail_clearly(odr: CliRunnerCall) -> None:
    result = odr("db", "upgrade", ODR_ENV="bogus")
    assert result.exit_code == 2
    assert "ODR_ENV" in result.stderr and "Traceback" not in result.output


def test_missing_schema_says_to_upgrade(odr: CliRunnerCall) -> None:
    result = odr("user", "add", "bob", "--role", "consumer", "--password", "long-enough")
    assert result.exit_code == 1
    assert "odr db upgrade" in result.stderr


async def _file_green_complaint(url: str) -> int:
    svc = build_services(load_settings(environ={}, database_url=url))
    svc.clock = lambda: NOW
    try:
        world = await make_world(svc)
        detail = await filing.file_complaint(
            svc,
            Actor(world.consumer_id, Role.CONSUMER),
            draft(),
            merchant_id=world.odr_merchant_id,
            green_channel=True,
        )
        return detail.id
    finally:
        await svc.close()


def state_of(db_file: Path, complaint_id: int) -> str:
    return str(rows(db_file, f"SELECT state FROM complaint WHERE id = {complaint_id}")[0][0])


def test_sweep_moves_an_expired_enterprise_complaint(
    migrated: CliRunnerCall, db_file: Path
) -> None:
    complaint_id = asyncio.run(_file_green_complaint(migrated.url))
    # a naive time is Shanghai time: 23:59 on the due day is still in time
    result = migrated("deadlines", "sweep", "--now", "2026-11-30T23:59")
    assert result.exit_code == 0, result.output
    assert "checked: 0, expired: 0" in result.stdout
    assert state_of(db_file, complaint_id) == "with_enterprise"
    result = migrated("deadlines", "sweep", "--now", "2026-12-01T00:00")
    assert result.exit_code == 0, result.output
    assert "checked: 1, expired: 1" in result.stdout
    assert state_of(db_file, complaint_id) == "pending_review"


def test_sweep_reads_an_offset(migrated: CliRunnerCall, db_file: Path) -> None:
    complaint_id = asyncio.run(_file_green_complaint(migrated.url))
    result = migrated("deadlines", "sweep", "--now", "2026-11-30T16:00:00+00:00")
    assert result.exit_code == 0, result.output
    assert state_of(db_file, complaint_id) == "pending_review"


def test_sweep_refuses_a_bad_time(migrated: CliRunnerCall) -> None:
    result = migrated("deadlines", "sweep", "--now", "next tuesday")
    assert result.exit_code == 2
    assert "--now" in result.stderr and "ISO" in result.stderr
