"""Every module that declares business tables, imported in one place.

SQLAlchemy knows a table only once its module is imported; the shared migrations, the
journal replay (``rowcodec.shared_model``) and the schema tests import this module so that
no table is missed. An item package that adds a shared table adds its models module here.
"""

from __future__ import annotations

# Item packages' tables (one line each):
import counter_app.storage.contribution_models
import counter_app.storage.employer_models
import counter_app.storage.service_item_models
import counter_app.storage.shared_models  # noqa: F401
