"""An account on the cloud under test: its settings, its OS_* variables and a REST session for truth.

Settings come from openstacksdk's own loader, so OS_CLOUD/clouds.yaml (with secure.yaml and
vendor profiles) and plain OS_* variables work exactly as they do for the `openstack` CLI.
Truth is read with plain REST through that session: nothing of our server is involved.
"""
from __future__ import annotations

import dataclasses
import re
import urllib.parse
from typing import Any

import keystoneauth1.adapter
import openstack
import openstack.config

# Auth keys of clouds.yaml and the OS_* variable our server reads for each.
_AUTH_ENV = {
    "auth_url": "OS_AUTH_URL",
    "username": "OS_USERNAME",
    "user_id": "OS_USER_ID",
    "password": "OS_PASSWORD",
    "project_name": "OS_PROJECT_NAME",
    "project_id": "OS_PROJECT_ID",
    "user_domain_name": "OS_USER_DOMAIN_NAME",
    "user_domain_id": "OS_USER_DOMAIN_ID",
    "project_domain_name": "OS_PROJECT_DOMAIN_NAME",
    "project_domain_id": "OS_PROJECT_DOMAIN_ID",
    "domain_name": "OS_DOMAIN_NAME",
    "domain_id": "OS_DOMAIN_ID",
    "system_scope": "OS_SYSTEM_SCOPE",
    "application_credential_id": "OS_APPLICATION_CREDENTIAL_ID",
    "application_credential_name": "OS_APPLICATION_CREDENTIAL_NAME",
    "application_credential_secret": "OS_APPLICATION_CREDENTIAL_SECRET",
    "token": "OS_TOKEN",
}

# Service types as the catalog names them, and the openstacksdk proxy that reads each.
PROXIES = {
    "compute": "compute", "network": "network", "volume": "block_storage", "image": "image", "identity": "identity",
    "orchestration": "orchestration", "load-balancer": "load_balancer", "object-store": "object_store", "dns": "dns",
    "key-manager": "key_manager", "baremetal": "baremetal",
    "shared-file-system": "shared_file_system",
}


@dataclasses.dataclass
class Response:
    status: int
    headers: dict[str, str]
    json: Any
    url: str


class Account:
    """One set of credentials: `label` names it in reports (the clouds.yaml name or 'env')."""

    def __init__(self, cloud: str | None, region=None, label: str | None = None):
        self.label = label or cloud or "env"
        self.region = region or openstack.config.OpenStackConfig().get_one(cloud=cloud)
        self.conn = openstack.connection.Connection(config=self.region)
        self.access = self.conn.session.auth.get_access(self.conn.session)
        self.secrets = [v for k, v in self.auth.items() if v and k in ("password", "application_credential_secret", "token")]

    @classmethod
    def from_settings(cls, label: str, **settings) -> "Account":
        """An account from explicit settings, ignoring clouds.yaml and OS_* (the demo cloud's)."""
        region = openstack.config.get_cloud_region(load_yaml_config=False, load_envvars=False, **settings)
        return cls(None, region=region, label=label)

    @property
    def auth(self) -> dict[str, Any]:
        return dict(self.region.config.get("auth") or {})

    @property
    def roles(self) -> set[str]:
        return set(self.access.role_names or [])

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles

    @property
    def project_id(self) -> str | None:
        return self.access.project_id

    @property
    def user_id(self) -> str | None:
        return self.access.user_id

    def server_environment(self, auth_url: str | None = None) -> dict[str, str]:
        """The OS_* variables that give our server this account (optionally through another auth URL)."""
        env = {}
        for key, name in _AUTH_ENV.items():
            value = self.auth.get(key)
            if value not in (None, ""):
                env[name] = str(value)
        if auth_url:
            env["OS_AUTH_URL"] = auth_url
        auth_type = self.region.config.get("auth_type") or "password"
        if auth_type not in ("password", "v3password"):
            env["OS_AUTH_TYPE"] = auth_type
        if self.region.get_region_name():
            env["OS_REGION_NAME"] = self.region.get_region_name()
        interface = self.region.get_interface()
        if interface:
            env["OS_INTERFACE"] = interface
        cacert = self.region.config.get("cacert")
        if cacert:
            env["OS_CACERT"] = cacert
        if self.region.config.get("verify") is False:
            env["OS_INSECURE"] = "true"
        return env

    # -- truth, by plain REST -------------------------------------------------------------

    def get(self, service: str, path: str, params: dict | list | None = None, microversion: str | None = None) -> Response:
        """GET a path under a service's versioned endpoint, or an absolute URL."""
        adapter = getattr(self.conn, PROXIES[service])
        kwargs: dict[str, Any] = {"raise_exc": False, "params": params}
        if microversion:
            kwargs["microversion"] = microversion
        answer = adapter.get(path, **kwargs)
        try:
            body = answer.json()
        except ValueError:
            body = answer.text
        return Response(answer.status_code, {k.lower(): v for k, v in answer.headers.items()}, body, answer.url)

    def has_service(self, service: str) -> bool:
        """Whether the token's catalog has the service (by catalog type)."""
        catalog = self.access.service_catalog.catalog or []
        return any(entry.get("type") == service for entry in catalog)

    def endpoint(self, service: str) -> str:
        if service not in PROXIES:
            # No openstacksdk proxy (Gnocchi's metric, Aodh's alarming): the catalog's URL as it is.
            return self.conn.session.get_endpoint(
                service_type=service, interface=self.region.get_interface() or "public",
                region_name=self.region.get_region_name())
        # The Adapter's own method: openstacksdk's identity proxy overrides the name (Keystone endpoint records).
        return keystoneauth1.adapter.Adapter.get_endpoint(getattr(self.conn, PROXIES[service]))

    def list_all(
        self, service: str, path: str, key: str, params: dict | None = None, microversion: str | None = None
    ) -> list[dict]:
        """Every item of a collection, following `<key>_links`, Glance's `next` and Keystone's `links.next`."""
        items: list[dict] = []
        answer = self.get(service, path, params, microversion)
        pages = 0
        while True:
            pages += 1
            if answer.status != 200:
                raise TruthError(f"{service} GET {answer.url} -> {answer.status}: {answer.json}")
            items += answer.json.get(key, [])
            nxt = _next_link(answer.json, key, self.endpoint(service))
            if not nxt or not answer.json.get(key) or pages > 1000:
                return items
            answer = self.get(service, nxt, None, microversion)

    def max_microversion(self, service: str) -> str | None:
        """The service's newest microversion, from its version document."""
        root = _version_root(self.endpoint(service))
        answer = self.conn.session.get(root, raise_exc=False, authenticated=False)
        doc = answer.json()
        entries = [doc["version"]] if isinstance(doc.get("version"), dict) else doc.get("versions") or []
        found = [e.get("version") for e in entries if isinstance(e, dict) and e.get("version")]
        return max(found, key=lambda v: tuple(int(x) for x in v.split("."))) if found else None


class TruthError(RuntimeError):
    pass


def _version_root(endpoint: str) -> str:
    parts = urllib.parse.urlsplit(endpoint)
    segments = [s for s in parts.path.split("/") if s]
    for index, segment in enumerate(segments):
        if segment.startswith("v") and segment[1:2].isdigit():
            return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + "/".join(segments[: index + 1]) + "/", "", ""))
    return endpoint


def _next_link(doc: dict, key: str, endpoint: str) -> str | None:
    for link in doc.get(f"{key}_links", []) or []:
        if link.get("rel") == "next":
            return link["href"]
    links = doc.get("links")
    if isinstance(links, dict) and links.get("next"):
        return links["next"]
    nxt = doc.get("next")
    if nxt:
        # Glance: relative to the API root (the endpoint without its version).
        root = re.sub(r"/v\d+(\.\d+)?/?$", "", endpoint.rstrip("/"))
        return root + nxt
    return None


def origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
