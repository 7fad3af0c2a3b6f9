"""Private storage for evidence photos: outside MEDIA_ROOT, without a public URL.

Files are only ever served by a view that checks the case's permissions first.
Its folder is the SANCTIONS_PRIVATE_ROOT setting (see docs/operations.md).
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_root() -> str:
    return str(settings.SANCTIONS_PRIVATE_ROOT)


class PrivateStorage(FileSystemStorage):
    """Reads its location on every use so that tests (and settings changes) take effect."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return private_root()

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)

    def url(self, name):  # noqa: ARG002 - never public
        raise ValueError("Evidence files have no public address.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()
