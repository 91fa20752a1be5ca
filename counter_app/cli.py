"""``counter-admin``: administration and operations from the command line.

init, migrate, seed-demo, demo customers, holidays check/install/status, sync, audit verify,
verify (certificate codes), queue close-day, user add, secret set-central-password and config
show. Every failure is one clear line on stderr and a non-zero exit code; no traceback reaches
the operator.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import make_url

from counter_app.config import ConfigError, load_config
from counter_app.domain.roles import Role
from counter_app.keyring_store import SecretStoreUnavailable, set_central_password

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_OFFLINE = 0, 1, 2, 3


def _workstation(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from counter_app.client.workstation import Workstation

    config = load_config()
    if getattr(args, "central_url", None):
        config.central_url = args.central_url
        config.central_auth = "none" if args.no_password else config.central_auth
    return Workstation(config)


def cmd_init(args: argparse.Namespace) -> int:
    from counter_app.client.startup import prepare

    ws = _workstation(args)
    report = prepare(ws)
    print(f"configuration: {ws.config.path}")
    print(f"central database: {make_url(ws.config.central_url).render_as_string(True)}")
    if not report.sync.online:
        print(f"central database unreachable: {report.sync.error}", file=sys.stderr)
        return EXIT_OFFLINE
    if report.seeded:
        print_logins(report.seeded.logins)
    print(f"users known on this workstation: {report.known_users}")
    return EXIT_OK


def print_logins(logins: Sequence[object]) -> None:
    print("Demo logins (user / password / role):")
    for login in logins:
        print(f"  {login.username:<12} {login.password:<18} {login.role}")  # type: ignore[attr-defined]


def cmd_migrate(args: argparse.Namespace) -> int:
    ws = _workstation(args)
    ws.central()  # connecting migrates the central schema
    print("local cache and central database are at the newest schema")
    return EXIT_OK


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from counter_app.centre.bootstrap import hall_count
    from counter_app.centre.demo_seed import seed_demo

    ws = _workstation(args)
    central = ws.central()
    if hall_count(central) and not args.force:
        print(
            "the central database already has data; use --force to add demo data", file=sys.stderr
        )
        return EXIT_FAIL
    started = time.perf_counter()

    def progress(what: str, count: int) -> None:
        print(f"  {what}: {count:,}", flush=True)

    report = seed_demo(
        central, persons=args.persons, employers=args.employers, seed=args.seed, progress=progress
    )
    elapsed = time.perf_counter() - started
    print(
        f"seeded {report.persons:,} persons and {report.employers:,} employers in {elapsed:.1f} s"
    )
    print_logins(report.logins)
    return EXIT_OK


def cmd_demo_customers(args: argparse.Namespace) -> int:
    from counter_app.services.demo_customers import demo_customers

    ws = _workstation(args)
    found = demo_customers(ws.central(), args.limit)
    if not found.persons and not found.employers:
        print("the central registry is empty; load demo data with: counter-admin seed-demo")
        return EXIT_FAIL
    print("Persons (ID number, name) — type the ID number into the customer panel (F2):")
    for person in found.persons:
        state = "insured: proof of insurance" if person.insured else "not insured yet: enroll"
        padding = "\u3000" * max(0, 4 - len(person.name))  # ideographic spaces: names align
        print(f"  {person.id_number}  {person.name}{padding}  ({state})")
    print("Employers (unified social credit code, name):")
    for employer in found.employers:
        print(f"  {employer.credit_code}  {employer.name}")
    return EXIT_OK


def cmd_holidays_check(args: argparse.Namespace) -> int:
    from counter_app.domain.holiday_files import HolidayFileError
    from counter_app.services import holidays

    try:
        result = holidays.check(Path(args.file))
    except HolidayFileError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return EXIT_FAIL
    print(f"{args.file}: a valid arrangement for {result.schedule.year}")
    for note in result.notes:
        print(f"  {note}")
    return EXIT_OK


def cmd_holidays_install(args: argparse.Namespace) -> int:
    from counter_app.domain.holiday_files import HolidayFileError
    from counter_app.services import holidays

    try:
        target = holidays.install(Path(args.file))
    except HolidayFileError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return EXIT_FAIL
    print(f"installed as {target}; deadlines from now on use it")
    return EXIT_OK


def cmd_holidays_status(args: argparse.Namespace) -> int:
    from counter_app.services import holidays

    rows, problems = holidays.status(args.years or None)
    for row in rows:
        where = row.source or "none: deadlines in this year are provisional"
        print(f"{row.year}: {where}")
    for problem in problems:
        print(f"refused file: {problem}", file=sys.stderr)
    return EXIT_FAIL if problems else EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    ws = _workstation(args)
    report = ws.sync_once()
    if not report.online:
        print(f"offline: {report.error}", file=sys.stderr)
        return EXIT_OFFLINE
    assert report.push and report.pull
    print(
        f"pushed {report.push.sent} (applied {report.push.applied}, "
        f"rejected {report.push.rejected}); pulled {report.pull.entries}, "
        f"cursor {report.pull.cursor}"
    )
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from counter_app.centre.journal import verify_chain

    ws = _workstation(args)
    report = verify_chain(ws.central())
    if args.json:
        print(json.dumps(report.__dict__))
    elif report.ok:
        print(f"journal intact: {report.checked} entries verified")
    else:
        print(
            f"journal BROKEN at entry {report.first_bad_seq}: {report.problem} "
            f"({report.checked} entries verified before it)"
        )
    return EXIT_OK if report.ok else EXIT_FAIL


def cmd_verify(args: argparse.Namespace) -> int:
    from counter_app.domain.errors import ValidationError
    from counter_app.printing.verification import parse_code
    from counter_app.services.certificates import verify_certificate

    try:
        code = parse_code(args.code)
    except ValidationError as exc:
        print(f"NOT GENUINE: {args.code}: {exc.message}")
        return EXIT_USAGE
    ws = _workstation(args)
    result = verify_certificate(ws.central(), code)
    if not result.genuine:
        print(f"NOT GENUINE: {args.code}: {result.problem}")
        return EXIT_FAIL
    assert result.content is not None and result.issued_at is not None
    print(f"genuine: {result.code} ({result.kind}), journal entry {result.journal_seq}")
    print(f"  issued {result.issued_at:%Y-%m-%d %H:%M} by {result.issued_by} in {result.hall_code}")
    for key, value in result.content.items():
        print(f"  {key}: {value}")
    return EXIT_OK


def cmd_queue_close_day(args: argparse.Namespace) -> int:
    import datetime as dt

    from counter_app.services.queue import close_day

    ws = _workstation(args)
    day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    closed = close_day(ws.central(), ws.config.hall_code, day)
    print(f"{closed} unfinished ticket(s) of {day} closed and flagged")
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from counter_app.centre.bootstrap import create_user

    ws = _workstation(args)
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass()
    if len(password) < 8:
        print("the password needs at least 8 characters", file=sys.stderr)
        return EXIT_USAGE
    create_user(
        ws.central(), args.username, password, Role(args.role), args.hall, args.display_name or ""
    )
    print(f"user {args.username} ({args.role}) created; workstations learn it at their next sync")
    return EXIT_OK


def cmd_secret_set(args: argparse.Namespace) -> int:
    config = load_config()
    password = (
        sys.stdin.readline().rstrip("\n")
        if args.password_stdin
        else getpass.getpass("central database password: ")
    )
    set_central_password(config.central_url, password)
    print("stored in the system keyring")
    return EXIT_OK


def cmd_config_show(args: argparse.Namespace) -> int:
    config = load_config()
    print(f"# {config.path}")
    print(config.path.read_text(encoding="utf-8"))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="counter-admin", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    def central_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--central-url", help="override the configured central database URL")
        p.add_argument(
            "--no-password", action="store_true", help="do not read a password from the keyring"
        )

    p = sub.add_parser("init", help="create config and databases; seed the demo if empty")
    central_options(p)
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("migrate", help="bring both databases to the newest schema")
    central_options(p)
    p.set_defaults(func=cmd_migrate)
    p = sub.add_parser("seed-demo", help="load synthetic demo data into the central database")
    central_options(p)
    p.add_argument("--persons", type=int, default=500)
    p.add_argument("--employers", type=int, default=50)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_seed_demo)
    demo = sub.add_parser("demo", help="the demo data").add_subparsers(dest="demo", required=True)
    p = demo.add_parser("customers", help="print a few demo persons and employers to try")
    central_options(p)
    p.add_argument("--limit", type=int, default=5, help="how many of each (default 5)")
    p.set_defaults(func=cmd_demo_customers)
    holidays = sub.add_parser("holidays", help="the statutory holiday calendar").add_subparsers(
        dest="holidays", required=True
    )
    p = holidays.add_parser("check", help="check a holiday file before installing it")
    p.add_argument("file")
    p.set_defaults(func=cmd_holidays_check)
    p = holidays.add_parser("install", help="check and install a holiday file")
    p.add_argument("file")
    p.set_defaults(func=cmd_holidays_install)
    p = holidays.add_parser("status", help="where each year's arrangement comes from")
    p.add_argument("years", nargs="*", type=int)
    p.set_defaults(func=cmd_holidays_status)
    p = sub.add_parser("sync", help="one push of the outbox and one pull of the journal")
    central_options(p)
    p.set_defaults(func=cmd_sync)
    audit = sub.add_parser("audit", help="audit tools").add_subparsers(dest="audit", required=True)
    p = audit.add_parser("verify", help="walk the hash chain of the central journal")
    central_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit_verify)
    p = sub.add_parser("verify", help="check a certificate's verification code")
    central_options(p)
    p.add_argument("code")
    p.set_defaults(func=cmd_verify)
    queue_cmd = sub.add_parser("queue", help="hall queue").add_subparsers(
        dest="queue", required=True
    )
    p = queue_cmd.add_parser("close-day", help="close the day's unfinished tickets, flagged")
    central_options(p)
    p.add_argument("--date", help="YYYY-MM-DD (default: today)")
    p.set_defaults(func=cmd_queue_close_day)
    user = sub.add_parser("user", help="staff users").add_subparsers(dest="user", required=True)
    p = user.add_parser("add", help="create or update a user")
    central_options(p)
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--hall", required=True)
    p.add_argument("--display-name")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=cmd_user_add)
    secret = sub.add_parser("secret", help="secrets in the OS keyring").add_subparsers(
        dest="secret", required=True
    )
    p = secret.add_parser("set-central-password")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=cmd_secret_set)
    config = sub.add_parser("config", help="workstation configuration").add_subparsers(
        dest="config", required=True
    )
    p = config.add_parser("show")
    p.set_defaults(func=cmd_config_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from counter_app.centre.bootstrap import BootstrapError
    from counter_app.domain.errors import CentralUnavailable

    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CentralUnavailable as exc:
        print(f"offline: {exc}", file=sys.stderr)
        return EXIT_OFFLINE
    except SecretStoreUnavailable as exc:
        print(f"keyring: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except BootstrapError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
