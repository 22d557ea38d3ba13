"""Reading a ContentVersion upload: ``POST sobjects/ContentVersion`` as multipart/form-data.

The documented shape (https://developer.salesforce.com/docs/platform/api-rest/guide/dome-sobject-insert-update-blob.html,
files up to 2 GB): a first, non-binary part ``entity_content`` (application/json: the record's
fields), then the binary part ``VersionData`` with a filename. The body may be chunked
(werkzeug's server de-chunks it and marks the input terminated) or carry a Content-Length; it
is read in slices, hashed on the way, and kept only while small (rules.KEEP_BYTES_UP_TO).
"""

from __future__ import annotations

import hashlib
import json
from typing import IO, Any

from werkzeug.sansio.multipart import Data, Epilogue, Event, Field, File, MultipartDecoder, NeedData
from werkzeug.wrappers import Request

from .org import StoredBlob
from .rules import KEEP_BYTES_UP_TO

#: The largest ContentVersion file (2 GB) plus room for the JSON part and the boundaries.
MAX_UPLOAD_BYTES = 2 * 1024**3 + 1024 * 1024
ENTITY_PART = "entity_content"
BINARY_PART = "VersionData"
_PARTS = (ENTITY_PART, BINARY_PART)
_MAX_ENTITY_BYTES = 1024 * 1024
_READ_SIZE = 256 * 1024


class UploadError(Exception):
    """A multipart body Salesforce would refuse: (errorCode, message) in its error format."""

    def __init__(self, message: str, code: str = "INVALID_MULTIPART_REQUEST") -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def body(self) -> list[dict[str, Any]]:
        return [{"message": self.message, "errorCode": self.code}]


def is_upload(request: Request) -> bool:
    return request.mimetype.startswith("multipart/")


def read_upload(request: Request) -> tuple[dict[str, Any], StoredBlob]:
    """The entity_content fields and the VersionData fingerprint of a multipart upload."""
    boundary = _boundary(request)
    request.max_content_length = MAX_UPLOAD_BYTES
    stream = request.stream
    parser = _UploadParser(boundary)
    try:
        while True:
            chunk = stream.read(_READ_SIZE)
            parser.feed(chunk or None)
            if not chunk:
                break
    finally:
        drain(stream)
    return parser.result()


def drain(stream: IO[bytes]) -> None:
    """Read what is left of a request body, so the client may finish sending before we answer."""
    while stream.read(_READ_SIZE):
        pass


def _boundary(request: Request) -> bytes:
    boundary = request.mimetype_params.get("boundary", "")
    if request.mimetype != "multipart/form-data" or not boundary:
        raise UploadError("Multipart requests need multipart/form-data with a boundary.")
    return boundary.encode("latin-1")


class _UploadParser:
    """Events of werkzeug's streaming multipart decoder, checked against the documented parts."""

    def __init__(self, boundary: bytes) -> None:
        self.decoder = MultipartDecoder(boundary)
        self.parts: list[str] = []
        self.entity = bytearray()
        self.sha256 = hashlib.sha256()
        self.md5 = hashlib.md5(usedforsecurity=False)
        self.size = 0
        self.kept: bytearray | None = bytearray()
        self.complete = False

    def feed(self, chunk: bytes | None) -> None:
        self.decoder.receive_data(chunk)
        while not self.complete:
            try:
                event = self.decoder.next_event()
            except ValueError as exc:
                raise UploadError(f"Malformed multipart body: {exc}") from None
            if isinstance(event, NeedData):
                return
            self._on(event)

    def _on(self, event: Event) -> None:
        if isinstance(event, Field | File):
            self._start_part(event)
        elif isinstance(event, Data):
            self._data(event.data)
        elif isinstance(event, Epilogue):
            self.complete = True

    def _start_part(self, event: Field | File) -> None:
        if len(self.parts) >= len(_PARTS):
            raise UploadError("A ContentVersion upload has exactly two parts.")
        expected = _PARTS[len(self.parts)]
        if event.name != expected:
            raise UploadError(f"Unexpected part '{event.name}': expected '{expected}'.")
        if expected == ENTITY_PART:
            content_type = (event.headers.get("Content-Type") or "").split(";")[0].strip()
            if isinstance(event, File) or content_type.lower() != "application/json":
                raise UploadError("Multipart message must include a non-binary part")
        elif not isinstance(event, File) or not event.filename:
            raise UploadError("The binary part VersionData needs a filename.")
        self.parts.append(expected)

    def _data(self, data: bytes) -> None:
        if self.parts[-1] == ENTITY_PART:
            self.entity.extend(data)
            if len(self.entity) > _MAX_ENTITY_BYTES:
                raise UploadError("The entity_content part is too large.")
            return
        self.sha256.update(data)
        self.md5.update(data)
        self.size += len(data)
        if self.kept is not None:
            self.kept.extend(data)
            if len(self.kept) > KEEP_BYTES_UP_TO:
                self.kept = None

    def result(self) -> tuple[dict[str, Any], StoredBlob]:
        if not self.complete:
            raise UploadError("Malformed multipart body: the closing boundary is missing.")
        if self.parts != list(_PARTS):
            raise UploadError("Binary data is missing: the VersionData part is required.")
        try:
            entity = json.loads(self.entity)
        except (ValueError, UnicodeDecodeError) as exc:
            raise UploadError(f"Unexpected character: {exc}", "JSON_PARSER_ERROR") from None
        if not isinstance(entity, dict):
            raise UploadError(
                "Cannot deserialize instance of ContentVersion from non-object value",
                "JSON_PARSER_ERROR",
            )
        blob = StoredBlob(
            sha256=self.sha256.hexdigest(),
            md5=self.md5.hexdigest(),
            size=self.size,
            data=bytes(self.kept) if self.kept is not None else None,
        )
        return entity, blob
