"""Publishing a version of the service catalogue (``catalogue.publish``).

The catalogue is central data: an administrator checks a draft (``counter-admin catalogue
check``) and publishes it; the command travels through the journal to every workstation
(scope ``*``), which then offers that version's items. A published version never changes:
publishing the same version again with other content is refused — a change is a new version,
and cases keep pointing at the version they were accepted under.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from counter_app.catalogue.schema import Catalogue
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.storage.rowcodec import canonical_json
from counter_app.storage.shared_models import CatalogueVersionRow

PUBLISH = "catalogue.publish"


@dataclass(frozen=True)
class CataloguePublication:
    version: str
    content: str  # canonical JSON of the catalogue
    content_hash: str


def publication(catalogue: Catalogue) -> CataloguePublication:
    content = canonical_json(catalogue.to_json())
    return CataloguePublication(catalogue.version, content, catalogue.content_hash())


def apply_publish(ctx: ApplyContext, command: Command, p: CataloguePublication) -> None:
    if hashlib.sha256(p.content.encode("utf-8")).hexdigest() != p.content_hash:
        raise ValidationError("content_hash", "mismatch", "the content does not match its hash")
    try:
        catalogue = Catalogue.from_json(json.loads(p.content))
    except (ValueError, TypeError) as exc:
        raise ValidationError("content", "invalid", f"not a valid catalogue: {exc}") from None
    if catalogue.version != p.version:
        raise ValidationError("version", "mismatch", "the version differs from the content's")
    existing = ctx.get(CatalogueVersionRow, p.version)
    if existing is not None:
        raise Conflict(
            "version_published",
            f"catalogue version {p.version} is already published; publish a new version",
        )
    ctx.put(
        CatalogueVersionRow(
            version=p.version,
            content=p.content,
            content_hash=p.content_hash,
            published_at=ctx.now.replace(tzinfo=None),
            published_by=command.actor,
        )
    )


SPEC = ItemSpec(
    kind=PUBLISH,
    payload_type=CataloguePublication,
    permission=Permission.MANAGE_USERS,
    apply=apply_publish,
    label=Text("发布事项目录", "Catalogue published"),
    scope="*",
    conflicts={
        "version_published": Text(
            "该目录版本已发布，请以新版本号发布", "This catalogue version is already published"
        )
    },
    changes=lambda _p: Changes(catalogue=True),
)
