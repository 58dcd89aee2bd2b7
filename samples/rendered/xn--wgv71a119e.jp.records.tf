# ses-export 0.1.0: DNS records for Amazon SES, as a Terraform list for any provider
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
      key           = "xn__wgv71a119e_jp_dkim_1"
      zone          = "xn--wgv71a119e.jp."
      name          = "kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh._domainkey.xn--wgv71a119e.jp."
      relative_name = "kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh._domainkey"
      type          = "CNAME"
      ttl           = 1800
      priority      = null
      values        = ["kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh.dkim.amazonses.com."]
      rdatas        = ["kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh.dkim.amazonses.com."]
      exists        = false
    },
    {
      key           = "xn__wgv71a119e_jp_dkim_2"
      zone          = "xn--wgv71a119e.jp."
      name          = "u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5._domainkey.xn--wgv71a119e.jp."
      relative_name = "u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5._domainkey"
      type          = "CNAME"
      ttl           = 1800
      priority      = null
      values        = ["u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5.dkim.amazonses.com."]
      rdatas        = ["u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5.dkim.amazonses.com."]
      exists        = false
    },
    {
      key           = "xn__wgv71a119e_jp_dkim_3"
      zone          = "xn--wgv71a119e.jp."
      name          = "fq2t7dl5mypbxpwzzs4b66czz2i5ldyd._domainkey.xn--wgv71a119e.jp."
      relative_name = "fq2t7dl5mypbxpwzzs4b66czz2i5ldyd._domainkey"
      type          = "CNAME"
      ttl           = 1800
      priority      = null
      values        = ["fq2t7dl5mypbxpwzzs4b66czz2i5ldyd.dkim.amazonses.com."]
      rdatas        = ["fq2t7dl5mypbxpwzzs4b66czz2i5ldyd.dkim.amazonses.com."]
      exists        = false
    },
    {
      key           = "xn__wgv71a119e_jp_mail_from_mx"
      zone          = "xn--wgv71a119e.jp."
      name          = "mail.xn--wgv71a119e.jp."
      relative_name = "mail"
      type          = "MX"
      ttl           = 1800
      priority      = 10
      values        = ["feedback-smtp.ap-northeast-1.amazonses.com."]
      rdatas        = ["10 feedback-smtp.ap-northeast-1.amazonses.com."]
      exists        = false
    },
    {
      key           = "xn__wgv71a119e_jp_mail_from_spf"
      zone          = "xn--wgv71a119e.jp."
      name          = "mail.xn--wgv71a119e.jp."
      relative_name = "mail"
      type          = "TXT"
      ttl           = 1800
      priority      = null
      values        = ["v=spf1 include:amazonses.com ~all"]
      rdatas        = ["\"v=spf1 include:amazonses.com ~all\""]
      exists        = false
    },
    {
      key           = "xn__wgv71a119e_jp_dmarc"
      zone          = "xn--wgv71a119e.jp."
      name          = "_dmarc.xn--wgv71a119e.jp."
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
