# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Cloudflare (provider v5)
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
# One cloudflare_dns_record per record. Put this file in a module of its own (a folder
# holding only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root
# configuration with a Cloudflare API token that may edit DNS, then run terraform init and
# terraform apply. If another file of the same module already lists cloudflare/cloudflare
# in required_providers, delete the terraform block below.
# Variable zone_id_xn__wgv71a119e_jp: the zone id of xn--wgv71a119e.jp; give it with
#   -var zone_id_xn__wgv71a119e_jp=ID, TF_VAR_zone_id_xn__wgv71a119e_jp or a module argument.
# proxied = false: DNS must answer with the record itself; a proxied DKIM CNAME breaks DKIM.
# trimsuffix(): Cloudflare stores names without the final dot; sent, it is a permanent diff (provider issues 7286, 154).
# TXT content: quoted strings of at most 255 bytes, as Cloudflare stores them, so no drift (issues 6238, 6354).

terraform {
  required_providers {
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 5.14"
    }
  }
}

variable "zone_id_xn__wgv71a119e_jp" {
  description = "Cloudflare zone id of xn--wgv71a119e.jp (the zone's Overview page, API section)"
  type        = string
}

# xn--wgv71a119e.jp.
resource "cloudflare_dns_record" "xn__wgv71a119e_jp_dkim_1" {
  zone_id = var.zone_id_xn__wgv71a119e_jp
  name    = trimsuffix("kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh._domainkey.xn--wgv71a119e.jp.", ".")
  type    = "CNAME"
  content = trimsuffix("kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh.dkim.amazonses.com.", ".")
  ttl     = 1800
  proxied = false
}

resource "cloudflare_dns_record" "xn__wgv71a119e_jp_dkim_2" {
  zone_id = var.zone_id_xn__wgv71a119e_jp
  name    = trimsuffix("u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5._domainkey.xn--wgv71a119e.jp.", ".")
  type    = "CNAME"
  content = trimsuffix("u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5.dkim.amazonses.com.", ".")
  ttl     = 1800
  proxied = false
}

resource "cloudflare_dns_record" "xn__wgv71a119e_jp_dkim_3" {
  zone_id = var.zone_id_xn__wgv71a119e_jp
  name    = trimsuffix("fq2t7dl5mypbxpwzzs4b66czz2i5ldyd._domainkey.xn--wgv71a119e.jp.", ".")
  type    = "CNAME"
  content = trimsuffix("fq2t7dl5mypbxpwzzs4b66czz2i5ldyd.dkim.amazonses.com.", ".")
  ttl     = 1800
  proxied = false
}

resource "cloudflare_dns_record" "xn__wgv71a119e_jp_mail_from_mx" {
  zone_id  = var.zone_id_xn__wgv71a119e_jp
  name     = trimsuffix("mail.xn--wgv71a119e.jp.", ".")
  type     = "MX"
  content  = trimsuffix("feedback-smtp.ap-northeast-1.amazonses.com.", ".")
  priority = 10
  ttl      = 1800
  proxied  = false
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
resource "cloudflare_dns_record" "xn__wgv71a119e_jp_mail_from_spf" {
  zone_id = var.zone_id_xn__wgv71a119e_jp
  name    = trimsuffix("mail.xn--wgv71a119e.jp.", ".")
  type    = "TXT"
  content = "\"v=spf1 include:amazonses.com ~all\""
  ttl     = 1800
  proxied = false
}

# If this name already has a v=DMARC1 record, keep it and skip this record.
resource "cloudflare_dns_record" "xn__wgv71a119e_jp_dmarc" {
  zone_id = var.zone_id_xn__wgv71a119e_jp
  name    = trimsuffix("_dmarc.xn--wgv71a119e.jp.", ".")
  type    = "TXT"
  content = "\"v=DMARC1; p=none;\""
  ttl     = 1800
  proxied = false
}
