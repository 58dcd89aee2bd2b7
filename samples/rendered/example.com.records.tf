# ses-export 0.1.0: DNS records for Amazon SES, as a Terraform list for any provider
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
# A module without resources: its output "records" (and local.ses_records) lists the record
# sets, one object each, for any DNS provider's resources to for_each over. Put this file in a
# folder of its own and use it with module "ses_records" { source = "./FOLDER" }.
# Every object has the same attributes:
#   key           a name unique in the list, for for_each
#   zone          the zone, with its final dot
#   name          the full name, with its final dot
#   relative_name the name relative to the zone ("@" at the apex)
#   type          CNAME, MX or TXT
#   ttl           seconds
#   priority      the MX preference; null for other types
#   values        CNAME target or MX exchange with its final dot; TXT text unquoted and whole
#   rdatas        each value as zone-file text: MX "10 host.", TXT quoted strings of at most
#                 255 bytes (what Google Cloud DNS and Route 53 change batches take)
#   exists        true for a TXT set that --merge-live read from DNS and lists whole (merged);
#                 false: the set is written as if the name held none
# Applying resources made from it does what those resources do where a name already holds
# a record set: a resource that replaces whole sets (google_dns_record_set, or
# aws_route53_record with allow_overwrite) replaces an existing _dmarc or SPF record where
# exists is false. Check first with the command above, or rerun with ses-export --merge-live.
#
# Example, Google Cloud DNS (hashicorp/google), in the configuration that uses the module:
#   resource "google_dns_record_set" "ses" {
#     for_each     = { for r in module.ses_records.records : r.key => r }
#     managed_zone = "example-com"
#     name         = each.value.name
#     type         = each.value.type
#     ttl          = each.value.ttl
#     rrdatas      = each.value.rdatas
#   }

locals {
  ses_records = [
    {
      key           = "example_com_dkim_1"
      zone          = "example.com."
      name          = "ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey.example.com."
      relative_name = "ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey"
      type          = "CNAME"
      ttl           = 1800
      priority      = null
      values        = ["ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg.dkim.amazonses.com."]
      rdatas        = ["ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg.dkim.amazonses.com."]
      exists        = false
    },
    {
      key           = "example_com_dkim_2"
      zone          = "example.com."
      name          = "7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe._domainkey.example.com."
      relative_name = "7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe._domainkey"
      type          = "CNAME"
      ttl           = 1800
      priority      = null
      values        = ["7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe.dkim.amazonses.com."]
      rdatas        = ["7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe.dkim.amazonses.com."]
      exists        = false
    },
    {
      key           = "example_com_dkim_3"
      zone          = "example.com."
      name          = "wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh._domainkey.example.com."
      relative_name = "wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh._domainkey"
      type          = "CNAME"
      ttl           = 1800
      priority      = null
      values        = ["wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh.dkim.amazonses.com."]
      rdatas        = ["wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh.dkim.amazonses.com."]
      exists        = false
    },
    {
      key           = "example_com_dmarc"
      zone          = "example.com."
      name          = "_dmarc.example.com."
      relative_name = "_dmarc"
      type          = "TXT"
      ttl           = 1800
      priority      = null
      values        = ["v=DMARC1; p=none;"]
      rdatas        = ["\"v=DMARC1; p=none;\""]
      exists        = false
    },
  ]
}

output "records" {
  description = "The Amazon SES record sets, one object each (see the comment at the top of the file)"
  value       = local.ses_records
}
