# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Amazon Route 53
#
# Identity example.com, region us-east-1, zone example.com.
# Zone assumed: the registrable domain (Public Suffix List); --zone ZONE changes it
# Check afterwards with:
#   ses-export example.com --identity-file samples/identities/example.com.json --region us-east-1 --check
# or without ses-export: each dig line prints what follows "->", nslookup the same:
#   dig +short CNAME ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey.example.com.  -> ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg.dkim.amazonses.com.
#   nslookup -type=CNAME ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey.example.com.
#   dig +short CNAME 7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe._domainkey.example.com.  -> 7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe.dkim.amazonses.com.
#   nslookup -type=CNAME 7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe._domainkey.example.com.
#   dig +short CNAME wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh._domainkey.example.com.  -> wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh.dkim.amazonses.com.
#   nslookup -type=CNAME wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh._domainkey.example.com.
#   dig +short TXT _dmarc.example.com.  -> "v=DMARC1; p=none;"
#   nslookup -type=TXT _dmarc.example.com.
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

data "aws_route53_zone" "example_com" {
  name = "example.com."
}

# example.com.
resource "aws_route53_record" "example_com_dkim_1" {
  zone_id = data.aws_route53_zone.example_com.zone_id
  name    = "ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey.example.com."
  type    = "CNAME"
  ttl     = 1800
  records = ["ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg.dkim.amazonses.com."]
}

resource "aws_route53_record" "example_com_dkim_2" {
  zone_id = data.aws_route53_zone.example_com.zone_id
  name    = "7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe._domainkey.example.com."
  type    = "CNAME"
  ttl     = 1800
  records = ["7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe.dkim.amazonses.com."]
}

resource "aws_route53_record" "example_com_dkim_3" {
  zone_id = data.aws_route53_zone.example_com.zone_id
  name    = "wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh._domainkey.example.com."
  type    = "CNAME"
  ttl     = 1800
  records = ["wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh.dkim.amazonses.com."]
}

resource "aws_route53_record" "example_com_dmarc" {
  zone_id = data.aws_route53_zone.example_com.zone_id
  name    = "_dmarc.example.com."
  type    = "TXT"
  ttl     = 1800
  records = ["v=DMARC1; p=none;"]
}
