"""Every UI string is English in code and has a Simplified Chinese translation; no code is
shown as it is stored.

* every string passed through tr()/translate() has a finished translation in the .ts file;
* the English source of every such string holds no Han character (the English UI loads no
  translation, so a Chinese literal in code would show unchanged there);
* every code the screens show — command kinds, case items and statuses, certificate and
  document kinds, insurance types, categories, print-job states, ratings, queue categories —
  has its own label in both languages instead of the stored code or a generic fallback.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# COUNTER_TEST_TS checks another .ts file (a merged copy, before it replaces this one).
TS = Path(
    os.environ.get("COUNTER_TEST_TS", ROOT / "resources" / "translations" / "counter_app_zh_CN.ts")
)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(found).exists():
        pytest.skip("pyside6-lupdate is not installed")
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> ET.ElementTree:
    """The .ts file as ``make i18n-update`` would leave it for the current code."""
    copy = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "counter_app" / "ui").rglob("*.py"))
    subprocess.run(
        [_lupdate(), "-no-obsolete", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    return ET.parse(copy)


def _messages(tree: ET.ElementTree) -> list[tuple[str, str, ET.Element]]:
    found = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                (context.findtext("name") or "", message.findtext("source") or "", translation)
            )
    return found


def test_no_ui_string_is_left_untranslated(extracted: ET.ElementTree) -> None:
    unfinished = [
        f"{context}: {source}"
        for context, source, translation in _messages(extracted)
        if translation.get("type") == "unfinished" or not (translation.text or "").strip()
    ]
    assert unfinished == [], "run 'make i18n-update' and translate:\n" + "\n".join(unfinished)


def test_ui_strings_are_english_in_the_code(extracted: ET.ElementTree) -> None:
    chinese = [
        f"{context}: {source}" for context, source, _ in _messages(extracted) if HAN.search(source)
    ]
    assert chinese == [], (
        "the English UI would show these Chinese words; write the source in English and the "
        "Chinese in the .ts file:\n" + "\n".join(chinese)
    )


def test_every_code_on_screen_has_its_own_label() -> None:
    from counter_app.domain.cases import CaseStatus
    from counter_app.domain.insurance import EnrollmentCategory, InsuranceType
    from counter_app.items.registry import COMMAND_SPECS
    from counter_app.printing.jobs import FailureReason, JobStatus
    from counter_app.services.certificates import KINDS as CERTIFICATE_KINDS
    from counter_app.ui import roles_text as labels

    fallbacks = {
        labels.kind_label("?"),
        labels.item_label("?"),
        labels.case_status_label("?"),
        labels.certificate_label("?"),
        labels.document_label("?"),
        labels.insurance_label("?"),
        labels.category_label("?"),
        labels.print_state_label("?"),
        labels.rating_label(0),
    }
    missing: list[str] = []

    def check(code: object, label: str) -> None:
        if not label or label == str(code) or label in fallbacks:
            missing.append(f"{code!s} → {label!r}")

    for kind in (spec.kind for spec in COMMAND_SPECS):
        detail = CERTIFICATE_KINDS[0] if kind == "certificate.issue" else ""
        check(kind, labels.kind_label(kind, detail))
    for kind in CERTIFICATE_KINDS:
        check(kind, labels.certificate_label(kind))
    for status in CaseStatus:
        check(status, labels.case_status_label(status.value))
    for insurance in InsuranceType:
        check(insurance, labels.insurance_label(insurance.value))
    for category in EnrollmentCategory:
        check(category, labels.category_label(category.value))
    for state in JobStatus:
        check(state, labels.print_state_label(state.value))
    for reason in FailureReason:
        check(reason, labels.print_failure_text(reason))
    for level in range(1, 6):
        check(level, labels.rating_label(level))
    documents = (ROOT / "counter_app" / "printing" / "documents.py").read_text(encoding="utf-8")
    for kind in sorted(set(re.findall(r"\bDoc\(\s*\"(\w+)\"", documents))):
        check(kind, labels.document_label(kind))
    assert missing == [], "codes shown without a label of their own:\n" + "\n".join(missing)


def test_print_failures_are_recognised_from_the_printer_messages() -> None:
    """The print log explains a failure by the printer fault's wording: keep them in step."""
    from counter_app.devices.printers import FileConnection, NetworkConnection, PrinterFault
    from counter_app.printing.jobs import FailureReason, failure_reason

    def fault(connection: object) -> str:
        with pytest.raises(PrinterFault) as caught:
            connection.send(b"x")  # type: ignore[attr-defined]
        return str(caught.value)

    assert failure_reason(None) is None
    assert failure_reason(fault(NetworkConnection("127.0.0.1", 1, 0.5))) in (
        FailureReason.UNREACHABLE,
        FailureReason.TIMEOUT,
    )
    assert failure_reason(fault(FileConnection("/nonexistent-folder/x.bin"))) is (
        FailureReason.CANNOT_WRITE
    )
    assert failure_reason("printer 10.0.0.9:9100 timed out") is FailureReason.TIMEOUT
    assert failure_reason("usb printer failed: no device") is FailureReason.DEVICE
    assert failure_reason("cannot write the PDF into /x (denied)") is FailureReason.CANNOT_WRITE
    assert failure_reason("paper jam") is FailureReason.OTHER


def test_queue_categories_have_a_name_in_each_language() -> None:
    from counter_app.config import queue_category_names

    default = queue_category_names({})
    assert default["A"] == {"zh_CN": "个人业务", "en": "Personal business"}
    assert all(not HAN.search(names["en"]) for names in default.values())
    configured = queue_category_names(
        {
            "categories": [
                {"code": "A", "name": "社保卡业务", "name_en": "Social security cards"},
                {"code": "B", "name": "单位业务"},
                {"code": "D", "name": "退休审批"},
                {"code": "E", "name": "Express"},
            ]
        }
    )
    assert configured == {
        "A": {"zh_CN": "社保卡业务", "en": "Social security cards"},
        "B": {"zh_CN": "单位业务", "en": "Employer business"},
        "D": {"zh_CN": "退休审批", "en": "Category D"},
        "E": {"zh_CN": "Express", "en": "Express"},
    }


def test_an_english_category_name_must_be_text(tmp_path: Path) -> None:
    from counter_app.config import ConfigError, parse_config

    text = """
[workstation]
id = "WS-01"
hall = "HALL01"
window = 3

[central]
url = "sqlite:///central.db"

[[queue.categories]]
code = "A"
name = "个人业务"
name_en = 7
"""
    with pytest.raises(ConfigError, match="name_en"):
        parse_config(tmp_path / "w.toml", text)


def test_data_labels_follow_the_ui_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from counter_app.ui import i18n
    from counter_app.ui.roles_text import join_labels, queue_category_label

    queue = {"categories": [{"code": "A", "name": "个人业务", "name_en": "Personal business"}]}
    monkeypatch.setattr(i18n, "_language", "zh_CN")
    assert queue_category_label(queue, "A") == "个人业务"
    assert join_labels(["养老", "医疗"]) == "养老、医疗"
    monkeypatch.setattr(i18n, "_language", "en")
    assert queue_category_label(queue, "A") == "Personal business"
    assert join_labels(["Pension", "Medical"]) == "Pension, Medical"
    assert queue_category_label(queue, "Q") == "Q"  # not configured: its code
    assert i18n.localized({"zh_CN": "优先"}) == "优先"  # no English form: the one there is
