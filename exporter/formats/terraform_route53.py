"""terraform-route53: aws_route53_record resources for the team that manages DNS as code."""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from ._terraform import plan

    return {"plan": plan("route53", list(identities), settings)}


FORMAT = register(Format(
    name="terraform-route53", suffix="route53.tf", template="terraform-route53.j2", prepare=prepare,
    summary="Terraform aws_route53_record resources (hosted zone by name, or --zone-id)",
))
