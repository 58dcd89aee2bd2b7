# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Cloudflare (provider v4)
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
# One cloudflare_record per record. Put this file in a module of its own (a folder
# holding only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root
# configuration with a Cloudflare API token that may edit DNS, then run terraform init and
# terraform apply. If another file of the same module already lists cloudflare/cloudflare
# in required_providers, delete the terraform block below.
# Variable zone_id_example_net: the zone id of example.net; give it with
#   -var zone_id_example_net=ID, TF_VAR_zone_id_example_net or a module argument.
# proxied = false: DNS must answer with the record itself; a proxied DKIM CNAME breaks DKIM.
# trimsuffix(): Cloudflare stores names without the final dot; sent, it is a permanent diff (provider issues 7286, 154).
# TXT content: quoted strings of at most 255 bytes, as Cloudflare stores them, so no drift (issues 6238, 6354).

terraform {
  required_providers {
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 4.39"
    }
  }
}

variable "zone_id_example_net" {
  description = "Cloudflare zone id of example.net (the zone's Overview page, API section)"
  type        = string
}

# shop.example.net.
resource "cloudflare_record" "shop_example_net_dkim_1" {
  zone_id = var.zone_id_example_net
  name    = trimsuffix("q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop.example.net.", ".")
  type    = "CNAME"
  content = trimsuffix("q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg.dkim.ap-northeast-3.amazonses.com.", ".")
  ttl     = 1800
  proxied = false
}

resource "cloudflare_record" "shop_example_net_dkim_2" {
  zone_id = var.zone_id_example_net
  name    = trimsuffix("hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm._domainkey.shop.example.net.", ".")
  type    = "CNAME"
  content = trimsuffix("hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm.dkim.ap-northeast-3.amazonses.com.", ".")
  ttl     = 1800
  proxied = false
}

resource "cloudflare_record" "shop_example_net_dkim_3" {
  zone_id = var.zone_id_example_net
  name    = trimsuffix("b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn._domainkey.shop.example.net.", ".")
  type    = "CNAME"
  content = trimsuffix("b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn.dkim.ap-northeast-3.amazonses.com.", ".")
  ttl     = 1800
  proxied = false
}

resource "cloudflare_record" "shop_example_net_mail_from_mx" {
  zone_id  = var.zone_id_example_net
  name     = trimsuffix("bounce.shop.example.net.", ".")
  type     = "MX"
  content  = trimsuffix("feedback-smtp.ap-northeast-3.amazonses.com.", ".")
  priority = 10
  ttl      = 1800
  proxied  = false
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
resource "cloudflare_record" "shop_example_net_mail_from_spf" {
  zone_id = var.zone_id_example_net
  name    = trimsuffix("bounce.shop.example.net.", ".")
  type    = "TXT"
  content = "\"v=spf1 include:amazonses.com ~all\""
  ttl     = 1800
  proxied = false
}
