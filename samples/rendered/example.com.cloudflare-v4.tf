# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Cloudflare (provider v4)
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
# One cloudflare_record per record. Put this file in a module of its own (a folder
# holding only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root
# configuration with a Cloudflare API token that may edit DNS, then run terraform init and
# terraform apply. If another file of the same module already lists cloudflare/cloudflare
# in required_providers, delete the terraform block below.
# Variable zone_id_example_com: the zone id of example.com; give it with
#   -var zone_id_example_com=ID, TF_VAR_zone_id_example_com or a module argument.
# proxied = false: DNS must answer with the record itself; a proxied DKIM CNAME breaks DKIM.
# trimsuffix(): Cloudflare stores names without the final dot; sent, it is a permanent diff (provider issues 7286, 154).
# TXT content: quoted strings of at most 255 bytes, as Cloudflare stores them, so no drift (issues 6238, 6354).

terraform {
  required_providers {
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 4.39"
    }
  }
}

variable "zone_id_example_com" {
  description = "Cloudflare zone id of example.com (the zone's Overview page, API section)"
  type        = string
}

# example.com.
resource "cloudflare_record" "example_com_dkim_1" {
  zone_id = var.zone_id_example_com
  name    = trimsuffix("ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey.example.com.", ".")
  type    = "CNAME"
  content = trimsuffix("ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg.dkim.amazonses.com.", ".")
  ttl     = 1800
  proxied = false
}

resource "cloudflare_record" "example_com_dkim_2" {
  zone_id = var.zone_id_example_com
  name    = trimsuffix("7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe._domainkey.example.com.", ".")
  type    = "CNAME"
  content = trimsuffix("7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe.dkim.amazonses.com.", ".")
  ttl     = 1800
  proxied = false
}

resource "cloudflare_record" "example_com_dkim_3" {
  zone_id = var.zone_id_example_com
  name    = trimsuffix("wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh._domainkey.example.com.", ".")
  type    = "CNAME"
  content = trimsuffix("wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh.dkim.amazonses.com.", ".")
  ttl     = 1800
  proxied = false
}

# If this name already has a v=DMARC1 record, keep it and skip this record.
resource "cloudflare_record" "example_com_dmarc" {
  zone_id = var.zone_id_example_com
  name    = trimsuffix("_dmarc.example.com.", ".")
  type    = "TXT"
  content = "\"v=DMARC1; p=none;\""
  ttl     = 1800
  proxied = false
}
