"""cloudformation: an AWS CloudFormation template (YAML), one AWS::Route53::RecordSet per record set.

For the teams that deploy DNS with CloudFormation or CDK (SES users are AWS users). Values are
Route 53's presentation text, as in route53-changes; logical ids are stable and unique, derived
from the identity's name and the record's purpose like the Terraform names (_cloudformation.py).
"""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from ._cloudformation import template

    return template(list(identities), settings)


FORMAT = register(Format(
    name="cloudformation", suffix="cloudformation.yaml", template="cloudformation.j2", prepare=prepare,
    summary="an AWS CloudFormation template (YAML), one AWS::Route53::RecordSet per record set",
))
