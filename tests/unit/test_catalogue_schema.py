"""The service catalogue as data: the shipped catalogue loads and says what the public guides
say; a broken draft is refused with the file, the item and the field named."""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from pydantic import ValidationError
from standards import gb11643_id, gb32100_code

from counter_app.catalogue import (
    Catalogue,
    CatalogueError,
    FormField,
    Item,
    Material,
    TimeLimit,
    load_catalogue,
    load_catalogue_file,
    shipped_catalogue,
    shipped_catalogue_dir,
)

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = shipped_catalogue()

# The groups of the business brief (domain §3), by catalogue group code.
DOMAIN_GROUPS = {
    "registration",
    "change",
    "staff",
    "contributions",
    "transfer",
    "certificates",
    "card",
    "benefits",
    "medical",
    "refund",
    "service",
}

# Items other screens are built for: code → (group, custom handler kind).
HANDLED = {
    "REG-PERSON": ("registration", "person.enroll"),
    "REG-EMPLOYER": ("registration", "employer.register"),
    "CHG-PERSON": ("change", "person.change"),
    "STAFF-CHANGE": ("staff", "employer.staff_change"),
    "CONTRIB-BASE": ("contributions", "employer.base_declare"),
    "CONTRIB-FLEX": ("contributions", "person.flexible_payment"),
    "CONTRIB-BACKPAY": ("contributions", "contribution.back_payment"),
    "TRANSFER-PENSION-OUT": ("transfer", "pension.transfer"),
    "TRANSFER-PENSION-IN": ("transfer", "pension.transfer"),
    "CERT-PERSON": ("certificates", "certificate.issue"),
    "CERT-EMPLOYER": ("certificates", "certificate.issue"),
    "CARD-LOSS": ("card", "card.status"),
    "CARD-REISSUE": ("card", "card.status"),
    "PEN-RETIRE": ("benefits", "benefit.retirement"),
    "MED-REIMBURSE": ("medical", "medical.reimbursement"),
    "REFUND-ACCOUNT": ("refund", "refund.account"),
    "SVC-CONSULT": ("service", "service.consultation"),
    "SVC-COMPLAINT": ("service", "service.complaint"),
}


# -- the shipped catalogue -----------------------------------------------------------------
def test_the_shipped_catalogue_loads_with_every_group_of_the_brief() -> None:
    catalogue = load_catalogue()
    assert catalogue == CATALOGUE
    assert catalogue.version == "2026.1"
    assert catalogue.region == "示范区 / demo region"
    assert len(catalogue.items) >= 48
    assert {group.code for group in catalogue.groups} >= DOMAIN_GROUPS
    for group in catalogue.groups:
        assert group.items, group.code
        assert all(item.group == group.code for item in group.items)
    # Groups in their order, items in file order: registration's first item leads.
    orders = [group.order for group in catalogue.groups]
    assert orders == sorted(orders)
    assert catalogue.items[0].code == "REG-PERSON"


def test_the_custom_items_exist_with_their_handlers_and_only_they_have_one() -> None:
    for code, (group, handler) in HANDLED.items():
        item = CATALOGUE.item(code)
        assert (item.group, item.handler) == (group, handler), code
    others = [item.code for item in CATALOGUE.items if item.code not in HANDLED]
    assert [code for code in others if CATALOGUE.item(code).handler] == []


def test_individual_enrolment_needs_the_id_card_original() -> None:
    item = CATALOGUE.item("REG-PERSON")
    assert item.name_zh == "个人参保登记" and item.subject == "person"
    id_card = item.materials[0]
    assert (id_card.name_zh, id_card.required, id_card.form) == ("居民身份证", True, "original")
    assert item.required_materials == (id_card,)
    assert item.is_instant


def test_the_items_the_seeds_add_are_there() -> None:
    names = {item.name_zh for item in CATALOGUE.items}
    assert "居民医保参保缴费信息补录" in names
    assert {"月度缴费申报", "缴费通知"} <= names
    maternity = CATALOGUE.item("MED-MATERNITY")
    assert "生育津贴" in maternity.name_zh and "生育医疗费" in maternity.name_zh
    injury_claims = [
        item
        for item in CATALOGUE.group("work_injury").items
        if item.result == "payment" and item.review_level == 2
    ]
    assert len(injury_claims) >= 3


def test_the_domain_items_each_have_an_entry() -> None:
    # domain §3, one code per business the brief names.
    expected = {
        "registration": ["REG-EMPLOYER-CANCEL", "REG-PERSON-STOP", "REG-RESIDENT-CANCEL"],
        "change": ["CHG-EMPLOYER", "CHG-KEY-DATA", "CHG-QUALITY"],
        "contributions": [
            "CONTRIB-DEFER",
            "CONTRIB-ARREARS",
            "CONTRIB-RECONCILE",
            "CONTRIB-PAYMENT",
            "CONTRIB-DECLARE",
            "CONTRIB-NOTICE",
        ],
        "transfer": ["TRANSFER-MEDICAL"],
        "card": ["CARD-APPLY", "CARD-INFO"],
        "benefits": ["PEN-SURVIVAL", "PEN-SUSPEND", "PEN-OBJECTION"],
        "unemployment": ["UNEMP-CLAIM"],
        "medical": ["MED-ACCOUNT-ADJ", "MED-LOCK", "MED-RESIDENT-BACKENTRY"],
    }
    for group, codes in expected.items():
        for code in codes:
            assert CATALOGUE.item(code).group == group, code


# Figures of /reference/catalogue.md, each with the guide it comes from: code → (promised,
# legal, a source tag the item must cite, the confirmation mark of the reference table).
PUBLISHED = {
    # Bozhou guide for 缴费人员增减申报 (002014003001): legal 5, promised 1, 即办件; the same
    # figures cover individual enrolment (the employee's side of the same report).
    "STAFF-CHANGE": (1, 5, "bzqc", "G"),
    "REG-PERSON": (1, 5, "bzqc", "G"),
    # Cheng'an guide for 丧葬补助金、抚恤金申领 (002014006008): 15 working days.
    "PEN-FUNERAL": (15, 15, "chengan", "G"),
    # [D13] 005-005 (Yuzhou) 个人账户一次性待遇申领: 20 working days.
    "REFUND-ACCOUNT": (20, 20, "D13-005-005", "D"),
    # Hongze guide for 社会保障卡补领、换领、换发 and 挂失: legal and promised 1, 即办件.
    "CARD-REISSUE": (1, 1, "hz", "G"),
    "CARD-LOSS": (1, 1, "hz", "D"),
    # Wuhu guide for 社会保险缴费申报与变更: 1 working day.
    "CONTRIB-BASE": (1, 1, "weda", "G"),
    # Lingbao: construction-project work-injury enrolment legal 20, promised 1; public bodies 15.
    "REG-PROJECT": (1, 20, "lingbao", "D"),
    "REG-PUBLIC": (15, 15, "lingbao", "D"),
    # Wuchang (Hubei): resident pension transfer, legal and promised 1.
    "TRANSFER-RESIDENT-PENSION": (1, 1, "wuchang", "G"),
    # 国办发〔2009〕66号: three stages of 15 working days; the old place completes within 15.
    "TRANSFER-PENSION-IN": (15, 3 * 15, "gb2009-66", "G"),
    "TRANSFER-PENSION-OUT": (15, 15, "gb2009-66", "G"),
    # Guangdong estimate for the military-to-civilian transfer: 15.
    "TRANSFER-MILITARY": (15, 15, "gdvet", "G"),
    # Jinyun: duplicated-account refund, 5 working days to accept and review.
    "REFUND-DUPLICATE": (5, 5, "jinyun", "G"),
    # Deyang: recurrence confirmation, legal 3 working days, done on the spot.
    "INJ-RECURRENCE": (0, 3, "deyang", "G"),
    # Guangdong: unemployment benefit, 5 working days expected.
    "UNEMP-CLAIM": (5, 5, "gdue", "G"),
}


@pytest.mark.parametrize("code", sorted(PUBLISHED))
def test_time_limits_and_marks_follow_the_published_guides(code: str) -> None:
    promised, legal, tag, mark = PUBLISHED[code]
    item = CATALOGUE.item(code)
    assert item.time_limit == TimeLimit(promised=promised, legal=legal)
    assert tag in item.sources
    assert item.confirmed == mark


def test_basic_codes_are_those_the_local_guides_carry() -> None:
    assert CATALOGUE.item("STAFF-CHANGE").basic_code == "002014003001"  # [bzqc]
    assert CATALOGUE.item("PEN-FUNERAL").basic_code == "002014006008"  # [chengan]
    # Both belong to 002014 (人力资源社会保障) main items 003 and 006.
    known = [item.basic_code for item in CATALOGUE.items if item.basic_code]
    assert all(code.startswith("002014") for code in known)


def test_review_levels_follow_the_risk_of_each_item() -> None:
    special = [
        "CHG-KEY-DATA",
        "REFUND-ACCOUNT",
        "MED-ACCOUNT-ADJ",
        "MED-LOCK",
        "MED-RESIDENT-BACKENTRY",
    ]
    key = [
        "TRANSFER-PENSION-OUT",
        "TRANSFER-PENSION-IN",
        "PEN-RETIRE",
        "PEN-FUNERAL",
        "UNEMP-CLAIM",
        "MED-REIMBURSE",
        "MED-MATERNITY",
        "CONTRIB-BACKPAY",
    ]
    routine = ["REG-PERSON", "CHG-PERSON", "STAFF-CHANGE", "CERT-PERSON", "SVC-CONSULT"]
    assert {CATALOGUE.item(code).review_level for code in special} == {3}
    assert {CATALOGUE.item(code).review_level for code in key} == {2}
    assert {CATALOGUE.item(code).review_level for code in routine} == {1}
    assert all(item.review_level == 3 for item in CATALOGUE.group("refund").items)
    assert all(item.review_level >= 2 for item in CATALOGUE.group("transfer").items)


def test_items_that_compute_money_name_their_calculation() -> None:
    assert {item.code: item.calculation for item in CATALOGUE.items if item.calculation} == {
        "CONTRIB-BASE": "contribution_monthly",
        "CONTRIB-DECLARE": "contribution_monthly",
        "CONTRIB-FLEX": "flexible_payment",
        "CONTRIB-BACKPAY": "back_payment",
        "REFUND-ACCOUNT": "account_refund",
        "MED-REIMBURSE": "reimbursement",
    }


def test_every_item_but_individual_enrolment_has_a_form() -> None:
    assert CATALOGUE.item("REG-PERSON").fields == ()
    assert [item.code for item in CATALOGUE.items if not item.fields] == ["REG-PERSON"]


def test_form_fields_are_typed_by_what_they_hold() -> None:
    for item in CATALOGUE.items:
        for field in item.fields:
            where = f"{item.code}.{field.name}"
            if field.name.endswith("id_number"):
                assert field.type == "id_number", where
            if field.name.endswith("credit_code"):
                assert field.type == "credit_code", where
            if field.name == "month" or field.name.endswith("_month"):
                assert field.type == "month", where
            if field.name.endswith("amount") or field.name in ("base", "total_base"):
                assert field.type == "money", where
            if field.type in ("choice", "multichoice"):
                assert field.choices, where


def test_confirmation_marks_are_backed_by_their_sources() -> None:
    for item in CATALOGUE.items:
        if item.confirmed == "D":
            # D: seen in a republished copy of the national directory ([D1]…[D14]).
            assert any(tag.startswith("D") for tag in item.sources), item.code
        if item.confirmed == "G":
            assert any("http" in CATALOGUE.sources[tag] for tag in item.sources), item.code


def test_bundles_chain_existing_items() -> None:
    retire = CATALOGUE.bundle("BUNDLE-RETIRE")
    assert retire.name_zh == "退休一件事"
    assert {"PEN-RETIRE", "MED-RETIREE"} <= set(retire.items)
    death = CATALOGUE.bundle("BUNDLE-DEATH")
    assert death.name_zh == "身后一件事"
    assert {"PEN-FUNERAL", "REFUND-ACCOUNT", "CARD-CANCEL"} <= set(death.items)
    for bundle in CATALOGUE.bundles:
        assert len(bundle.items) >= 2
        assert all(CATALOGUE.find(code) is not None for code in bundle.items)


def test_lookups_and_their_errors() -> None:
    assert CATALOGUE.find("NO-SUCH") is None
    with pytest.raises(KeyError, match="NO-SUCH"):
        CATALOGUE.item("NO-SUCH")
    with pytest.raises(KeyError, match="nowhere"):
        CATALOGUE.group("nowhere")
    with pytest.raises(KeyError, match="BUNDLE-NONE"):
        CATALOGUE.bundle("BUNDLE-NONE")
    assert CATALOGUE.group("card").name_zh == "社会保障卡"


def test_json_round_trip_and_content_hash() -> None:
    data = CATALOGUE.to_json()
    assert json.loads(json.dumps(data)) == data
    again = Catalogue.from_json(data)
    assert again == CATALOGUE
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert CATALOGUE.content_hash() == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert again.content_hash() == CATALOGUE.content_hash()
    data["groups"][0]["items"][0]["name_zh"] = "个人参保登记（改）"
    assert Catalogue.from_json(data).content_hash() != CATALOGUE.content_hash()


def test_from_json_checks_the_cross_references_too() -> None:
    data = CATALOGUE.to_json()
    data["groups"][1]["items"][0]["code"] = data["groups"][0]["items"][0]["code"]
    with pytest.raises(ValidationError, match="REG-PERSON"):
        Catalogue.from_json(data)


# -- the models on their own -----------------------------------------------------------------
def choice_field(**extra: Any) -> FormField:
    fields = {
        "name": "reason",
        "label_zh": "原因",
        "label_en": "Reason",
        "type": "choice",
        "choices": [
            {"value": "a", "label_zh": "甲", "label_en": "A"},
            {"value": "b", "label_zh": "乙", "label_en": "B"},
        ],
    }
    return FormField.model_validate({**fields, **extra})


def plain_field(kind: str, **extra: Any) -> FormField:
    return FormField.model_validate(
        {"name": "value", "label_zh": "值", "label_en": "Value", "type": kind, **extra}
    )


def test_choice_fields_need_choices_and_others_take_none() -> None:
    with pytest.raises(ValidationError, match="at least one choice"):
        choice_field(choices=[])
    with pytest.raises(ValidationError, match="takes no choices"):
        choice_field(type="text")
    with pytest.raises(ValidationError, match="repeat"):
        choice_field(choices=[{"value": "a", "label_zh": "甲", "label_en": "A"}] * 2)


def test_defaults_must_be_valid_values() -> None:
    assert choice_field(default="b").default == "b"
    with pytest.raises(ValidationError, match="default"):
        choice_field(default="c")
    assert choice_field(type="multichoice", default="a,b").default == "a,b"
    with pytest.raises(ValidationError, match="default"):
        choice_field(type="multichoice", default="a,z")
    assert plain_field("money", default="12.30").default == "12.30"
    with pytest.raises(ValidationError, match="two decimals"):
        plain_field("money", default="1.234")
    with pytest.raises(ValidationError, match="maximum"):
        plain_field("integer", default="13", min=1, max=12)
    with pytest.raises(ValidationError, match="true or false"):
        plain_field("bool", default="yes")
    with pytest.raises(ValidationError, match="month"):
        plain_field("month", default="2026-13")
    with pytest.raises(ValidationError, match="date"):
        plain_field("date", default="2026-02-30")


def test_identity_numbers_are_checked_by_their_standards() -> None:
    # GB 11643-1999 and GB 32100-2015 check characters, computed in tests/standards.py.
    valid_id = gb11643_id("11010519491231002")
    assert valid_id == "11010519491231002X"  # the standard's own example
    field = plain_field("id_number")
    assert field.value_problem(valid_id) is None
    wrong = valid_id[:17] + ("0" if valid_id[17] != "0" else "1")
    assert "check digit" in (field.value_problem(wrong) or "")
    code = gb32100_code("91350100", "M000100Y")
    assert plain_field("credit_code").value_problem(code) is None
    assert plain_field("credit_code").value_problem(code[:17] + "I") is not None


def test_field_rules() -> None:
    with pytest.raises(ValidationError, match="does not compile"):
        plain_field("text", pattern="[")
    with pytest.raises(ValidationError, match="numbers"):
        plain_field("text", min=1)
    with pytest.raises(ValidationError, match="text fields"):
        plain_field("integer", max_length=3)
    with pytest.raises(ValidationError, match="not whole"):
        plain_field("integer", min="1.5")
    with pytest.raises(ValidationError, match="above max"):
        plain_field("money", min=10, max=1)
    with pytest.raises(ValidationError, match="name"):
        FormField.model_validate(
            {"name": "Bad Name", "label_zh": "x", "label_en": "x", "type": "text"}
        )
    postcode = plain_field("text", pattern="[0-9]{6}", required=False)
    assert postcode.value_problem("") is None
    assert postcode.value_problem("10000") is not None
    assert plain_field("text").value_problem("  ") == "a value is required"
    amount = plain_field("money", min=Decimal("0.01"))
    assert amount.value_problem("0") is not None and amount.value_problem("-1") is not None


def test_time_limits_materials_and_codes() -> None:
    with pytest.raises(ValidationError, match="shorter than the promised"):
        TimeLimit(promised=5, legal=1)
    with pytest.raises(ValidationError):
        TimeLimit(promised=-1, legal=0)
    with pytest.raises(ValidationError, match="deferred"):
        Material(
            code="photo", name_zh="照片", name_en="Photo", required=False, form="original",
            deferrable=True,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="count"):
        Material(code="photo", name_zh="照片", name_en="Photo", required=True, form="copy", count=0)
    item = CATALOGUE.item("REG-PERSON").model_dump()
    for key, value in (("code", "reg-person"), ("code", "REG"), ("basic_code", "00201400300")):
        with pytest.raises(ValidationError, match=key):
            Item.model_validate({**item, key: value})
    with pytest.raises(ValidationError, match="legal_basis"):
        Item.model_validate({**item, "legal_basis": []})


def test_models_are_frozen() -> None:
    with pytest.raises(ValidationError):
        CATALOGUE.item("REG-PERSON").name_zh = "x"  # type: ignore[misc]


# -- drafts ----------------------------------------------------------------------------------
def draft(tmp_path: Path) -> Path:
    target = tmp_path / "draft"
    shutil.copytree(shipped_catalogue_dir(), target)
    return target


def edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")


def entry(data: dict[str, Any], code: str, key: str = "items") -> dict[str, Any]:
    (found,) = [entry for entry in data[key] if entry["code"] == code]
    return found


def refusal(directory: Path) -> CatalogueError:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(directory)
    return caught.value


def assert_named(error: CatalogueError, file: str, item: str, field: str) -> None:
    assert (error.file, error.item, error.field) == (file, item, field)
    first = str(error).splitlines()[0]
    assert first.startswith(f"{file}: ") and f" {item}: {field}: " in first


def test_a_bad_material_form_names_file_item_and_field(tmp_path: Path) -> None:
    folder = draft(tmp_path)

    def change(data: dict[str, Any]) -> None:
        entry(data, "REG-PERSON")["materials"][0]["form"] = "photocopy"

    edit(folder / "01_registration.toml", change)
    error = refusal(folder)
    assert_named(error, "01_registration.toml", "REG-PERSON", "materials.0.form")
    assert "Input should be 'original'" in str(error)


def test_an_unknown_source_tag_is_refused(tmp_path: Path) -> None:
    folder = draft(tmp_path)
    position = len(CATALOGUE.item("CERT-PERSON").sources)

    def change(data: dict[str, Any]) -> None:
        entry(data, "CERT-PERSON")["sources"].append("nosuchtag")

    edit(folder / "06_certificates.toml", change)
    error = refusal(folder)
    assert_named(error, "06_certificates.toml", "CERT-PERSON", f"sources.{position}")
    assert "nosuchtag" in str(error)


def test_a_duplicate_code_is_refused_where_it_repeats(tmp_path: Path) -> None:
    folder = draft(tmp_path)

    def change(data: dict[str, Any]) -> None:
        entry(data, "CARD-PIN")["code"] = "REG-PERSON"

    edit(folder / "07_card.toml", change)
    error = refusal(folder)
    assert_named(error, "07_card.toml", "REG-PERSON", "code")
    assert "registration" in str(error)


def test_a_missing_required_key_is_refused(tmp_path: Path) -> None:
    folder = draft(tmp_path)

    def change(data: dict[str, Any]) -> None:
        del entry(data, "CONTRIB-BASE")["review_level"]

    edit(folder / "04_contributions.toml", change)
    error = refusal(folder)
    assert_named(error, "04_contributions.toml", "CONTRIB-BASE", "review_level")
    assert "Field required" in str(error)


def test_a_bundle_naming_a_missing_item_is_refused(tmp_path: Path) -> None:
    folder = draft(tmp_path)
    position = CATALOGUE.bundle("BUNDLE-DEATH").items.index("CARD-CANCEL")

    def change(data: dict[str, Any]) -> None:
        entry(data, "BUNDLE-DEATH", "bundles")["items"][position] = "CARD-NOPE"

    edit(folder / "bundles.toml", change)
    error = refusal(folder)
    assert_named(error, "bundles.toml", "BUNDLE-DEATH", f"items.{position}")
    assert "bundle BUNDLE-DEATH" in str(error) and "CARD-NOPE" in str(error)


def test_a_bad_field_definition_and_an_unknown_key_are_refused_together(tmp_path: Path) -> None:
    folder = draft(tmp_path)

    def change(data: dict[str, Any]) -> None:
        entry(data, "STAFF-CHANGE")["fields"][1]["choices"] = []
        entry(data, "STAFF-CORRECT")["colour"] = "red"

    edit(folder / "03_staff.toml", change)
    error = refusal(folder)
    assert_named(error, "03_staff.toml", "STAFF-CHANGE", "fields.1")
    assert "at least one choice" in str(error)
    second = str(error).splitlines()[1]
    assert second.startswith("03_staff.toml: item STAFF-CORRECT: colour: Extra inputs")
    assert len(error.problems) == 2


def test_an_item_claiming_another_group_is_refused(tmp_path: Path) -> None:
    folder = draft(tmp_path)

    def change(data: dict[str, Any]) -> None:
        entry(data, "REG-PUBLIC")["group"] = "card"

    edit(folder / "01_registration.toml", change)
    assert_named(refusal(folder), "01_registration.toml", "REG-PUBLIC", "group")


def test_broken_files_are_named(tmp_path: Path) -> None:
    folder = draft(tmp_path)
    (folder / "05_transfer.toml").write_text("[group\ncode = 1\n", encoding="utf-8")
    error = refusal(folder)
    assert error.file == "05_transfer.toml" and "not valid TOML" in str(error)

    folder = tmp_path / "empty"
    folder.mkdir()
    assert refusal(folder).file == "index.toml"
    assert "not a catalogue directory" in str(refusal(tmp_path / "absent"))

    folder = draft(tmp_path / "two")

    def change(data: dict[str, Any]) -> None:
        data["effective"] = "soon"
        data["sources"]["D1"] = " "

    edit(folder / "index.toml", change)
    error = refusal(folder)
    assert (error.file, error.field) == ("index.toml", "effective")


def single_file(path: Path) -> dict[str, Any]:
    """The shipped catalogue rewritten as one draft file."""
    folder = shipped_catalogue_dir()
    data = tomllib.loads((folder / "index.toml").read_text(encoding="utf-8"))
    data["groups"] = []
    for file in sorted(folder.glob("*.toml")):
        if file.name in ("index.toml", "bundles.toml"):
            continue
        part = tomllib.loads(file.read_text(encoding="utf-8"))
        data["groups"].append({**part["group"], "items": part["items"]})
    data["bundles"] = tomllib.loads((folder / "bundles.toml").read_text(encoding="utf-8"))[
        "bundles"
    ]
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return data


def test_a_single_file_draft_loads_to_the_same_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    single_file(path)
    catalogue = load_catalogue_file(path)
    assert catalogue.content_hash() == CATALOGUE.content_hash()
    assert load_catalogue_file(shipped_catalogue_dir()) == CATALOGUE


def test_a_single_file_draft_names_the_item_of_a_fault(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    data = single_file(path)
    data["groups"][2]["items"][0]["time_limit"] = {"promised": 3, "legal": 1}
    data["title_zh"] = ""
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue_file(path)
    lines = str(caught.value).splitlines()
    assert lines[0].startswith("draft.toml: index: title_zh: ")
    assert lines[1].startswith("draft.toml: item STAFF-CHANGE: time_limit: ")
    assert "shorter than the promised" in lines[1]


def test_the_catalogue_imports_only_the_domain() -> None:
    for path in (ROOT / "counter_app" / "catalogue").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                if name.startswith("counter_"):
                    assert name.startswith(("counter_app.domain", "counter_app.catalogue")), (
                        f"{path.name} imports {name}"
                    )
