"""The hub's configuration files load, and the one-machine and Kubernetes setups agree.

Fast and without root: the configs are loaded with traitlets (as JupyterHub and nbgrader
load them), not run. The real hub is tested end to end in test_hub_course.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from traitlets.config import Config, PyFileConfigLoader

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "jupyterhub"
K8S = DEPLOY / "kubernetes"


def load(path: Path) -> Config:
    return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Config:
    monkeypatch.setenv("BONEMETS_INSTRUCTORS", "ann")
    monkeypatch.setenv("BONEMETS_STUDENTS", "bo, cy")
    return load(DEPLOY / "jupyterhub_config.py")


def roles_by_name(roles: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in roles}


def test_groups_follow_nbgrader_naming_and_the_adapt_block(hub: Config) -> None:
    assert hub.JupyterHub.load_groups == {
        "formgrade-bonemets": {"users": ["ann", "grader-bonemets"]},
        "nbgrader-bonemets": {"users": ["bo", "cy"]},
    }
    assert hub.Authenticator.allowed_users == {"ann", "bo", "cy"}  # not the grader account


def test_only_the_instructors_group_reaches_formgrader(hub: Config) -> None:
    service_access = "access:services!service=bonemets"
    holders = [r for r in hub.JupyterHub.load_roles if service_access in r["scopes"]]
    assert [(r.get("groups"), r.get("users")) for r in holders] == [(["formgrade-bonemets"], None)]
    (service,) = hub.JupyterHub.services
    assert service["name"] == "bonemets" and service["user"] == "grader-bonemets"
    assert service["cwd"] == "/home/grader-bonemets/bonemets"
    assert service["environment"]["JUPYTER_CONFIG_PATH"] == str(DEPLOY / "grader")


def test_each_user_runs_as_their_own_account_with_the_student_settings(hub: Config) -> None:
    assert hub.JupyterHub.spawner_class == "localprocess"
    assert hub.Spawner.environment["JUPYTER_CONFIG_PATH"] == str(DEPLOY / "student")
    assert hub.Spawner.cmd[0] == "/opt/bonemets-student/bin/python"


def test_a_trial_password_that_is_too_short_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BONEMETS_AUTHENTICATOR", "shared-password")
    monkeypatch.setenv("BONEMETS_TRIAL_PASSWORD", "short")
    with pytest.raises(SystemExit, match="at least 8 characters"):
        load(DEPLOY / "jupyterhub_config.py")


def test_formgrader_may_be_framed_by_the_hub_only() -> None:
    grader = load(DEPLOY / "grader" / "jupyter_server_config.py")
    headers = grader.ServerApp.tornado_settings["headers"]
    assert headers["Content-Security-Policy"] == "frame-ancestors 'self'"


def test_student_nbgrader_config_names_course_exchange_and_hub_groups(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BONEMETS_EXCHANGE", "/srv/x")
    student = load(DEPLOY / "student" / "nbgrader_config.py")
    assert student.CourseDirectory.course_id == "bonemets"
    assert student.Exchange.root == "/srv/x"
    assert student.Authenticator.plugin_class.__name__ == "JupyterHubAuthPlugin"
    assert student.ExchangeFactory.submit.__name__ == "PrivateSubmit"


def test_kubernetes_roles_match_the_one_machine_hub(hub: Config) -> None:
    values = yaml.safe_load((K8S / "values.yaml").read_text())
    machine = roles_by_name(hub.JupyterHub.load_roles)
    cluster = values["hub"]["loadRoles"]
    assert set(cluster) == set(machine)
    for name, role in cluster.items():
        assert role["scopes"] == machine[name]["scopes"], name
    assert values["hub"]["services"]["bonemets"]["url"].startswith("http://formgrader-bonemets:")


def test_kubernetes_pods_share_the_exchange_volume() -> None:
    values = yaml.safe_load((K8S / "values.yaml").read_text())
    storage = values["singleuser"]["storage"]
    (volume,) = storage["extraVolumes"]
    (mount,) = storage["extraVolumeMounts"]
    claims = {
        d["metadata"]["name"]: d
        for d in yaml.safe_load_all((K8S / "exchange-pvc.yaml").read_text())
    }
    claim = claims[volume["persistentVolumeClaim"]["claimName"]]
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]
    assert mount["mountPath"] == values["singleuser"]["extraEnv"]["BONEMETS_EXCHANGE"]
    config = values["singleuser"]["extraFiles"]["nbgrader-config"]["stringData"]
    assert f'c.Exchange.root = "{mount["mountPath"]}"' in config
    deployment, _ = yaml.safe_load_all((K8S / "formgrader.yaml").read_text())
    volumes = deployment["spec"]["template"]["spec"]["volumes"]
    assert {
        "name": "exchange",
        "persistentVolumeClaim": {"claimName": claim["metadata"]["name"]},
    } in volumes
