"""terraform-dns: hashicorp/dns resources for any server that takes RFC 2136 updates (BIND, PowerDNS,
Knot, Windows DNS), signed with TSIG."""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from ._terraform import plan

    return {"plan": plan("dns", list(identities), settings)}


FORMAT = register(Format(
    name="terraform-dns", suffix="dns.tf", template="terraform-dns.j2", prepare=prepare,
    summary="Terraform hashicorp/dns resources: RFC 2136 updates with TSIG to BIND, PowerDNS, Knot or Windows DNS",
))
