"""terraform-google: google_dns_record_set resources for teams on Google Cloud DNS."""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from ._terraform import plan

    return {"plan": plan("google", list(identities), settings)}


FORMAT = register(Format(
    name="terraform-google", suffix="google.tf", template="terraform-google.j2", prepare=prepare,
    summary="Terraform google_dns_record_set resources for Google Cloud DNS (managed zone name as a variable)",
))
