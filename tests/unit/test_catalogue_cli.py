"""``counter-admin catalogue list|check``, run as the administrator runs it: a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import tomli_w

from counter_app.catalogue import shipped_catalogue, shipped_catalogue_dir

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = shipped_catalogue()


def admin(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "COUNTER_APP_HOME": str(home),
        "PYTHONIOENCODING": "utf-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, "-m", "counter_app.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_list_prints_one_line_per_item(app_home: Path) -> None:
    result = admin(app_home, "catalogue", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(CATALOGUE.items)
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    # Bozhou guide (002014003001): promised 1, legal 5 working days.
    assert rows["REG-PERSON"] == [
        "REG-PERSON",
        "个人参保登记",
        "参保登记",
        "L1",
        "承诺1个工作日/法定5个工作日",
    ]
    assert rows["STAFF-CHANGE"][2:] == ["人员增减", "L1", "承诺1个工作日/法定5个工作日"]
    assert rows["REFUND-ACCOUNT"][2:] == ["退保返还", "L3", "承诺20个工作日/法定20个工作日"]
    assert rows["SVC-CONSULT"][3:] == ["L1", "即办"]
    # Deyang: done on the spot, legal 3 working days.
    assert rows["INJ-RECURRENCE"][4] == "即办/法定3个工作日"


def test_check_accepts_the_shipped_catalogue_and_a_single_file(
    app_home: Path, tmp_path: Path
) -> None:
    expected = (
        f"OK: {len(CATALOGUE.items)} items in {len(CATALOGUE.groups)} groups, "
        f"version 2026.1, hash {CATALOGUE.content_hash()}"
    )
    result = admin(app_home, "catalogue", "check", str(shipped_catalogue_dir()))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected

    folder = shipped_catalogue_dir()
    data = tomllib.loads((folder / "index.toml").read_text(encoding="utf-8"))
    data["groups"] = []
    for file in sorted(folder.glob("*.toml")):
        if file.name not in ("index.toml", "bundles.toml"):
            part = tomllib.loads(file.read_text(encoding="utf-8"))
            data["groups"].append({**part["group"], "items": part["items"]})
    data["bundles"] = tomllib.loads((folder / "bundles.toml").read_text(encoding="utf-8"))[
        "bundles"
    ]
    single = tmp_path / "draft.toml"
    single.write_text(tomli_w.dumps(data), encoding="utf-8")
    result = admin(app_home, "catalogue", "check", str(single))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected

    result = admin(app_home, "catalogue", "list", "--file", str(single))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(CATALOGUE.items)


def test_check_refuses_a_broken_draft_with_exit_code_2(app_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "draft"
    shutil.copytree(shipped_catalogue_dir(), folder)
    path = folder / "07_card.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    (loss,) = [item for item in data["items"] if item["code"] == "CARD-LOSS"]
    loss["materials"][0]["form"] = "scan"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")

    result = admin(app_home, "catalogue", "check", str(folder))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("07_card.toml: item CARD-LOSS: materials.0.form: ")

    result = admin(app_home, "catalogue", "list", "--file", str(folder))
    assert result.returncode == 2 and "CARD-LOSS" in result.stderr

    result = admin(app_home, "catalogue", "check", str(tmp_path / "missing.toml"))
    assert result.returncode == 2 and "missing.toml" in result.stderr


def test_publish_makes_a_new_version_central_data_and_never_replaces_one(
    app_home: Path, tmp_path: Path
) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from counter_app.centre import bootstrap
    from counter_app.storage import migrate
    from counter_app.storage.central_models import JournalRow
    from counter_app.storage.engines import make_engine
    from counter_app.storage.shared_models import CatalogueVersionRow

    url = f"sqlite:///{tmp_path / 'central.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "central")
    bootstrap.create_hall(engine, "HALL01", "示范大厅")  # publishes the shipped version
    draft = tmp_path / "draft"
    shutil.copytree(shipped_catalogue_dir(), draft)
    index = tomllib.loads((draft / "index.toml").read_text(encoding="utf-8"))
    index["version"] = "2026.2"
    (draft / "index.toml").write_text(tomli_w.dumps(index), encoding="utf-8")

    result = admin(app_home, "catalogue", "publish", str(draft), "--central-url", url)
    assert result.returncode == 0, result.stderr
    assert "2026.2" in result.stdout
    again = admin(app_home, "catalogue", "publish", str(draft), "--central-url", url)
    assert again.returncode != 0 and "already published" in again.stderr
    with Session(engine) as session:
        versions = set(session.scalars(select(CatalogueVersionRow.version)))
        kinds = list(session.scalars(select(JournalRow.kind).order_by(JournalRow.seq)))
    assert versions == {CATALOGUE.version, "2026.2"}
    assert kinds.count("catalogue.publish") == 2  # journaled, so every workstation pulls it
    engine.dispose()
