# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for RFC 2136 (hashicorp/dns)
#
# Identity byodkim.example.org, region eu-central-2, zone example.org.
# Zone assumed: the registrable domain (Public Suffix List); --zone ZONE changes it
# Check afterwards with:
#   ses-export byodkim.example.org --identity-file samples/identities/byodkim.example.org.json --dkim-public-key samples/keys/byodkim.example.org.pem --region eu-central-2 --check
# or without ses-export: each dig line prints what follows "->" (a long key shortened at "…"), nslookup the same:
#   dig +short TXT ses2026._domainkey.byodkim.example.org.  -> "p=MIIBIjANBgkqh…kZAhVRhQy" "okidoazxC93R7Xr…1lQIDAQAB"
#   nslookup -type=TXT ses2026._domainkey.byodkim.example.org.
#   dig +short MX mail.byodkim.example.org.  -> 10 feedback-smtp.eu-central-2.amazonses.com.
#   nslookup -type=MX mail.byodkim.example.org.
#   dig +short TXT mail.byodkim.example.org.  -> "v=spf1 include:amazonses.com ~all"
#   nslookup -type=TXT mail.byodkim.example.org.
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

# byodkim.example.org.
resource "dns_txt_record_set" "byodkim_example_org_dkim_1" {
  zone = "example.org."
  name = "ses2026._domainkey.byodkim"
  txt  = ["p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuRbivoE66mdbAWqdT0oiJ2qvCKgn2TPEtbCdN3hVeC9ZoNtXeFb0Y4mk4mHM0u0teJmrZ+7YMNEXKBs9FgeZywpAu6Y7hYAemYZOARui6uZ+9VOpqQsXNww0n47+G99yNVQmL8TB6/V+cDML92cGP60msFXStL6m8gGk9S/yMROL6Mq9MkfASrorlyk+5MoG8nbTZcNakZAhVRhQyokidoazxC93R7Xr+80NnF8XpGFWrzPxHmh5tlepMm65ckM0SP3Qazofmlz7xeHrKEnC1MZ4UhzwSTOwdkteG68+99DyR4mdq6/Bn7OISBBoMtFlY0ZQlzPLVBQiyoEfQ1f1lQIDAQAB"]
  ttl  = 1800
}

resource "dns_mx_record_set" "byodkim_example_org_mail_from_mx" {
  zone = "example.org."
  name = "mail.byodkim"
  ttl  = 1800

  mx {
    preference = 10
    exchange   = "feedback-smtp.eu-central-2.amazonses.com."
  }
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
resource "dns_txt_record_set" "byodkim_example_org_mail_from_spf" {
  zone = "example.org."
  name = "mail.byodkim"
  txt  = ["v=spf1 include:amazonses.com ~all"]
  ttl  = 1800
}
