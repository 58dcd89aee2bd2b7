"""terraform-cloudflare: cloudflare_dns_record (provider v5) or cloudflare_record (v4) resources."""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from ._terraform import plan

    return {"plan": plan("cloudflare", list(identities), settings)}


FORMAT = register(Format(
    name="terraform-cloudflare", suffix="cloudflare.tf", template="terraform-cloudflare.j2", prepare=prepare,
    summary="Terraform for Cloudflare: cloudflare_dns_record (provider v5, default) or cloudflare_record (v4)",
))
