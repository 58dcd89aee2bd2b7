# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Google Cloud DNS
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
# One google_dns_record_set per record set. Put this file in a module of its own (a folder
# holding only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root
# configuration with Google credentials for the project of the managed zone, then run
# terraform init and terraform apply. If another file of the same module already lists
# hashicorp/google in required_providers, delete the terraform block below.
# Variable managed_zone_xn__wgv71a119e_jp: the name of the Cloud DNS managed zone of xn--wgv71a119e.jp
#   (gcloud dns managed-zones list); give it with -var managed_zone_xn__wgv71a119e_jp=NAME,
#   TF_VAR_managed_zone_xn__wgv71a119e_jp or a module argument.
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

variable "managed_zone_xn__wgv71a119e_jp" {
  description = "Cloud DNS managed zone name of xn--wgv71a119e.jp (gcloud dns managed-zones list)"
  type        = string
}

data "google_dns_managed_zone" "xn__wgv71a119e_jp" {
  name = var.managed_zone_xn__wgv71a119e_jp

  lifecycle {
    postcondition {
      condition     = self.dns_name == "xn--wgv71a119e.jp."
      error_message = "The managed zone named by var.managed_zone_xn__wgv71a119e_jp is not xn--wgv71a119e.jp."
    }
  }
}

# xn--wgv71a119e.jp.
resource "google_dns_record_set" "xn__wgv71a119e_jp_dkim_1" {
  managed_zone = data.google_dns_managed_zone.xn__wgv71a119e_jp.name
  name         = "kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh._domainkey.xn--wgv71a119e.jp."
  type         = "CNAME"
  ttl          = 1800
  rrdatas      = ["kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh.dkim.amazonses.com."]
}

resource "google_dns_record_set" "xn__wgv71a119e_jp_dkim_2" {
  managed_zone = data.google_dns_managed_zone.xn__wgv71a119e_jp.name
  name         = "u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5._domainkey.xn--wgv71a119e.jp."
  type         = "CNAME"
  ttl          = 1800
  rrdatas      = ["u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5.dkim.amazonses.com."]
}

resource "google_dns_record_set" "xn__wgv71a119e_jp_dkim_3" {
  managed_zone = data.google_dns_managed_zone.xn__wgv71a119e_jp.name
  name         = "fq2t7dl5mypbxpwzzs4b66czz2i5ldyd._domainkey.xn--wgv71a119e.jp."
  type         = "CNAME"
  ttl          = 1800
  rrdatas      = ["fq2t7dl5mypbxpwzzs4b66czz2i5ldyd.dkim.amazonses.com."]
}

resource "google_dns_record_set" "xn__wgv71a119e_jp_mail_from_mx" {
  managed_zone = data.google_dns_managed_zone.xn__wgv71a119e_jp.name
  name         = "mail.xn--wgv71a119e.jp."
  type         = "MX"
  ttl          = 1800
  rrdatas      = ["10 feedback-smtp.ap-northeast-1.amazonses.com."]
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
# Applied as it stands, this resource replaces such a record (the provider deletes the set it finds).
resource "google_dns_record_set" "xn__wgv71a119e_jp_mail_from_spf" {
  managed_zone = data.google_dns_managed_zone.xn__wgv71a119e_jp.name
  name         = "mail.xn--wgv71a119e.jp."
  type         = "TXT"
  ttl          = 1800
  rrdatas      = ["\"v=spf1 include:amazonses.com ~all\""]
}

# If this name already has a v=DMARC1 record, keep it and skip this record.
# Applied as it stands, this resource replaces such a record (the provider deletes the set it finds).
resource "google_dns_record_set" "xn__wgv71a119e_jp_dmarc" {
  managed_zone = data.google_dns_managed_zone.xn__wgv71a119e_jp.name
  name         = "_dmarc.xn--wgv71a119e.jp."
  type         = "TXT"
  ttl          = 1800
  rrdatas      = ["\"v=DMARC1; p=none;\""]
}
