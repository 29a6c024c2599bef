"""What a session's material may be: an uploaded file of a known document type and at most
MAX_BYTES, recognised by its first bytes (not only its name), or an http(s) link."""

from pathlib import PurePath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024

# extension → the bytes such a file starts with (Office Open XML and OpenDocument files are ZIP archives)
_ZIP = (b"PK\x03\x04",)
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "pptx": _ZIP,
    "docx": _ZIP,
    "xlsx": _ZIP,
    "odp": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}


def check_upload(upload) -> str:
    """The file type of `upload` (its extension, lower case) if it may be stored; else ValidationError."""
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    allowed = ", ".join(sorted(SIGNATURES))
    if extension not in SIGNATURES:
        raise ValidationError(
            {"file": _("Files of this type cannot be uploaded; allowed: %(types)s.") % {"types": allowed}}
        )
    if upload.size > MAX_BYTES:
        raise ValidationError({"file": _("The file is larger than %(limit)s.") % {"limit": filesizeformat(MAX_BYTES)}})
    if upload.size == 0:
        raise ValidationError({"file": _("The file is empty.")})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES[extension]):
        raise ValidationError({"file": _("The file's content is not a %(type)s file.") % {"type": extension.upper()}})
    return extension


def check_link(url: str) -> str:
    """`url` if it is an http or https address; else ValidationError."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValidationError({"url": _("Give a web address starting with http:// or https://.")})
    return url
