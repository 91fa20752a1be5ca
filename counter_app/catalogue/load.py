"""Reading the service catalogue from TOML, with every fault named by file, item and field.

The shipped catalogue is a directory (``resources/catalogue`` in a checkout,
``counter_app/_data/catalogue`` in a wheel): ``index.toml`` holds the version, titles,
region, effective date and the ``[sources]`` table (tag → URL or citation); each other file
holds one ``[group]`` table and its ``[[items]]``; ``bundles.toml`` holds ``[[bundles]]``.
Files are read in name order, so a numeric prefix (``01_registration.toml``) orders them.

A draft being prepared for publication may also be one single TOML file: the index keys at
top level, ``[[groups]]`` each with ``[[groups.items]]``, and ``[[bundles]]``.

A catalogue decides what a window accepts and how long a citizen waits, so nothing is
guessed: every fault is collected and reported as ``01_registration.toml: item REG-PERSON:
materials.0.form: Input should be 'original', …``, and no partial catalogue is returned.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from counter_app.catalogue.schema import Bundle, Catalogue, Group, catalogue_issues

INDEX_FILE = "index.toml"
BUNDLES_FILE = "bundles.toml"
INDEX_KEYS = ("version", "title_zh", "title_en", "region", "effective", "sources")


@dataclass(frozen=True)
class Problem:
    """One fault: the file, what it concerns (``kind`` + ``item``), the field and why."""

    file: str
    message: str
    item: str | None = None
    field: str | None = None
    kind: str = "item"

    def __str__(self) -> str:
        parts = [self.file]
        if self.item:
            parts.append(f"{self.kind} {self.item}")
        elif self.kind != "item":
            parts.append(self.kind)
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


class CatalogueError(ValueError):
    """A catalogue cannot be used. ``file``, ``item`` and ``field`` name the first fault;
    ``problems`` holds all of them, and ``str()`` has one line per fault."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("a CatalogueError needs at least one problem")
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = tuple(problems)
        self.file: str = problems[0].file
        self.item: str | None = problems[0].item
        self.field: str | None = problems[0].field


class _Index(BaseModel):
    """The index keys, checked on their own so their faults are named in the index file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str = Field(min_length=1, max_length=40)
    title_zh: str = Field(min_length=1, max_length=200)
    title_en: str = Field(min_length=1, max_length=200)
    region: str = Field(min_length=1, max_length=200)
    effective: dt.date
    sources: dict[str, str]


def shipped_catalogue_dir() -> Path:
    """The shipped catalogue: ``counter_app/_data/catalogue`` in a wheel or a frozen bundle
    (copied there from ``resources/catalogue`` at build time), else ``resources/catalogue``
    of the checkout."""
    packaged = Path(str(importlib.resources.files("counter_app") / "_data" / "catalogue"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources" / "catalogue"


def _dotted(loc: Sequence[int | str]) -> str:
    return ".".join(str(part) for part in loc)


def _read_toml(path: Path) -> dict[str, Any]:
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise CatalogueError([Problem(name, f"cannot be read: {exc.strerror or exc}")]) from None
    except UnicodeDecodeError as exc:
        raise CatalogueError([Problem(name, f"is not UTF-8 text (byte {exc.start})")]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError([Problem(name, f"is not valid TOML: {exc}")]) from None


def _check_index(raw: dict[str, Any], file: str, problems: list[Problem]) -> _Index | None:
    try:
        return _Index.model_validate(raw)
    except PydanticValidationError as exc:
        for error in exc.errors():
            problems.append(
                Problem(file, error["msg"], field=_dotted(error["loc"]) or None, kind="index")
            )
        return None


def _label(raw: Any, position: int) -> str:
    """How an entry is named: its code when it has a usable one, else its position."""
    code = raw.get("code") if isinstance(raw, dict) else None
    return code if isinstance(code, str) and code.strip() else f"#{position + 1}"


def _check_group(
    raw_group: Any, raw_items: Any, file: str, problems: list[Problem]
) -> Group | None:
    """Validate one group with its items; faults inside an item are named by the item."""
    if not isinstance(raw_group, dict):
        problems.append(Problem(file, "needs a [group] table", kind="group"))
        return None
    if not isinstance(raw_items, list):
        problems.append(Problem(file, "needs [[items]] entries", kind="group", field="items"))
        return None
    group_code = raw_group.get("code")
    items = []
    for entry in raw_items:
        if isinstance(entry, dict) and "group" not in entry and isinstance(group_code, str):
            entry = {**entry, "group": group_code}
        items.append(entry)
    try:
        return Group.model_validate({**raw_group, "items": items})
    except PydanticValidationError as exc:
        group_label = group_code if isinstance(group_code, str) and group_code else None
        errors = exc.errors()
        if any(len(e["loc"]) >= 2 and e["loc"][0] == "items" for e in errors):
            # Items that failed do not count towards the group's minimum of one item; that
            # consequence would only repeat their faults.
            errors = [
                e for e in errors if not (e["loc"] == ("items",) and e["type"] == "too_short")
            ]
        for error in errors:
            loc = tuple(error["loc"])
            if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int):
                position = loc[1]
                label = _label(items[position], position) if position < len(items) else None
                problems.append(
                    Problem(file, error["msg"], item=label, field=_dotted(loc[2:]) or None)
                )
            else:
                problems.append(
                    Problem(
                        file,
                        error["msg"],
                        item=group_label,
                        field=_dotted(loc) or None,
                        kind="group",
                    )
                )
        return None


def _check_bundles(raw: Any, file: str, problems: list[Problem]) -> list[Bundle]:
    if not isinstance(raw, list):
        problems.append(Problem(file, "[[bundles]] must be a list of tables", field="bundles"))
        return []
    bundles: list[Bundle] = []
    for position, entry in enumerate(raw):
        try:
            bundles.append(Bundle.model_validate(entry))
        except PydanticValidationError as exc:
            for error in exc.errors():
                problems.append(
                    Problem(
                        file,
                        error["msg"],
                        item=_label(entry, position),
                        field=_dotted(error["loc"]) or None,
                        kind="bundle",
                    )
                )
    return bundles


def _unknown_keys(raw: dict[str, Any], allowed: Sequence[str], file: str) -> list[Problem]:
    return [
        Problem(file, "is not a key of this file", field=key, kind="file")
        for key in raw
        if key not in allowed
    ]


def _assemble(
    index: _Index | None,
    index_file: str,
    groups: list[tuple[str, Group]],
    bundles: list[Bundle],
    bundles_file: str,
    problems: list[Problem],
) -> Catalogue:
    """Check the cross-references of the checked parts and build the catalogue."""
    if problems or index is None:
        raise CatalogueError(problems or [Problem(index_file, "has no index")])
    ordered = sorted(enumerate(groups), key=lambda pair: (pair[1][1].order, pair[0]))
    files = [file for _, (file, _group) in ordered]
    sequence = [group for _, (_file, group) in ordered]
    for issue in catalogue_issues(index.sources, sequence, bundles):
        if issue.group_index is not None:
            file = files[issue.group_index]
        elif issue.kind == "bundle":
            file = bundles_file
        else:
            file = index_file
        problems.append(Problem(file, issue.message, issue.code, issue.field, issue.kind))
    if problems:
        raise CatalogueError(problems)
    try:
        return Catalogue(**index.model_dump(), groups=tuple(sequence), bundles=tuple(bundles))
    except PydanticValidationError as exc:  # every check above passed; kept as a safety net
        raise CatalogueError(
            [Problem(index_file, e["msg"], field=_dotted(e["loc"]) or None) for e in exc.errors()]
        ) from None


def load_catalogue(directory: Path | None = None) -> Catalogue:
    """Load a catalogue directory (the shipped one when ``None``); raise ``CatalogueError``."""
    folder = Path(directory) if directory is not None else shipped_catalogue_dir()
    if not folder.is_dir():
        raise CatalogueError([Problem(str(folder), "is not a catalogue directory")])
    index_path = folder / INDEX_FILE
    if not index_path.is_file():
        raise CatalogueError([Problem(INDEX_FILE, f"is missing from {folder}")])
    problems: list[Problem] = []
    raw_index = _read_toml(index_path)
    index = _check_index(raw_index, INDEX_FILE, problems)
    groups: list[tuple[str, Group]] = []
    bundles: list[Bundle] = []
    for path in sorted(p for p in folder.glob("*.toml") if p.is_file()):
        if path.name == INDEX_FILE:
            continue
        raw = _read_toml(path)
        if path.name == BUNDLES_FILE:
            problems += _unknown_keys(raw, ("bundles",), path.name)
            bundles = _check_bundles(raw.get("bundles", []), path.name, problems)
            continue
        problems += _unknown_keys(raw, ("group", "items"), path.name)
        group = _check_group(raw.get("group"), raw.get("items"), path.name, problems)
        if group is not None:
            groups.append((path.name, group))
    if not groups and not problems:
        problems.append(Problem(folder.name, "holds no group file", kind="file"))
    return _assemble(index, INDEX_FILE, groups, bundles, BUNDLES_FILE, problems)


def load_catalogue_file(path: Path) -> Catalogue:
    """Load a draft: a catalogue directory, or one TOML file holding the index keys at top
    level, ``[[groups]]`` (each with ``[[groups.items]]``) and ``[[bundles]]``."""
    path = Path(path)
    if path.is_dir():
        return load_catalogue(path)
    name = path.name
    raw = _read_toml(path)
    problems = _unknown_keys(raw, (*INDEX_KEYS, "groups", "bundles"), name)
    index = _check_index({k: v for k, v in raw.items() if k in INDEX_KEYS}, name, problems)
    raw_groups = raw.get("groups")
    groups: list[tuple[str, Group]] = []
    if not isinstance(raw_groups, list) or not raw_groups:
        problems.append(Problem(name, "needs [[groups]] entries", field="groups", kind="file"))
    else:
        for entry in raw_groups:
            if not isinstance(entry, dict):
                problems.append(Problem(name, "a group must be a table", kind="group"))
                continue
            head = {key: value for key, value in entry.items() if key != "items"}
            group = _check_group(head, entry.get("items"), name, problems)
            if group is not None:
                groups.append((name, group))
    bundles = _check_bundles(raw.get("bundles", []), name, problems)
    return _assemble(index, name, groups, bundles, name, problems)


@cache
def shipped_catalogue() -> Catalogue:
    """The shipped catalogue, loaded once per process."""
    return load_catalogue(None)
