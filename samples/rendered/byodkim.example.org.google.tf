# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Google Cloud DNS
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
# One google_dns_record_set per record set. Put this file in a module of its own (a folder
# holding only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root
# configuration with Google credentials for the project of the managed zone, then run
# terraform init and terraform apply. If another file of the same module already lists
# hashicorp/google in required_providers, delete the terraform block below.
# Variable managed_zone_example_org: the name of the Cloud DNS managed zone of example.org
#   (gcloud dns managed-zones list); give it with -var managed_zone_example_org=NAME,
#   TF_VAR_managed_zone_example_org or a module argument.
# terraform plan stops if that managed zone's DNS name is not the zone above.
# Values are Cloud DNS's own form: names and targets with their final dot, MX as
# "10 host.", TXT as quoted strings of at most 255 bytes.
# The provider replaces a record set the zone already holds at a name and type it creates
# (it deletes the old set in the same change). Where _dmarc or a MAIL FROM name already has
# TXT (a DMARC policy, another sender's SPF, a site verification), terraform apply would
# replace it: check first with the command above, or rerun with ses-export --merge-live,
# which writes those sets merged with what the zone holds.

terraform {
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.0, < 7.0"
    }
  }
}

variable "managed_zone_example_org" {
  description = "Cloud DNS managed zone name of example.org (gcloud dns managed-zones list)"
  type        = string
}

data "google_dns_managed_zone" "example_org" {
  name = var.managed_zone_example_org

  lifecycle {
    postcondition {
      condition     = self.dns_name == "example.org."
      error_message = "The managed zone named by var.managed_zone_example_org is not example.org."
    }
  }
}

# byodkim.example.org.
resource "google_dns_record_set" "byodkim_example_org_dkim_1" {
  managed_zone = data.google_dns_managed_zone.example_org.name
  name         = "ses2026._domainkey.byodkim.example.org."
  type         = "TXT"
  ttl          = 1800
  rrdatas      = ["\"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuRbivoE66mdbAWqdT0oiJ2qvCKgn2TPEtbCdN3hVeC9ZoNtXeFb0Y4mk4mHM0u0teJmrZ+7YMNEXKBs9FgeZywpAu6Y7hYAemYZOARui6uZ+9VOpqQsXNww0n47+G99yNVQmL8TB6/V+cDML92cGP60msFXStL6m8gGk9S/yMROL6Mq9MkfASrorlyk+5MoG8nbTZcNakZAhVRhQy\" \"okidoazxC93R7Xr+80NnF8XpGFWrzPxHmh5tlepMm65ckM0SP3Qazofmlz7xeHrKEnC1MZ4UhzwSTOwdkteG68+99DyR4mdq6/Bn7OISBBoMtFlY0ZQlzPLVBQiyoEfQ1f1lQIDAQAB\""]
}

resource "google_dns_record_set" "byodkim_example_org_mail_from_mx" {
  managed_zone = data.google_dns_managed_zone.example_org.name
  name         = "mail.byodkim.example.org."
  type         = "MX"
  ttl          = 1800
  rrdatas      = ["10 feedback-smtp.eu-central-2.amazonses.com."]
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
# Applied as it stands, this resource replaces such a record (the provider deletes the set it finds).
resource "google_dns_record_set" "byodkim_example_org_mail_from_spf" {
  managed_zone = data.google_dns_managed_zone.example_org.name
  name         = "mail.byodkim.example.org."
  type         = "TXT"
  ttl          = 1800
  rrdatas      = ["\"v=spf1 include:amazonses.com ~all\""]
}
