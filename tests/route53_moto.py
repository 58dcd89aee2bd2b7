"""A loopback Route 53 that refuses what Route 53 refuses: moto's server, with CREATE made as documented.

Route 53's API reference (ChangeResourceRecordSets, Action CREATE): "Creates a resource record set that
has the specified values", and a CREATE of a set that exists fails with InvalidChangeBatch ("Tried to
create resource record set [name='...', type='TXT'] but it already exists"); a change batch is applied
atomically: "If any of the changes fail, none of them are made". moto (5.2.6) checks neither: it refuses
a CREATE only when the identical change is already in its journal, so a CREATE over a set made by
UPSERT, by another value or by CloudFormation adds a second set of the same name and type; and it
applies a batch change by change. A test of "nothing existing is replaced" against plain moto would
pass for the wrong reason. `documented_route53()` patches moto's Route 53 backend in the server's own
process so that every client (the AWS CLI, boto3, Terraform's provider, moto's CloudFormation) meets:

- a CREATE where a set of that name, type (and SetIdentifier) exists: InvalidChangeBatch, and no change
  of its batch is made (every CREATE is checked before the first change is applied);
- a record set created by CloudFormation (moto's AWS::Route53::RecordSet) over an existing one: the same
  error, which fails the stack's resource.

Run as a script (`python tests/route53_moto.py PORT`) it is `moto_server -H 127.0.0.1 -p PORT` with the
patch applied; `MotoRoute53()` starts it on a free port and stops it (tests/test_route53_apply.py).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _key(name: str, kind: str | None, set_identifier: str | None) -> tuple:
    """A record set's identity as Route 53 compares names: case-insensitive, the final dot optional."""
    return (name.rstrip(".").lower(), kind, set_identifier)


def documented_route53() -> None:
    """Make moto's Route 53 refuse a CREATE over an existing record set, atomically (module docstring)."""
    from moto.route53 import models
    from moto.route53.exceptions import ResourceRecordAlreadyExists

    def existing(zone, record_set: dict) -> bool:
        wanted = _key(record_set.get("Name", ""), record_set.get("Type"), record_set.get("SetIdentifier"))
        return any(_key(rrset.name, rrset.type, rrset.set_identifier) == wanted for rrset in zone.rrsets)

    original_add = models.FakeZone.add_rrset

    def add_rrset(self, record_set):
        if existing(self, record_set):
            raise ResourceRecordAlreadyExists(name=record_set["Name"], _type=record_set["Type"])
        return original_add(self, record_set)

    original_change = models.Route53Backend.change_resource_record_sets

    def change_resource_record_sets(self, zoneid, change_list):
        zone = self.get_hosted_zone(zoneid)
        for change in change_list:  # all checked before any is made: the batch is atomic
            rrset = change["ResourceRecordSet"]
            if change["Action"] == "CREATE" and existing(zone, rrset):
                raise ResourceRecordAlreadyExists(name=rrset["Name"], _type=rrset["Type"])
        return original_change(self, zoneid, change_list)

    models.FakeZone.add_rrset = add_rrset
    models.Route53Backend.change_resource_record_sets = change_resource_record_sets


class MotoRoute53:
    """The patched moto server on 127.0.0.1 in a process of its own; `url` is its endpoint."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> MotoRoute53:
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        self.process = subprocess.Popen([sys.executable, str(Path(__file__)), str(self.port)], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/moto-api/", timeout=2).close()
                return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.__exit__()
                    raise RuntimeError(f"moto's server did not start on {self.url}") from None
                time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            if self.process.stderr is not None:
                self.process.stderr.close()
            self.process = None


if __name__ == "__main__":
    from moto.server import main

    documented_route53()
    main(["-H", "127.0.0.1", "-p", sys.argv[1]])
