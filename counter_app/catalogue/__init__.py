"""The service catalogue (事项目录) as data: every item a window accepts, its materials, form,
review level and time limit, read from ``resources/catalogue`` and checked strictly.

Layer: imports only ``counter_app.domain`` (plus pydantic and pypinyin).
"""

from counter_app.catalogue.load import (
    CatalogueError,
    load_catalogue,
    load_catalogue_file,
    shipped_catalogue,
    shipped_catalogue_dir,
)
from counter_app.catalogue.schema import (
    Bundle,
    Catalogue,
    Choice,
    FormField,
    Group,
    Item,
    Material,
    TimeLimit,
)
from counter_app.catalogue.search import search_items

__all__ = [
    "Bundle",
    "Catalogue",
    "CatalogueError",
    "Choice",
    "FormField",
    "Group",
    "Item",
    "Material",
    "TimeLimit",
    "load_catalogue",
    "load_catalogue_file",
    "search_items",
    "shipped_catalogue",
    "shipped_catalogue_dir",
]
