"""``counter-central db``: the roles script, migrating as the owner, the keyring password."""

from __future__ import annotations

import argparse
import sys

from counter_central.cli_support import (
    EXIT_OK,
    CliError,
    secret_from_stdin,
    settings_of,
)


# -- database ------------------------------------------------------------------------------
def cmd_db_roles(args: argparse.Namespace) -> int:
    from counter_central.db_roles import RoleNames, roles_sql

    try:
        names = RoleNames(args.schema, args.owner, args.service, args.reporting)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    sys.stdout.write(roles_sql(names))
    return EXIT_OK


def cmd_db_migrate(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from counter_app.storage import migrate
    from counter_app.storage.engines import make_engine

    url = args.url or settings_of(args).database.url
    if make_url(url).password is not None:
        raise CliError(
            "give the owner's password on standard input (--password-stdin), "
            "or in ~/.pgpass, never in the URL"
        )
    password = secret_from_stdin(args, "owner password: ") if args.password_stdin else None
    engine = make_engine(url, password=password)
    try:
        migrate.upgrade(engine, "central")
        revision = migrate.current_revision(engine)
    finally:
        engine.dispose()
    print(f"central schema at revision {revision}; apply counter-central db roles again")
    return EXIT_OK


def cmd_db_set_password(args: argparse.Namespace) -> int:
    from counter_central.db_password import store_db_password

    settings = settings_of(args)
    password = secret_from_stdin(args, "database password: ")
    if not password:
        raise CliError("the password is empty")
    account = store_db_password(settings.database, password)
    print(f"stored in the system keyring under counter-central / {account}")
    return EXIT_OK
