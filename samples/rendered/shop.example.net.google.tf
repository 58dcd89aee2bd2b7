# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Google Cloud DNS
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
# One google_dns_record_set per record set. Put this file in a module of its own (a folder
# holding only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root
# configuration with Google credentials for the project of the managed zone, then run
# terraform init and terraform apply. If another file of the same module already lists
# hashicorp/google in required_providers, delete the terraform block below.
# Variable managed_zone_example_net: the name of the Cloud DNS managed zone of example.net
#   (gcloud dns managed-zones list); give it with -var managed_zone_example_net=NAME,
#   TF_VAR_managed_zone_example_net or a module argument.
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

variable "managed_zone_example_net" {
  description = "Cloud DNS managed zone name of example.net (gcloud dns managed-zones list)"
  type        = string
}

data "google_dns_managed_zone" "example_net" {
  name = var.managed_zone_example_net

  lifecycle {
    postcondition {
      condition     = self.dns_name == "example.net."
      error_message = "The managed zone named by var.managed_zone_example_net is not example.net."
    }
  }
}

# shop.example.net.
resource "google_dns_record_set" "shop_example_net_dkim_1" {
  managed_zone = data.google_dns_managed_zone.example_net.name
  name         = "q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop.example.net."
  type         = "CNAME"
  ttl          = 1800
  rrdatas      = ["q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg.dkim.ap-northeast-3.amazonses.com."]
}

resource "google_dns_record_set" "shop_example_net_dkim_2" {
  managed_zone = data.google_dns_managed_zone.example_net.name
  name         = "hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm._domainkey.shop.example.net."
  type         = "CNAME"
  ttl          = 1800
  rrdatas      = ["hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm.dkim.ap-northeast-3.amazonses.com."]
}

resource "google_dns_record_set" "shop_example_net_dkim_3" {
  managed_zone = data.google_dns_managed_zone.example_net.name
  name         = "b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn._domainkey.shop.example.net."
  type         = "CNAME"
  ttl          = 1800
  rrdatas      = ["b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn.dkim.ap-northeast-3.amazonses.com."]
}

resource "google_dns_record_set" "shop_example_net_mail_from_mx" {
  managed_zone = data.google_dns_managed_zone.example_net.name
  name         = "bounce.shop.example.net."
  type         = "MX"
  ttl          = 1800
  rrdatas      = ["10 feedback-smtp.ap-northeast-3.amazonses.com."]
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
# Applied as it stands, this resource replaces such a record (the provider deletes the set it finds).
resource "google_dns_record_set" "shop_example_net_mail_from_spf" {
  managed_zone = data.google_dns_managed_zone.example_net.name
  name         = "bounce.shop.example.net."
  type         = "TXT"
  ttl          = 1800
  rrdatas      = ["\"v=spf1 include:amazonses.com ~all\""]
}
