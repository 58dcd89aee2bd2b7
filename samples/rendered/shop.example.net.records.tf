# ses-export 0.1.0: DNS records for Amazon SES, as a Terraform list for any provider
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
      key           = "shop_example_net_dkim_1"
      zone          = "example.net."
      name          = "q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop.example.net."
      relative_name = "q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop"
      type          = "CNAME"
      ttl           = 1800
      priority      = null
      values        = ["q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg.dkim.ap-northeast-3.amazonses.com."]
      rdatas        = ["q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg.dkim.ap-northeast-3.amazonses.com."]
      exists        = false
    },
    {
      key           = "shop_example_net_dkim_2"
      zone          = "example.net."
      name          = "hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm._domainkey.shop.example.net."
      relative_name = "hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm._domainkey.shop"
      type          = "CNAME"
      ttl           = 1800
      priority      = null
      values        = ["hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm.dkim.ap-northeast-3.amazonses.com."]
      rdatas        = ["hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm.dkim.ap-northeast-3.amazonses.com."]
      exists        = false
    },
    {
      key           = "shop_example_net_dkim_3"
      zone          = "example.net."
      name          = "b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn._domainkey.shop.example.net."
      relative_name = "b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn._domainkey.shop"
      type          = "CNAME"
      ttl           = 1800
      priority      = null
      values        = ["b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn.dkim.ap-northeast-3.amazonses.com."]
      rdatas        = ["b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn.dkim.ap-northeast-3.amazonses.com."]
      exists        = false
    },
    {
      key           = "shop_example_net_mail_from_mx"
      zone          = "example.net."
      name          = "bounce.shop.example.net."
      relative_name = "bounce.shop"
      type          = "MX"
      ttl           = 1800
      priority      = 10
      values        = ["feedback-smtp.ap-northeast-3.amazonses.com."]
      rdatas        = ["10 feedback-smtp.ap-northeast-3.amazonses.com."]
      exists        = false
    },
    {
      key           = "shop_example_net_mail_from_spf"
      zone          = "example.net."
      name          = "bounce.shop.example.net."
      relative_name = "bounce.shop"
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
