# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for RFC 2136 (hashicorp/dns)
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

# example.com.
resource "dns_cname_record" "example_com_dkim_1" {
  zone  = "example.com."
  name  = "ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey"
  cname = "ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg.dkim.amazonses.com."
  ttl   = 1800
}

resource "dns_cname_record" "example_com_dkim_2" {
  zone  = "example.com."
  name  = "7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe._domainkey"
  cname = "7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe.dkim.amazonses.com."
  ttl   = 1800
}

resource "dns_cname_record" "example_com_dkim_3" {
  zone  = "example.com."
  name  = "wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh._domainkey"
  cname = "wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh.dkim.amazonses.com."
  ttl   = 1800
}

# If this name already has a v=DMARC1 record, keep it and skip this record.
resource "dns_txt_record_set" "example_com_dmarc" {
  zone = "example.com."
  name = "_dmarc"
  txt  = ["v=DMARC1; p=none;"]
  ttl  = 1800
}
