"""counter-central: the service between the workstations and the central database.

It is the only holder of the central database's credentials and the trust boundary of the
system: it authenticates workstations (Ed25519-signed requests) and staff (online sessions
checked against the central password hashes), stamps who and where as it saw them, and
applies commands through the same idempotent ``apply_centrally`` the sync spine uses.
See ``docs/central-service.md``.
"""

API_VERSION = "v1"
