"""sObject Collections (`/composite/sobjects`): create, update and delete up to 200 records in one
API call, each answered by its own SaveResult.

REST API Developer Guide, "sObject Collections"
(https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections.htm
and its Create / Update / Delete pages): POST and PATCH take ``{"allOrNone", "records"}``, every
record with ``attributes.type`` (POST: no ``id``; PATCH: with ``id``); DELETE takes
``?ids=a,b&allOrNone=``. A well-formed request answers 200 with one SaveResult per record, in
order: ``{"id", "success": true, "errors": []}`` or ``{"success": false, "errors":
[{"statusCode", "message", "fields"}]}``. With ``allOrNone`` true one failure rolls every record
back, and the others answer ``ALL_OR_NONE_OPERATION_ROLLED_BACK`` (AllOrNoneHeader, SOAP API).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .ids import canonical_id
from .org import ApiError, Org, UserView
from .schema import type_for_id

#: "The list can contain up to 200 objects."
MAX_RECORDS = 200

_ROLLED_BACK = {
    "statusCode": "ALL_OR_NONE_OPERATION_ROLLED_BACK",
    "message": "Record rolled back because not all records were valid and the request was "
    "using AllOrNone header",
    "fields": [],
}

Result = dict[str, Any]
Answer = tuple[int, Any, dict[str, str]]


def serve(org: Org, view: UserView, method: str, args: dict[str, list[str]], body: Any) -> Answer:
    """One `/composite/sobjects` request (the caller holds the emulator's lock)."""
    if method == "DELETE":
        ids = ",".join(args.get("ids") or []).split(",")
        all_or_none = (args.get("allOrNone") or ["false"])[0].lower() == "true"
        ids = [i.strip() for i in ids if i.strip()]
        if not ids:
            raise ApiError(400, "MISSING_ARGUMENT", "ids parameter is required")
        return _run(org, ids, all_or_none, lambda item: _delete_one(org, view, item), keep_ids=True)
    if method not in {"POST", "PATCH"}:
        raise ApiError(
            405,
            "METHOD_NOT_ALLOWED",
            f"HTTP Method '{method}' not allowed. Allowed are POST,PATCH,DELETE",
        )
    records, all_or_none = _records(body)
    if method == "POST":
        return _run(org, records, all_or_none, lambda item: _create_one(org, view, item))
    return _run(org, records, all_or_none, lambda item: _update_one(org, view, item), keep_ids=True)


def _records(body: Any) -> tuple[list[dict[str, Any]], bool]:
    if not isinstance(body, dict) or not isinstance(body.get("records"), list):
        raise ApiError(400, "JSON_PARSER_ERROR", "'records' is a required field.")
    records = body["records"]
    for record in records:
        attributes = record.get("attributes") if isinstance(record, dict) else None
        if not isinstance(attributes, dict) or not isinstance(attributes.get("type"), str):
            raise ApiError(400, "INVALID_TYPE", "Must send a concrete entity type.")
    return records, body.get("allOrNone") is True


def _run(
    org: Org,
    items: list[Any],
    all_or_none: bool,
    one: Callable[[Any], Result],
    *,
    keep_ids: bool = False,
) -> Answer:
    """Each item in order; `keep_ids`: a rolled-back result still names its record (updates
    and deletes; a rolled-back insert has no record)."""
    if len(items) > MAX_RECORDS:
        raise ApiError(
            400,
            "EXCEEDED_ID_LIMIT",
            f"record limit reached. cannot submit more than {MAX_RECORDS} records into this call",
        )
    snapshot = org.snapshot() if all_or_none else None
    results = [one(item) for item in items]
    if snapshot is not None and not all(r["success"] for r in results):
        org.restore(snapshot)
        results = [_rolled_back(r, keep_ids) for r in results]
    return 200, results, {}


def _rolled_back(result: Result, keep_id: bool) -> Result:
    if not result["success"]:
        return result
    rolled: Result = {"success": False, "errors": [dict(_ROLLED_BACK)]}
    return {"id": result["id"], **rolled} if keep_id else rolled


def _failure(exc: ApiError, record_id: str | None = None) -> Result:
    error = {"statusCode": exc.code, "message": exc.message, "fields": exc.fields or []}
    result: Result = {"success": False, "errors": [error]}
    return {"id": record_id, **result} if record_id else result


def _fields(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "attributes"}


def _create_one(org: Org, view: UserView, record: dict[str, Any]) -> Result:
    fields = _fields(record)
    try:
        if any(key.lower() == "id" for key in fields):
            raise ApiError(400, "INVALID_FIELD", "cannot specify Id in an insert call", ["Id"])
        created = org.create(view, record["attributes"]["type"], fields)
    except ApiError as exc:
        return _failure(exc)
    return {"id": created["Id"], "success": True, "errors": []}


def _existing(org: Org, type_name: str | None, raw_id: Any) -> str:
    """The canonical id of a live record of the type (else the SaveResult's error)."""
    record_id = canonical_id(raw_id) if isinstance(raw_id, str) else None
    obj = type_for_id(record_id) if record_id else None
    if record_id is None or obj is None or (type_name and obj.name.lower() != type_name.lower()):
        raise ApiError(400, "MALFORMED_ID", f"malformed id {raw_id}", ["Id"])
    if record_id in org.deleted[obj.name]:
        raise ApiError(400, "ENTITY_IS_DELETED", "entity is deleted", [])
    if record_id not in org.records[obj.name]:
        raise ApiError(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", [])
    return record_id


def _update_one(org: Org, view: UserView, record: dict[str, Any]) -> Result:
    fields = _fields(record)
    raw_id = fields.pop("id", fields.pop("Id", None))
    type_name = record["attributes"]["type"]
    try:
        if raw_id is None:
            raise ApiError(400, "MISSING_ARGUMENT", "Id not specified in an update call", [])
        record_id = _existing(org, type_name, raw_id)
        org.update(view, type_name, record_id, fields)
    except ApiError as exc:
        return _failure(_as_save_error(exc), raw_id if isinstance(raw_id, str) else None)
    return {"id": record_id, "success": True, "errors": []}


def _delete_one(org: Org, view: UserView, raw_id: str) -> Result:
    try:
        record_id = _existing(org, None, raw_id)
        obj = type_for_id(record_id)
        assert obj is not None
        org.delete(view, obj.name, record_id)
    except ApiError as exc:
        return _failure(_as_save_error(exc))
    return {"id": record_id, "success": True, "errors": []}


def _as_save_error(exc: ApiError) -> ApiError:
    """A record the user cannot see answers, in a SaveResult, like one that does not exist."""
    if exc.code == "NOT_FOUND":
        return ApiError(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", [])
    return exc
