# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Cloudflare (provider v5)
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
# One cloudflare_dns_record per record. Put this file in a module of its own (a folder
# holding only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root
# configuration with a Cloudflare API token that may edit DNS, then run terraform init and
# terraform apply. If another file of the same module already lists cloudflare/cloudflare
# in required_providers, delete the terraform block below.
# Variable zone_id_example_org: the zone id of example.org; give it with
#   -var zone_id_example_org=ID, TF_VAR_zone_id_example_org or a module argument.
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

variable "zone_id_example_org" {
  description = "Cloudflare zone id of example.org (the zone's Overview page, API section)"
  type        = string
}

# byodkim.example.org.
resource "cloudflare_dns_record" "byodkim_example_org_dkim_1" {
  zone_id = var.zone_id_example_org
  name    = trimsuffix("ses2026._domainkey.byodkim.example.org.", ".")
  type    = "TXT"
  content = "\"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuRbivoE66mdbAWqdT0oiJ2qvCKgn2TPEtbCdN3hVeC9ZoNtXeFb0Y4mk4mHM0u0teJmrZ+7YMNEXKBs9FgeZywpAu6Y7hYAemYZOARui6uZ+9VOpqQsXNww0n47+G99yNVQmL8TB6/V+cDML92cGP60msFXStL6m8gGk9S/yMROL6Mq9MkfASrorlyk+5MoG8nbTZcNakZAhVRhQy\" \"okidoazxC93R7Xr+80NnF8XpGFWrzPxHmh5tlepMm65ckM0SP3Qazofmlz7xeHrKEnC1MZ4UhzwSTOwdkteG68+99DyR4mdq6/Bn7OISBBoMtFlY0ZQlzPLVBQiyoEfQ1f1lQIDAQAB\""
  ttl     = 1800
  proxied = false
}

resource "cloudflare_dns_record" "byodkim_example_org_mail_from_mx" {
  zone_id  = var.zone_id_example_org
  name     = trimsuffix("mail.byodkim.example.org.", ".")
  type     = "MX"
  content  = trimsuffix("feedback-smtp.eu-central-2.amazonses.com.", ".")
  priority = 10
  ttl      = 1800
  proxied  = false
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
resource "cloudflare_dns_record" "byodkim_example_org_mail_from_spf" {
  zone_id = var.zone_id_example_org
  name    = trimsuffix("mail.byodkim.example.org.", ".")
  type    = "TXT"
  content = "\"v=spf1 include:amazonses.com ~all\""
  ttl     = 1800
  proxied = false
}
