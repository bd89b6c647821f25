"""The only writes of the suite: a few networks and volumes, so lists span several pages. All are removed after."""
from __future__ import annotations

import time
import uuid

from .cloud import Account

PREFIX = "mcp-it-paging-"


class PagingResources:
    def __init__(self, account: Account, networks: int, volumes: int, log=print):
        self.account, self.networks, self.volumes, self.log = account, networks, volumes, log
        self.run_id = uuid.uuid4().hex[:8]
        self.created: list[tuple[str, str]] = []  # (kind, id)

    def sweep(self) -> None:
        """Removes what an interrupted earlier run left (same name prefix, same project)."""
        conn = self.account.conn
        stale = [("network", n.id) for n in conn.network.networks(project_id=self.account.project_id)
                 if (n.name or "").startswith(PREFIX)]
        if self.volumes and conn.has_service("block-storage"):
            stale += [("volume", v.id) for v in conn.block_storage.volumes() if (v.name or "").startswith(PREFIX)]
        if stale:
            self.log(f"removing {len(stale)} paging resources left by an earlier run")
            self._delete(stale)

    def create(self) -> None:
        conn = self.account.conn
        for index in range(self.networks):
            network = conn.network.create_network(name=f"{PREFIX}{self.run_id}-{index}")
            self.created.append(("network", network.id))
        volumes = []
        for index in range(self.volumes if conn.has_service("block-storage") else 0):
            volume = conn.block_storage.create_volume(size=1, name=f"{PREFIX}{self.run_id}-{index}")
            self.created.append(("volume", volume.id))
            volumes.append(volume.id)
        deadline = time.time() + 300
        for volume_id in volumes:  # a volume still being created would change under the comparison
            while time.time() < deadline:
                status = conn.block_storage.get_volume(volume_id).status
                if status in ("available", "error"):
                    break
                time.sleep(1)
        self.log(f"created {self.networks} networks and {len(volumes)} volumes named {PREFIX}{self.run_id}-*")

    def cleanup(self) -> None:
        self._delete(self.created)
        self.created = []

    def _delete(self, items: list[tuple[str, str]]) -> None:
        conn = self.account.conn
        for kind, ident in items:
            try:
                if kind == "network":
                    conn.network.delete_network(ident, ignore_missing=True)
                else:
                    conn.block_storage.delete_volume(ident, ignore_missing=True)
            except Exception as error:  # keep going: report, never leave the rest behind
                self.log(f"could not delete {kind} {ident}: {error}")
        for kind, ident in items:
            if kind == "volume":
                deadline = time.time() + 120
                while time.time() < deadline and conn.block_storage.find_volume(ident, ignore_missing=True):
                    time.sleep(1)
