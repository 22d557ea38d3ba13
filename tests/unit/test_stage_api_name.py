"""Each stage's REST API has its own name, and the 5xx alarm watches that stage's only: API
Gateway's REST API metrics are per ApiName and Stage, and chalice names every stage's API after
the app, so two stages in one account would otherwise be one metric."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from infra.package import REST_API, PackageError, api_name, name_api
from tests.unit.test_deploy_config import _CfnLoader

TEMPLATE = Path(__file__).resolve().parents[2] / "infra" / "template.yaml"


def _chalice_template() -> dict[str, Any]:
    """What chalice package emits for the API, reduced to what naming touches."""
    body = {"swagger": "2.0", "info": {"title": "stratus", "version": "1.0"}, "paths": {"/": {}}}
    return {
        "Resources": {
            REST_API: {"Type": "AWS::Serverless::Api", "Properties": {"DefinitionBody": body}}
        }
    }


def test_the_packaged_api_is_named_after_its_stage() -> None:
    dev, prod = _chalice_template(), _chalice_template()
    name_api(dev, "dev")
    name_api(prod, "prod")
    names = []
    for template in (dev, prod):
        properties = template["Resources"][REST_API]["Properties"]
        assert properties["Name"] == properties["DefinitionBody"]["info"]["title"]
        assert properties["DefinitionBody"]["paths"] == {"/": {}}  # the routes are kept
        names.append(properties["Name"])
    assert names == [api_name("dev"), api_name("prod")] == ["stratus-dev", "stratus-prod"]


def test_a_template_without_the_api_is_refused() -> None:
    with pytest.raises(PackageError):
        name_api({"Resources": {}}, "dev")


def test_the_5xx_alarm_watches_its_own_stages_api_by_default() -> None:
    template = yaml.load(TEMPLATE.read_text(), Loader=_CfnLoader)  # noqa: S506 (SafeLoader)
    assert template["Parameters"]["ApiName"]["Default"] == ""
    assert template["Conditions"]["StageApiName"] == {"Equals": [{"Ref": "ApiName"}, ""]}
    alarm = template["Resources"]["ApiGatewayServerErrorsAlarm"]["Properties"]
    dimensions = {d["Name"]: d["Value"] for d in alarm["Dimensions"]}
    assert dimensions["ApiName"] == {
        "If": ["StageApiName", {"Sub": f"{api_name('${Stage}')}"}, {"Ref": "ApiName"}]
    }
