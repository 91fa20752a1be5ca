"""A normal (non-editable) install carries its data: the wheel built from the checkout holds
the Alembic migrations, the translations and the holiday files, and the program finds them
there when the checkout is not importable at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]

# Runs inside the unpacked wheel; prints one line per check that passed.
CHECK = r"""
import sys
from pathlib import Path

import counter_app

target = Path(sys.argv[1]).resolve()
assert Path(counter_app.__file__).resolve().is_relative_to(target), counter_app.__file__
print("imported from the wheel")

from sqlalchemy import create_engine

from counter_app.storage import migrate

assert migrate.migrations_root().resolve().is_relative_to(target), migrate.migrations_root()
for schema in ("central", "local"):
    engine = create_engine(f"sqlite:///{Path.cwd() / (schema + '.db')}")
    migrate.upgrade(engine, schema)
    assert migrate.is_current(engine, schema), schema
    engine.dispose()
print("migrated")

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from counter_app.ui import i18n

app = QApplication([])
qm = i18n.TRANSLATIONS_DIR / "counter_app_zh_CN.qm"
assert qm.resolve().is_relative_to(target), qm
assert QTranslator().load(str(qm)), qm
assert i18n.install_translators(app, "zh_CN") and i18n.current_language() == "zh_CN"
print("translated")

qm.unlink()  # a package built without the compiled file compiles its .ts at first use
assert i18n.install_translators(app, "zh_CN") and i18n.current_language() == "zh_CN"
print("compiled")

from counter_app.domain.holiday_files import load_holiday_dirs, shipped_holiday_dir

assert shipped_holiday_dir().resolve().is_relative_to(target), shipped_holiday_dir()
loaded = load_holiday_dirs([shipped_holiday_dir()])
assert loaded.schedules and not loaded.problems, loaded
print("holidays")

from counter_app.catalogue import load_catalogue, shipped_catalogue_dir

assert shipped_catalogue_dir().resolve().is_relative_to(target), shipped_catalogue_dir()
assert load_catalogue().items
print("catalogue")
"""


def checkout_packages() -> set[str]:
    return {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("counter_app", "counter_central")
        for init in (ROOT / top).rglob("__init__.py")
    }


def test_the_wheel_carries_migrations_translations_and_holidays(tmp_path: Path) -> None:
    if not list((ROOT / "resources" / "translations").glob("*.qm")):
        pytest.skip("the translations are not compiled; run 'make translations'")
    wheels = tmp_path / "wheels"
    pip_wheel = ["pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels)]
    build = subprocess.run(
        [sys.executable, "-m", *pip_wheel, str(ROOT)],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("counter_app-*.whl")

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        target = tmp_path / "site"
        archive.extractall(target)
    packaged = {n.rsplit("/", 1)[0].replace("/", ".") for n in names if n.endswith(".py")}
    assert checkout_packages() <= packaged, "add the missing packages to pyproject.toml"
    for name in (
        "counter_app/_data/migrations/central/env.py",
        "counter_app/_data/migrations/central/script.py.mako",
        "counter_app/_data/migrations/local/env.py",
        "counter_app/_data/translations/counter_app_zh_CN.qm",
        "counter_app/_data/translations/counter_app_zh_CN.ts",
        "counter_app/_data/holidays/2026.toml",
        "counter_app/_data/catalogue/index.toml",
        "counter_app/_data/catalogue/bundles.toml",
    ):
        assert name in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    for schema in ("central", "local"):
        shipped = {p.name for p in (ROOT / "migrations" / schema / "versions").glob("*.py")}
        in_wheel = {
            n.rsplit("/", 1)[1]
            for n in names
            if n.startswith(f"counter_app/_data/migrations/{schema}/versions/")
        }
        assert shipped == in_wheel

    work = tmp_path / "work"
    work.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(target),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "COUNTER_APP_HOME": str(tmp_path / "home"),
    }
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=work,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split() == [
        "imported", "from", "the", "wheel", "migrated", "translated", "compiled", "holidays",
        "catalogue",
    ]  # fmt: skip
