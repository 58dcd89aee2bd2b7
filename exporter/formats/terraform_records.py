"""terraform-records: the records as one typed Terraform list, for any provider's resources."""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from ._terraform import plan

    return {"plan": plan("records", list(identities), settings)}


FORMAT = register(Format(
    name="terraform-records", suffix="records.tf", template="terraform-records.j2", prepare=prepare,
    summary="Terraform module of the record sets as one typed list (output and locals) to for_each over",
))
