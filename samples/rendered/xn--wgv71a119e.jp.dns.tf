# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for RFC 2136 (hashicorp/dns)
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

# xn--wgv71a119e.jp.
resource "dns_cname_record" "xn__wgv71a119e_jp_dkim_1" {
  zone  = "xn--wgv71a119e.jp."
  name  = "kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh._domainkey"
  cname = "kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh.dkim.amazonses.com."
  ttl   = 1800
}

resource "dns_cname_record" "xn__wgv71a119e_jp_dkim_2" {
  zone  = "xn--wgv71a119e.jp."
  name  = "u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5._domainkey"
  cname = "u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5.dkim.amazonses.com."
  ttl   = 1800
}

resource "dns_cname_record" "xn__wgv71a119e_jp_dkim_3" {
  zone  = "xn--wgv71a119e.jp."
  name  = "fq2t7dl5mypbxpwzzs4b66czz2i5ldyd._domainkey"
  cname = "fq2t7dl5mypbxpwzzs4b66czz2i5ldyd.dkim.amazonses.com."
  ttl   = 1800
}

resource "dns_mx_record_set" "xn__wgv71a119e_jp_mail_from_mx" {
  zone = "xn--wgv71a119e.jp."
  name = "mail"
  ttl  = 1800

  mx {
    preference = 10
    exchange   = "feedback-smtp.ap-northeast-1.amazonses.com."
  }
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
resource "dns_txt_record_set" "xn__wgv71a119e_jp_mail_from_spf" {
  zone = "xn--wgv71a119e.jp."
  name = "mail"
  txt  = ["v=spf1 include:amazonses.com ~all"]
  ttl  = 1800
}

# If this name already has a v=DMARC1 record, keep it and skip this record.
resource "dns_txt_record_set" "xn__wgv71a119e_jp_dmarc" {
  zone = "xn--wgv71a119e.jp."
  name = "_dmarc"
  txt  = ["v=DMARC1; p=none;"]
  ttl  = 1800
}
