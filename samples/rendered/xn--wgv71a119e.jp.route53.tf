# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Amazon Route 53
#
# Identity xn--wgv71a119e.jp (日本語.jp), region ap-northeast-1, zone xn--wgv71a119e.jp.
# Zone assumed: the registrable domain (Public Suffix List); --zone ZONE changes it
# Check afterwards with:
#   ses-export xn--wgv71a119e.jp --identity-file 'samples/identities/日本語.jp.json' --region ap-northeast-1 --check
# or without ses-export: each dig line prints what follows "->", nslookup the same:
#   dig +short CNAME kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh._domainkey.xn--wgv71a119e.jp.  -> kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh.dkim.amazonses.com.
#   nslookup -type=CNAME kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh._domainkey.xn--wgv71a119e.jp.
#   dig +short CNAME u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5._domainkey.xn--wgv71a119e.jp.  -> u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5.dkim.amazonses.com.
#   nslookup -type=CNAME u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5._domainkey.xn--wgv71a119e.jp.
#   dig +short CNAME fq2t7dl5mypbxpwzzs4b66czz2i5ldyd._domainkey.xn--wgv71a119e.jp.  -> fq2t7dl5mypbxpwzzs4b66czz2i5ldyd.dkim.amazonses.com.
#   nslookup -type=CNAME fq2t7dl5mypbxpwzzs4b66czz2i5ldyd._domainkey.xn--wgv71a119e.jp.
#   dig +short MX mail.xn--wgv71a119e.jp.  -> 10 feedback-smtp.ap-northeast-1.amazonses.com.
#   nslookup -type=MX mail.xn--wgv71a119e.jp.
#   dig +short TXT mail.xn--wgv71a119e.jp.  -> "v=spf1 include:amazonses.com ~all"
#   nslookup -type=TXT mail.xn--wgv71a119e.jp.
#   dig +short TXT _dmarc.xn--wgv71a119e.jp.  -> "v=DMARC1; p=none;"
#   nslookup -type=TXT _dmarc.xn--wgv71a119e.jp.
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

data "aws_route53_zone" "xn__wgv71a119e_jp" {
  name = "xn--wgv71a119e.jp."
}

# xn--wgv71a119e.jp.
resource "aws_route53_record" "xn__wgv71a119e_jp_dkim_1" {
  zone_id = data.aws_route53_zone.xn__wgv71a119e_jp.zone_id
  name    = "kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh._domainkey.xn--wgv71a119e.jp."
  type    = "CNAME"
  ttl     = 1800
  records = ["kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh.dkim.amazonses.com."]
}

resource "aws_route53_record" "xn__wgv71a119e_jp_dkim_2" {
  zone_id = data.aws_route53_zone.xn__wgv71a119e_jp.zone_id
  name    = "u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5._domainkey.xn--wgv71a119e.jp."
  type    = "CNAME"
  ttl     = 1800
  records = ["u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5.dkim.amazonses.com."]
}

resource "aws_route53_record" "xn__wgv71a119e_jp_dkim_3" {
  zone_id = data.aws_route53_zone.xn__wgv71a119e_jp.zone_id
  name    = "fq2t7dl5mypbxpwzzs4b66czz2i5ldyd._domainkey.xn--wgv71a119e.jp."
  type    = "CNAME"
  ttl     = 1800
  records = ["fq2t7dl5mypbxpwzzs4b66czz2i5ldyd.dkim.amazonses.com."]
}

resource "aws_route53_record" "xn__wgv71a119e_jp_mail_from_mx" {
  zone_id = data.aws_route53_zone.xn__wgv71a119e_jp.zone_id
  name    = "mail.xn--wgv71a119e.jp."
  type    = "MX"
  ttl     = 1800
  records = ["10 feedback-smtp.ap-northeast-1.amazonses.com."]
}

resource "aws_route53_record" "xn__wgv71a119e_jp_mail_from_spf" {
  zone_id = data.aws_route53_zone.xn__wgv71a119e_jp.zone_id
  name    = "mail.xn--wgv71a119e.jp."
  type    = "TXT"
  ttl     = 1800
  records = ["v=spf1 include:amazonses.com ~all"]
}

resource "aws_route53_record" "xn__wgv71a119e_jp_dmarc" {
  zone_id = data.aws_route53_zone.xn__wgv71a119e_jp.zone_id
  name    = "_dmarc.xn--wgv71a119e.jp."
  type    = "TXT"
  ttl     = 1800
  records = ["v=DMARC1; p=none;"]
}
