"""A test-only Terraform provider: serves a real provider's schema, plans exactly what it is given.

    python provider.py KEY    (KEY: google, azurerm or dns; Terraform starts it from the filesystem
                               mirror tests/test_terraform_standin.py lays out)

It speaks Terraform's plugin protocol 5 over gRPC (tfplugin5.5, the generated modules of PyPI's
tfplugin-proto-all) after go-plugin's handshake with auto-mTLS: Terraform passes its client
certificate in PLUGIN_CLIENT_CERT; this answers with a one-line handshake on stdout naming its
port and its own self-signed certificate. Values travel as msgpack DynamicValues (cty's encoding:
an unknown value is extension type 0).

What it does: GetProviderSchema returns the schema read from the pinned CDKTF package
(schema.py), so Terraform itself checks every block and argument name, nesting, required
arguments and types, and evaluates every expression; validation accepts everything else; a
plan is the proposed new state with unset computed attributes unknown; a data source answers
from STANDIN_DATA ({"TYPE": {"NAME": {attribute: value}}}, JSON). It never calls an API, and
runs none of the real provider's validators, defaults or plan modifiers.
"""

from __future__ import annotations

import base64
import datetime
import ipaddress
import json
import os
import sys
import threading
from concurrent import futures

import grpc
import msgpack
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from tfplugin_proto import tfplugin5_5_pb2 as pb
from tfplugin_proto import tfplugin5_5_pb2_grpc as pb_grpc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from schema import provider_schemas

MAGIC_COOKIE = ("TF_PLUGIN_MAGIC_COOKIE", "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2")
NESTING = {"single": pb.Schema.NestedBlock.SINGLE, "list": pb.Schema.NestedBlock.LIST}


class Unknown:
    """cty's unknown value, as msgpack extension type 0."""


UNKNOWN = Unknown()


def decode(value: pb.DynamicValue):
    if value.json:
        return json.loads(value.json)
    if not value.msgpack:
        return None
    return msgpack.unpackb(value.msgpack, raw=False, ext_hook=lambda code, data: UNKNOWN, strict_map_key=False)


def encode(value) -> pb.DynamicValue:
    def default(item):
        if item is UNKNOWN:
            return msgpack.ExtType(0, b"\x00")
        raise TypeError(repr(item))
    return pb.DynamicValue(msgpack=msgpack.packb(value, default=default, use_bin_type=True))


def schema_block(block: dict) -> pb.Schema.Block:
    return pb.Schema.Block(
        attributes=[pb.Schema.Attribute(name=name, type=json.dumps(a["type"]).encode(), required=a["required"],
                                        optional=a["optional"], computed=a["computed"])
                    for name, a in sorted(block["attributes"].items())],
        block_types=[pb.Schema.NestedBlock(type_name=name, block=schema_block(b["block"]), nesting=NESTING[b["nesting"]],
                                           min_items=b["min_items"] if b["nesting"] == "list" else 0)
                     for name, b in sorted(block["blocks"].items())])


def with_computed_unknown(value, block: dict):
    """The planned value of an object of `block`: unset computed attributes become unknown."""
    if not isinstance(value, dict):
        return value
    planned = dict(value)
    for name, attribute in block["attributes"].items():
        if attribute["computed"] and planned.get(name) is None:
            planned[name] = UNKNOWN
    for name, nested in block["blocks"].items():
        inner = planned.get(name)
        if isinstance(inner, list):
            planned[name] = [with_computed_unknown(item, nested["block"]) for item in inner]
        elif isinstance(inner, dict):
            planned[name] = with_computed_unknown(inner, nested["block"])
    return planned


class Provider(pb_grpc.ProviderServicer):
    def __init__(self, schema: dict, data: dict, stopped: threading.Event):
        self.schema, self.data, self.stopped = schema, data, stopped

    def GetSchema(self, request, context):
        return pb.GetProviderSchema.Response(
            provider=pb.Schema(block=schema_block(self.schema["provider"])),
            resource_schemas={name: pb.Schema(block=schema_block(b)) for name, b in self.schema["resource"].items()},
            data_source_schemas={name: pb.Schema(block=schema_block(b)) for name, b in self.schema["data"].items()})

    def GetMetadata(self, request, context):
        return pb.GetMetadata.Response(
            resources=[pb.GetMetadata.ResourceMetadata(type_name=name) for name in self.schema["resource"]],
            data_sources=[pb.GetMetadata.DataSourceMetadata(type_name=name) for name in self.schema["data"]])

    def PrepareProviderConfig(self, request, context):
        return pb.PrepareProviderConfig.Response(prepared_config=request.config)

    def ValidateResourceTypeConfig(self, request, context):
        return pb.ValidateResourceTypeConfig.Response()

    def ValidateDataSourceConfig(self, request, context):
        return pb.ValidateDataSourceConfig.Response()

    def Configure(self, request, context):
        return pb.Configure.Response()

    def UpgradeResourceState(self, request, context):
        return pb.UpgradeResourceState.Response(upgraded_state=pb.DynamicValue(json=request.raw_state.json))

    def ReadResource(self, request, context):
        return pb.ReadResource.Response(new_state=request.current_state, private=request.private)

    def PlanResourceChange(self, request, context):
        proposed = decode(request.proposed_new_state)
        planned = None if proposed is None else with_computed_unknown(proposed, self.schema["resource"][request.type_name])
        return pb.PlanResourceChange.Response(planned_state=encode(planned))

    def ReadDataSource(self, request, context):
        config = decode(request.config)
        answers = self.data.get(request.type_name, {}).get(config.get("name"))
        if answers is None:
            return pb.ReadDataSource.Response(diagnostics=[pb.Diagnostic(
                severity=pb.Diagnostic.ERROR, summary=f"stand-in: no {request.type_name} named {config.get('name')!r}")])
        return pb.ReadDataSource.Response(state=encode({**config, **answers}))

    def Stop(self, request, context):
        self.stopped.set()
        return pb.Stop.Response()


def certificate() -> tuple[bytes, bytes, bytes]:
    """(key PEM, certificate PEM, certificate DER): self-signed for localhost, also a CA, as go-plugin
    makes its own (the client trusts exactly this certificate as its root)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "HashiCorp"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(seconds=30)).not_valid_after(now + datetime.timedelta(hours=12))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_encipherment=True, key_cert_sign=True,
                                         content_commitment=False, data_encipherment=False, key_agreement=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return key_pem, cert.public_bytes(serialization.Encoding.PEM), cert.public_bytes(serialization.Encoding.DER)


def go_plugin_services(stopped: threading.Event) -> list:
    """go-plugin's own services: the controller (Shutdown), stdio (no output) and health."""
    def shutdown(request, context):
        stopped.set()
        return b""

    def stdio(request, context):
        return iter(())

    def health(request, context):
        return b"\x08\x01"  # HealthCheckResponse{status: SERVING}

    identity = {"request_deserializer": lambda b: b, "response_serializer": lambda b: b}
    return [
        grpc.method_handlers_generic_handler("plugin.GRPCController",
                                             {"Shutdown": grpc.unary_unary_rpc_method_handler(shutdown, **identity)}),
        grpc.method_handlers_generic_handler("plugin.GRPCStdio",
                                             {"StreamStdio": grpc.unary_stream_rpc_method_handler(stdio, **identity)}),
        grpc.method_handlers_generic_handler("grpc.health.v1.Health",
                                             {"Check": grpc.unary_unary_rpc_method_handler(health, **identity)}),
    ]


def tls_front(backend: int, key_pem: bytes, cert_pem: bytes, client_cert: str) -> int:
    """A TLS listener that passes each connection on to the gRPC server at 127.0.0.1:`backend`.

    go-plugin's client certificate is ECDSA P-521, which gRPC's BoringSSL does not verify (the
    client then sends none), so TLS is ended here by Python's OpenSSL: it requires exactly that
    certificate and offers ALPN h2, as grpc-go wants. Returns the port it listens on."""
    import asyncio
    import ssl
    import tempfile

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cadata=client_cert)
    context.set_alpn_protocols(["h2"])
    with tempfile.TemporaryDirectory() as folder:  # load_cert_chain reads files only
        key_file, cert_file = os.path.join(folder, "key.pem"), os.path.join(folder, "cert.pem")
        with open(key_file, "wb") as f:
            f.write(key_pem)
        with open(cert_file, "wb") as f:
            f.write(cert_pem)
        context.load_cert_chain(cert_file, key_file)

    async def pipe(reader, writer):
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def serve(client_reader, client_writer):
        reader, writer = await asyncio.open_connection("127.0.0.1", backend)
        await asyncio.gather(pipe(client_reader, writer), pipe(reader, client_writer))

    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(asyncio.start_server(serve, "127.0.0.1", 0, ssl=context))
    threading.Thread(target=loop.run_forever, daemon=True).start()
    return server.sockets[0].getsockname()[1]


def main() -> None:
    if os.environ.get(MAGIC_COOKIE[0]) != MAGIC_COOKIE[1]:
        sys.exit("This is a test stand-in for a Terraform provider: Terraform starts it, not you.")
    if "5" not in os.environ.get("PLUGIN_PROTOCOL_VERSIONS", "5").split(","):
        sys.exit("stand-in: Terraform does not offer plugin protocol 5")
    schema = provider_schemas((sys.argv[1],))[sys.argv[1]]
    data = json.loads(os.environ.get("STANDIN_DATA", "{}"))
    stopped = threading.Event()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    pb_grpc.add_ProviderServicer_to_server(Provider(schema, data, stopped), server)
    server.add_generic_rpc_handlers(go_plugin_services(stopped))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    client_cert = os.environ.get("PLUGIN_CLIENT_CERT")
    if client_cert:  # auto-mTLS, Terraform's default
        key_pem, cert_pem, cert_der = certificate()
        port = tls_front(port, key_pem, cert_pem, client_cert)
        tail = "|" + base64.b64encode(cert_der).decode().rstrip("=")
    else:
        tail = ""
    sys.stdout.write(f"1|5|tcp|127.0.0.1:{port}|grpc{tail}\n")
    sys.stdout.flush()
    stopped.wait()
    server.stop(grace=1)


if __name__ == "__main__":
    main()
