# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Amazon Route 53
#
# Identity shop.example.net, region ap-northeast-3, zone example.net.
# Zone assumed: the registrable domain (Public Suffix List); --zone ZONE changes it
# Check afterwards with:
#   ses-export shop.example.net --identity-file samples/identities/shop.example.net.json --region ap-northeast-3 --check
# or without ses-export: each dig line prints what follows "->", nslookup the same:
#   dig +short CNAME q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop.example.net.  -> q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg.dkim.ap-northeast-3.amazonses.com.
#   nslookup -type=CNAME q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop.example.net.
#   dig +short CNAME hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm._domainkey.shop.example.net.  -> hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm.dkim.ap-northeast-3.amazonses.com.
#   nslookup -type=CNAME hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm._domainkey.shop.example.net.
#   dig +short CNAME b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn._domainkey.shop.example.net.  -> b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn.dkim.ap-northeast-3.amazonses.com.
#   nslookup -type=CNAME b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn._domainkey.shop.example.net.
#   dig +short MX bounce.shop.example.net.  -> 10 feedback-smtp.ap-northeast-3.amazonses.com.
#   nslookup -type=MX bounce.shop.example.net.
#   dig +short TXT bounce.shop.example.net.  -> "v=spf1 include:amazonses.com ~all"
#   nslookup -type=TXT bounce.shop.example.net.
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

data "aws_route53_zone" "example_net" {
  name = "example.net."
}

# shop.example.net.
resource "aws_route53_record" "shop_example_net_dkim_1" {
  zone_id = data.aws_route53_zone.example_net.zone_id
  name    = "q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop.example.net."
  type    = "CNAME"
  ttl     = 1800
  records = ["q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg.dkim.ap-northeast-3.amazonses.com."]
}

resource "aws_route53_record" "shop_example_net_dkim_2" {
  zone_id = data.aws_route53_zone.example_net.zone_id
  name    = "hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm._domainkey.shop.example.net."
  type    = "CNAME"
  ttl     = 1800
  records = ["hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm.dkim.ap-northeast-3.amazonses.com."]
}

resource "aws_route53_record" "shop_example_net_dkim_3" {
  zone_id = data.aws_route53_zone.example_net.zone_id
  name    = "b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn._domainkey.shop.example.net."
  type    = "CNAME"
  ttl     = 1800
  records = ["b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn.dkim.ap-northeast-3.amazonses.com."]
}

resource "aws_route53_record" "shop_example_net_mail_from_mx" {
  zone_id = data.aws_route53_zone.example_net.zone_id
  name    = "bounce.shop.example.net."
  type    = "MX"
  ttl     = 1800
  records = ["10 feedback-smtp.ap-northeast-3.amazonses.com."]
}

resource "aws_route53_record" "shop_example_net_mail_from_spf" {
  zone_id = data.aws_route53_zone.example_net.zone_id
  name    = "bounce.shop.example.net."
  type    = "TXT"
  ttl     = 1800
  records = ["v=spf1 include:amazonses.com ~all"]
}
