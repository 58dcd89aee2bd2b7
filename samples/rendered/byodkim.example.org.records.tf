# ses-export 0.1.0: DNS records for Amazon SES, as a Terraform list for any provider
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
      key           = "byodkim_example_org_dkim_1"
      zone          = "example.org."
      name          = "ses2026._domainkey.byodkim.example.org."
      relative_name = "ses2026._domainkey.byodkim"
      type          = "TXT"
      ttl           = 1800
      priority      = null
      values        = ["p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuRbivoE66mdbAWqdT0oiJ2qvCKgn2TPEtbCdN3hVeC9ZoNtXeFb0Y4mk4mHM0u0teJmrZ+7YMNEXKBs9FgeZywpAu6Y7hYAemYZOARui6uZ+9VOpqQsXNww0n47+G99yNVQmL8TB6/V+cDML92cGP60msFXStL6m8gGk9S/yMROL6Mq9MkfASrorlyk+5MoG8nbTZcNakZAhVRhQyokidoazxC93R7Xr+80NnF8XpGFWrzPxHmh5tlepMm65ckM0SP3Qazofmlz7xeHrKEnC1MZ4UhzwSTOwdkteG68+99DyR4mdq6/Bn7OISBBoMtFlY0ZQlzPLVBQiyoEfQ1f1lQIDAQAB"]
      rdatas        = ["\"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuRbivoE66mdbAWqdT0oiJ2qvCKgn2TPEtbCdN3hVeC9ZoNtXeFb0Y4mk4mHM0u0teJmrZ+7YMNEXKBs9FgeZywpAu6Y7hYAemYZOARui6uZ+9VOpqQsXNww0n47+G99yNVQmL8TB6/V+cDML92cGP60msFXStL6m8gGk9S/yMROL6Mq9MkfASrorlyk+5MoG8nbTZcNakZAhVRhQy\" \"okidoazxC93R7Xr+80NnF8XpGFWrzPxHmh5tlepMm65ckM0SP3Qazofmlz7xeHrKEnC1MZ4UhzwSTOwdkteG68+99DyR4mdq6/Bn7OISBBoMtFlY0ZQlzPLVBQiyoEfQ1f1lQIDAQAB\""]
      exists        = false
    },
    {
      key           = "byodkim_example_org_mail_from_mx"
      zone          = "example.org."
      name          = "mail.byodkim.example.org."
      relative_name = "mail.byodkim"
      type          = "MX"
      ttl           = 1800
      priority      = 10
      values        = ["feedback-smtp.eu-central-2.amazonses.com."]
      rdatas        = ["10 feedback-smtp.eu-central-2.amazonses.com."]
      exists        = false
    },
    {
      key           = "byodkim_example_org_mail_from_spf"
      zone          = "example.org."
      name          = "mail.byodkim.example.org."
      relative_name = "mail.byodkim"
      type          = "TXT"
      ttl           = 1800
      priority      = null
      values        = ["v=spf1 include:amazonses.com ~all"]
      rdatas        = ["\"v=spf1 include:amazonses.com ~all\""]
      exists        = false
    },
  ]
}

output "records" {
  description = "The Amazon SES record sets, one object each (see the comment at the top of the file)"
  value       = local.ses_records
}
