"""terraform-azurerm: azurerm_dns_*_record resources for teams on Azure DNS."""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from ._terraform import plan

    return {"plan": plan("azurerm", list(identities), settings)}


FORMAT = register(Format(
    name="terraform-azurerm", suffix="azurerm.tf", template="terraform-azurerm.j2", prepare=prepare,
    summary="Terraform azurerm_dns_cname_record, _mx_record and _txt_record resources for Azure DNS",
))
