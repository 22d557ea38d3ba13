"""The OpenAPI 3.1 document, built from Chalice's route table and the pydantic models."""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from chalicelib.cookies import SESSION_COOKIE
from chalicelib.errors import ErrorCode
from chalicelib.web import ROUTE_DOCS, RouteDoc

_PARAM = re.compile(r"{(\w+)}")


class ErrorDetail(BaseModel):
    code: ErrorCode
    message: str


class Error(BaseModel):
    """Every error the API answers: `{"error": {"code", "message"}}`."""

    error: ErrorDetail


def resolve(ref: type[BaseModel] | str) -> type[BaseModel]:
    """A model, or "module:Name" imported on demand."""
    if isinstance(ref, str):
        module, _, name = ref.partition(":")
        model: type[BaseModel] = getattr(importlib.import_module(module), name)
        return model
    return ref


def _schema_ref(ref: type[BaseModel] | str, components: dict[str, Any]) -> dict[str, Any]:
    model = resolve(ref)
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in schema.pop("$defs", {}).items():
        components[name] = definition
    components[model.__name__] = schema
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _query_parameters(ref: type[BaseModel] | str) -> list[dict[str, Any]]:
    schema = resolve(ref).model_json_schema()
    required = set(schema.get("required", []))
    return [
        {"name": name, "in": "query", "required": name in required, "schema": prop}
        for name, prop in schema.get("properties", {}).items()
    ]


def _operation(doc: RouteDoc, path: str, components: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = {"summary": doc.summary, "tags": list(doc.tags)}
    parameters = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in _PARAM.findall(path)
    ]
    if doc.query is not None:
        parameters.extend(_query_parameters(doc.query))
    if parameters:
        operation["parameters"] = parameters
    if doc.body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _schema_ref(doc.body, components)}},
        }
    responses: dict[str, Any] = {}
    for status, model in sorted(doc.responses.items()):
        if model is None:
            responses[str(status)] = {"description": f"HTTP {status}"}
        else:
            responses[str(status)] = {
                "description": f"HTTP {status}",
                "content": {doc.content_type: {"schema": _schema_ref(model, components)}},
            }
    responses["default"] = {
        "description": "An error",
        "content": {"application/json": {"schema": _schema_ref(Error, components)}},
    }
    operation["responses"] = responses
    if doc.auth:
        operation["security"] = [{"session": []}, {"bearer": []}]
    return operation


def build_openapi(routes: Mapping[str, Mapping[str, Any]], version: str) -> dict[str, Any]:
    """Walk the route table; every documented view becomes an operation."""
    components: dict[str, Any] = {}
    paths: dict[str, Any] = {}
    for path in sorted(routes):
        for method, entry in sorted(routes[path].items()):
            doc = ROUTE_DOCS.get(entry.view_function)
            if doc is None:
                continue
            paths.setdefault(path, {})[method.lower()] = _operation(doc, path, components)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Stratus API",
            "version": version,
            "description": "The backend of a sales-email companion for Salesforce.",
        },
        "paths": paths,
        "components": {
            "schemas": dict(sorted(components.items())),
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": SESSION_COOKIE},
                "bearer": {"type": "http", "scheme": "bearer"},
            },
        },
    }
