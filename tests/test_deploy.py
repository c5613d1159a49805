"""The deploy files agree with the code: every setting, and the commands they run."""

from __future__ import annotations

from pathlib import Path

from odr.settings import VARIABLES

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def test_env_example_names_every_setting_and_nothing_else() -> None:
    lines = (DEPLOY / "env.example").read_text("utf-8").splitlines()
    names = {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}
    assert names == set(VARIABLES)


def test_systemd_unit_runs_the_cli_with_the_env_file() -> None:
    unit = (DEPLOY / "odr.service").read_text("utf-8")
    assert "EnvironmentFile=/etc/odr/env" in unit
    assert "ExecStart=/opt/odr/.venv/bin/odr serve" in unit
