"""The SQL that sets up least-privilege PostgreSQL roles for the central database.

Three roles: the *owner* owns the schema and runs the migrations (and nothing else); the
*service* role is what counter-central connects as: rows only, never DDL, and INSERT and
SELECT only on the journal, the rejections and the anchors, so even a compromised service
cannot rewrite history; the *reporting* role reads, but not password hashes, sessions or
enrolment codes. The script is idempotent: run it as a superuser before the first migration
and again after every migration (new tables get their grants then). Passwords are set
separately (``\\password ROLE`` in psql) and never appear in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

APPEND_ONLY_TABLES = ("journal", "rejections", "service_anchors")
SECRET_TABLES = (
    "users",
    "service_sessions",
    "service_enrolment_codes",
    "service_nonces",
    "service_login_throttle",
)
REPORTING_USER_COLUMNS = ("username", "display_name", "role", "hall_code", "active")


@dataclass(frozen=True)
class RoleNames:
    schema: str = "counter"
    owner: str = "counter_owner"
    service: str = "counter_service"
    reporting: str = "counter_reporting"

    def __post_init__(self) -> None:
        for name in (self.schema, self.owner, self.service, self.reporting):
            if not _IDENT.fullmatch(name):
                raise ValueError(
                    f"{name!r} is not a plain SQL name (lower case letters, digits, _)"
                )
        if len({self.owner, self.service, self.reporting}) != 3:
            raise ValueError("the owner, service and reporting roles must be three roles")


def _array(names: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(f"'{n}'" for n in names) + "]"


def roles_sql(names: RoleNames) -> str:
    s, owner, service, reporting = names.schema, names.owner, names.service, names.reporting
    create_roles = "\n".join(
        f"  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN\n"
        f"    CREATE ROLE {role} LOGIN;\n"
        "  END IF;"
        for role in (owner, service, reporting)
    )
    plain = "\n".join(
        f"ALTER ROLE {role} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;\n"
        f"ALTER ROLE {role} SET search_path = {s};"
        for role in (owner, service, reporting)
    )
    columns = ", ".join(REPORTING_USER_COLUMNS)
    return f"""\
-- counter-central: least-privilege roles for the central database.
-- Run as a superuser (psql -v ON_ERROR_STOP=1 -f FILE) before the first migration and
-- again after every migration; it is idempotent. Set passwords with \\password ROLE.
BEGIN;
DO $$
BEGIN
{create_roles}
END $$;
{plain}

CREATE SCHEMA IF NOT EXISTS {s} AUTHORIZATION {owner};
ALTER SCHEMA {s} OWNER TO {owner};
REVOKE ALL ON SCHEMA {s} FROM PUBLIC;
GRANT USAGE ON SCHEMA {s} TO {service}, {reporting};

-- Everything in the schema belongs to the owner (an older set-up may have migrated as
-- another role).
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables
           WHERE schemaname = '{s}' AND tableowner <> '{owner}' LOOP
    EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', '{s}', t.tablename, '{owner}');
  END LOOP;
END $$;

-- The service: rows only, no DDL.
REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {service}, {reporting};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {service};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {service};
-- History is append-only for the service, and the migration record read-only.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY {_array(APPEND_ONLY_TABLES)} LOOP
    IF to_regclass(format('%I.%I', '{s}', t)) IS NOT NULL THEN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.%I FROM %I', '{s}', t, '{service}');
    END IF;
  END LOOP;
  IF to_regclass('{s}.alembic_version') IS NOT NULL THEN
    EXECUTE 'REVOKE INSERT, UPDATE, DELETE ON {s}.alembic_version FROM {service}';
  END IF;
END $$;

-- Reporting: read-only, and never password hashes, sessions or enrolment codes.
GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {reporting};
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY {_array(SECRET_TABLES)} LOOP
    IF to_regclass(format('%I.%I', '{s}', t)) IS NOT NULL THEN
      EXECUTE format('REVOKE SELECT ON %I.%I FROM %I', '{s}', t, '{reporting}');
    END IF;
  END LOOP;
  IF to_regclass('{s}.users') IS NOT NULL THEN
    EXECUTE 'GRANT SELECT ({columns}) ON {s}.users TO {reporting}';
  END IF;
END $$;
COMMIT;
"""
