"""What every ``counter-central`` subcommand shares: exit codes, one-line errors, settings."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counter_central.settings import Settings, load_settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A failure to report as one line (exit code 2 unless ``code`` says otherwise)."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def settings_of(args: argparse.Namespace) -> Settings:
    return load_settings(Path(args.config))


def engine_of(settings: Settings) -> Engine:
    from counter_central.database import open_engine

    return open_engine(settings)


def secret_from_stdin(args: argparse.Namespace, prompt: str) -> str:
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(prompt)


def utc_text(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"
