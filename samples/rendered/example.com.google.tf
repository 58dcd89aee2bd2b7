# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Google Cloud DNS
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
# One google_dns_record_set per record set. Put this file in a module of its own (a folder
# holding only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root
# configuration with Google credentials for the project of the managed zone, then run
# terraform init and terraform apply. If another file of the same module already lists
# hashicorp/google in required_providers, delete the terraform block below.
# Variable managed_zone_example_com: the name of the Cloud DNS managed zone of example.com
#   (gcloud dns managed-zones list); give it with -var managed_zone_example_com=NAME,
#   TF_VAR_managed_zone_example_com or a module argument.
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

variable "managed_zone_example_com" {
  description = "Cloud DNS managed zone name of example.com (gcloud dns managed-zones list)"
  type        = string
}

data "google_dns_managed_zone" "example_com" {
  name = var.managed_zone_example_com

  lifecycle {
    postcondition {
      condition     = self.dns_name == "example.com."
      error_message = "The managed zone named by var.managed_zone_example_com is not example.com."
    }
  }
}

# example.com.
resource "google_dns_record_set" "example_com_dkim_1" {
  managed_zone = data.google_dns_managed_zone.example_com.name
  name         = "ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey.example.com."
  type         = "CNAME"
  ttl          = 1800
  rrdatas      = ["ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg.dkim.amazonses.com."]
}

resource "google_dns_record_set" "example_com_dkim_2" {
  managed_zone = data.google_dns_managed_zone.example_com.name
  name         = "7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe._domainkey.example.com."
  type         = "CNAME"
  ttl          = 1800
  rrdatas      = ["7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe.dkim.amazonses.com."]
}

resource "google_dns_record_set" "example_com_dkim_3" {
  managed_zone = data.google_dns_managed_zone.example_com.name
  name         = "wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh._domainkey.example.com."
  type         = "CNAME"
  ttl          = 1800
  rrdatas      = ["wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh.dkim.amazonses.com."]
}

# If this name already has a v=DMARC1 record, keep it and skip this record.
# Applied as it stands, this resource replaces such a record (the provider deletes the set it finds).
resource "google_dns_record_set" "example_com_dmarc" {
  managed_zone = data.google_dns_managed_zone.example_com.name
  name         = "_dmarc.example.com."
  type         = "TXT"
  ttl          = 1800
  rrdatas      = ["\"v=DMARC1; p=none;\""]
}
