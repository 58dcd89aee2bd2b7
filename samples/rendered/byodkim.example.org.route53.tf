# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Amazon Route 53
#
# Identity byodkim.example.org, region eu-central-2, zone example.org.
# Zone assumed: the registrable domain (Public Suffix List); --zone ZONE changes it
# Check afterwards with:
#   ses-export byodkim.example.org --identity-file samples/identities/byodkim.example.org.json --dkim-public-key samples/keys/byodkim.example.org.pem --region eu-central-2 --check
# or without ses-export: each dig line prints what follows "->" (a long key shortened at "…"), nslookup the same:
#   dig +short TXT ses2026._domainkey.byodkim.example.org.  -> "p=MIIBIjANBgkqh…1lQIDAQAB"
#   nslookup -type=TXT ses2026._domainkey.byodkim.example.org.
#   dig +short MX mail.byodkim.example.org.  -> 10 feedback-smtp.eu-central-2.amazonses.com.
#   nslookup -type=MX mail.byodkim.example.org.
#   dig +short TXT mail.byodkim.example.org.  -> "v=spf1 include:amazonses.com ~all"
#   nslookup -type=TXT mail.byodkim.example.org.
#
# One aws_route53_record per record set. Put this file in a module of its own (a folder
# holding only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root
# configuration with AWS credentials for the account of the hosted zone, then run
# terraform init and terraform apply. If another file of the same module already lists
# hashicorp/aws in required_providers, delete the terraform block below.
# The hosted zone is looked up by name (data "aws_route53_zone"); --zone-id names it instead.
# TXT values are written unquoted (the provider adds the quotes); longer than 255 bytes,
# they are split into several strings with \"\".
# No allow_overwrite: where a name already holds a record set of the same type (an SPF or a
# DMARC TXT record, a site verification), terraform apply fails there instead of replacing
# it. ses-export --merge-live writes records merged with what the zone holds.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 7.0"
    }
  }
}

data "aws_route53_zone" "example_org" {
  name = "example.org."
}

# byodkim.example.org.
resource "aws_route53_record" "byodkim_example_org_dkim_1" {
  zone_id = data.aws_route53_zone.example_org.zone_id
  name    = "ses2026._domainkey.byodkim.example.org."
  type    = "TXT"
  ttl     = 1800
  records = ["p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuRbivoE66mdbAWqdT0oiJ2qvCKgn2TPEtbCdN3hVeC9ZoNtXeFb0Y4mk4mHM0u0teJmrZ+7YMNEXKBs9FgeZywpAu6Y7hYAemYZOARui6uZ+9VOpqQsXNww0n47+G99yNVQmL8TB6/V+cDML92cGP60msFXStL6m8gGk9S/yMROL6Mq9MkfASrorlyk+5MoG8nbTZcNakZAhVRhQy\"\"okidoazxC93R7Xr+80NnF8XpGFWrzPxHmh5tlepMm65ckM0SP3Qazofmlz7xeHrKEnC1MZ4UhzwSTOwdkteG68+99DyR4mdq6/Bn7OISBBoMtFlY0ZQlzPLVBQiyoEfQ1f1lQIDAQAB"]
}

resource "aws_route53_record" "byodkim_example_org_mail_from_mx" {
  zone_id = data.aws_route53_zone.example_org.zone_id
  name    = "mail.byodkim.example.org."
  type    = "MX"
  ttl     = 1800
  records = ["10 feedback-smtp.eu-central-2.amazonses.com."]
}

resource "aws_route53_record" "byodkim_example_org_mail_from_spf" {
  zone_id = data.aws_route53_zone.example_org.zone_id
  name    = "mail.byodkim.example.org."
  type    = "TXT"
  ttl     = 1800
  records = ["v=spf1 include:amazonses.com ~all"]
}
