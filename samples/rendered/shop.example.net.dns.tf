# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for RFC 2136 (hashicorp/dns)
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
# One dns_cname_record, dns_mx_record_set or dns_txt_record_set per record set, sent as
# RFC 2136 updates signed with TSIG to the zone's primary server (BIND, PowerDNS, Knot,
# Windows DNS). Put this file in a root configuration, or in a module of its own (a folder
# holding only it, used with module "ses_dns" { source = "./FOLDER" }), then run terraform
# init and terraform apply with the server and key as variables:
#   TF_VAR_dns_server=ns1.example.net TF_VAR_dns_key_name=ses-export. \
#   TF_VAR_dns_key_secret=BASE64 terraform apply
# If your configuration already has a provider "dns" block, delete the one below and its four
# variables; if another file lists hashicorp/dns in required_providers, delete the terraform block.
# The server must allow updates of these names with that key (BIND: update-policy).
# Applying adds each value to what the name holds: a record set is not replaced. Where
# _dmarc or a MAIL FROM name already has TXT, a DMARC policy or another sender's SPF gains a
# second v=DMARC1 or v=spf1 record (a permerror: receivers apply no policy), and the next
# terraform apply removes the strings this file does not list. Check first with the command
# above, or rerun with ses-export --merge-live, which writes those sets merged with what the
# zone holds, to import and apply.

terraform {
  required_providers {
    dns = {
      source  = "hashicorp/dns"
      version = ">= 3.4, < 4.0"
    }
  }
}

variable "dns_server" {
  description = "The primary server that takes RFC 2136 updates for the zone (host name or address)"
  type        = string
}

variable "dns_key_name" {
  description = "The TSIG key name, with its final dot (BIND: the key statement's name)"
  type        = string
}

variable "dns_key_algorithm" {
  description = "The TSIG key algorithm"
  type        = string
  default     = "hmac-sha256"
}

variable "dns_key_secret" {
  description = "The TSIG key secret, base64"
  type        = string
  sensitive   = true
}

provider "dns" {
  update {
    server        = var.dns_server
    key_name      = var.dns_key_name
    key_algorithm = var.dns_key_algorithm
    key_secret    = var.dns_key_secret
  }
}

# shop.example.net.
resource "dns_cname_record" "shop_example_net_dkim_1" {
  zone  = "example.net."
  name  = "q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop"
  cname = "q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg.dkim.ap-northeast-3.amazonses.com."
  ttl   = 1800
}

resource "dns_cname_record" "shop_example_net_dkim_2" {
  zone  = "example.net."
  name  = "hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm._domainkey.shop"
  cname = "hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm.dkim.ap-northeast-3.amazonses.com."
  ttl   = 1800
}

resource "dns_cname_record" "shop_example_net_dkim_3" {
  zone  = "example.net."
  name  = "b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn._domainkey.shop"
  cname = "b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn.dkim.ap-northeast-3.amazonses.com."
  ttl   = 1800
}

resource "dns_mx_record_set" "shop_example_net_mail_from_mx" {
  zone = "example.net."
  name = "bounce.shop"
  ttl  = 1800

  mx {
    preference = 10
    exchange   = "feedback-smtp.ap-northeast-3.amazonses.com."
  }
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
resource "dns_txt_record_set" "shop_example_net_mail_from_spf" {
  zone = "example.net."
  name = "bounce.shop"
  txt  = ["v=spf1 include:amazonses.com ~all"]
  ttl  = 1800
}
