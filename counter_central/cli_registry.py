"""``counter-central registry load``: bring a hall's registry of persons or employers in.

Run by the administrator on the centre's host with the service's own configuration: the
database and its password come from the TOML file and the secret stores exactly as for the
service (``cli_support.engine_of``). The rows are checked and loaded by ``registry_load``;
this module prints each problem and the counts, and writes the problems to ``--report`` as
CSV. Exit code 0 when every row was valid, 1 when some were not (the valid ones are still
loaded unless ``--all-or-nothing``), 2 when the file or the configuration is unusable.
"""

from __future__ import annotations

import argparse
import csv
import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TextIO

from counter_central.cli_support import EXIT_FAIL, EXIT_OK, CliError, engine_of, settings_of

REPORT_HEADINGS = ("row", "column", "key", "code", "reason")


def batch_size(text: str) -> int:
    """``--batch``: a whole number of rows, at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("a batch holds at least one row")
    return value


@contextmanager
def _report_file(path: str | None) -> Iterator[TextIO | None]:
    if path is None:
        yield None
        return
    with ExitStack() as stack:
        try:
            # With its byte-order mark, so that Excel opens the Chinese text as UTF-8.
            stream = stack.enter_context(Path(path).open("w", encoding="utf-8-sig", newline=""))
        except OSError as exc:
            raise CliError(
                f"{path}: the report cannot be written ({exc.strerror or exc})"
            ) from None
        yield stream


def _log_to_stderr(level: str) -> None:
    """The service's log format on standard error, unless logging is already set up."""
    if not logging.getLogger().handlers:
        from counter_central.cli import configure_logging

        configure_logging(level)


def cmd_registry_load(args: argparse.Namespace) -> int:
    from counter_central.database import check_schema_current
    from counter_central.registry_load import Problem, RegistryFileError, load_registry

    settings = settings_of(args)
    _log_to_stderr(settings.log_level)
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: {'not a file' if path.exists() else 'no such file'}")
    with _report_file(args.report) as report:
        writer = csv.writer(report) if report is not None else None
        if writer is not None:
            writer.writerow(REPORT_HEADINGS)

        def on_problem(problem: Problem) -> None:
            key = f" ({problem.key})" if problem.key else ""
            print(f"row {problem.row}, {problem.column}{key}: {problem.reason}")
            if writer is not None:
                writer.writerow(
                    (problem.row, problem.column, problem.key, problem.code, problem.reason)
                )

        engine = None if args.dry_run else engine_of(settings)
        try:
            if engine is not None:
                check_schema_current(engine)
            summary = load_registry(
                path,
                args.kind,
                engine,
                on_problem=on_problem,
                batch=args.batch,
                all_or_nothing=args.all_or_nothing,
            )
        except RegistryFileError as exc:
            raise CliError(str(exc)) from None
        finally:
            if engine is not None:
                engine.dispose()
    counts = summary.counts
    print(
        f"{args.kind} from {path.name} ({summary.source}): read {summary.read}, "
        f"bad {summary.bad}, inserted {counts.inserted}, updated {counts.updated}, "
        f"unchanged {counts.unchanged}"
    )
    if args.dry_run:
        print(f"dry run: {summary.valid} valid rows checked, nothing written")
    elif not summary.loaded:
        print("nothing loaded: --all-or-nothing and some rows are bad")
    if args.report:
        print(f"problems written to {args.report}")
    return EXIT_FAIL if summary.bad else EXIT_OK
