"""Route 53 for the tests: botocore's own model of ChangeResourceRecordSets, and a loopback
endpoint that takes what the AWS CLI sends it.

`validate_change_batch` runs botocore's ParamValidator (types, required members, list lengths,
number ranges) and then the constraints it leaves to the service, read from the same model:
`enum`, string `min`/`max` and `pattern`. `FakeRoute53` answers ChangeResourceRecordSets on
127.0.0.1 like Route 53 (rest-xml) and keeps each request body, so a test can read back what the
real `aws route53 change-resource-record-sets` made of a file.
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NS = "{https://route53.amazonaws.com/doc/2013-04-01/}"


@lru_cache(maxsize=1)
def operation_model():
    import botocore.session

    return botocore.session.get_session().get_service_model("route53").operation_model("ChangeResourceRecordSets")


def validate_change_batch(batch: dict, hosted_zone_id: str = "Z0123456789ABCDEFGHIJ") -> list[str]:
    """Every way `batch` breaks botocore's model of ChangeResourceRecordSets (empty: none)."""
    from botocore.validate import ParamValidator

    model = operation_model()
    params = {"HostedZoneId": hosted_zone_id, "ChangeBatch": batch}
    report = ParamValidator().validate(params, model.input_shape)
    problems = [report.generate_report()] if report.has_errors() else []
    _constraints(model.input_shape, params, "input", problems)
    return problems


def _constraints(shape, value, path: str, problems: list[str]) -> None:
    meta = shape.metadata
    if shape.type_name == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value:
                _constraints(member, value[name], f"{path}.{name}", problems)
    elif shape.type_name == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            _constraints(shape.member, item, f"{path}[{i}]", problems)
    elif shape.type_name == "string" and isinstance(value, str):
        if "enum" in meta and value not in meta["enum"]:
            problems.append(f"{path}: {value!r} is not one of {meta['enum']}")
        if "max" in meta and len(value) > meta["max"]:
            problems.append(f"{path}: {len(value)} characters, more than {meta['max']}")
        if "min" in meta and len(value) < meta["min"]:
            problems.append(f"{path}: {len(value)} characters, fewer than {meta['min']}")
        if "pattern" in meta and not re.search(meta["pattern"], value):
            problems.append(f"{path}: {value!r} does not match {meta['pattern']!r}")


def read_request(body: bytes) -> dict:
    """The ChangeBatch of a ChangeResourceRecordSetsRequest body (XML), as the JSON file has it."""
    root = ET.fromstring(body)
    assert root.tag == NS + "ChangeResourceRecordSetsRequest", root.tag
    batch = root.find(NS + "ChangeBatch")
    result: dict = {}
    if batch.find(NS + "Comment") is not None:
        result["Comment"] = batch.find(NS + "Comment").text
    result["Changes"] = []
    for change in batch.find(NS + "Changes"):
        rrset = change.find(NS + "ResourceRecordSet")
        result["Changes"].append({
            "Action": change.find(NS + "Action").text,
            "ResourceRecordSet": {
                "Name": rrset.find(NS + "Name").text,
                "Type": rrset.find(NS + "Type").text,
                "TTL": int(rrset.find(NS + "TTL").text),
                "ResourceRecords": [{"Value": r.find(NS + "Value").text}
                                    for r in rrset.find(NS + "ResourceRecords")],
            },
        })
    return result


_ANSWER = (b'<?xml version="1.0" encoding="UTF-8"?>\n<ChangeResourceRecordSetsResponse '
           b'xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeInfo><Id>/change/C0123456789</Id>'
           b'<Status>PENDING</Status><SubmittedAt>2026-12-02T00:00:00.000Z</SubmittedAt></ChangeInfo>'
           b'</ChangeResourceRecordSetsResponse>')


class FakeRoute53:
    """ChangeResourceRecordSets on 127.0.0.1: keeps (path, body) of each request, answers PENDING."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, bytes]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake.requests.append((self.path, body))
                self.send_response(200)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(_ANSWER)))
                self.end_headers()
                self.wfile.write(_ANSWER)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeRoute53:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
