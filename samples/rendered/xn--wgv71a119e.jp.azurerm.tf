# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Azure DNS
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
# One azurerm_dns_cname_record, azurerm_dns_mx_record or azurerm_dns_txt_record per record
# set, named relative to its zone. Put this file in a module of its own (a folder holding
# only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root configuration
# that configures provider "azurerm" (features {} and the subscription of the zone), then run
# terraform init and terraform apply. If another file of the same module already lists
# hashicorp/azurerm in required_providers, delete the terraform block below.
# Variable resource_group_xn__wgv71a119e_jp: the resource group of the Azure DNS zone
#   xn--wgv71a119e.jp; give it with -var resource_group_xn__wgv71a119e_jp=NAME,
#   TF_VAR_resource_group_xn__wgv71a119e_jp or a module argument. zone_name_xn__wgv71a119e_jp: its name.
# CNAME targets and MX exchanges are sent without the final dot (trimsuffix): Azure DNS
# reads every target as a full name, and the provider documents them without it.
# TXT values are whole: the provider splits them into strings of 254 bytes itself.
# Azure refuses to create a record set that exists: where _dmarc or a MAIL FROM name already
# has TXT (a DMARC policy, another sender's SPF, a site verification), terraform apply fails
# on that resource ("already exists - to be managed via Terraform this resource needs to be
# imported") and leaves the set as it was. ses-export --merge-live writes the set merged with
# what the zone holds, to import and apply.

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.0, < 5.0"
    }
  }
}

variable "resource_group_xn__wgv71a119e_jp" {
  description = "Azure resource group of xn--wgv71a119e.jp (the DNS zone's Overview page)"
  type        = string
}

variable "zone_name_xn__wgv71a119e_jp" {
  description = "Azure DNS zone name of xn--wgv71a119e.jp"
  type        = string
  default     = "xn--wgv71a119e.jp"
}

# xn--wgv71a119e.jp.
resource "azurerm_dns_cname_record" "xn__wgv71a119e_jp_dkim_1" {
  name                = "kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh._domainkey"
  zone_name           = var.zone_name_xn__wgv71a119e_jp
  resource_group_name = var.resource_group_xn__wgv71a119e_jp
  ttl                 = 1800
  record              = trimsuffix("kx3m7c2fwrlqz6mqkoev3p5pjb2cbsvh.dkim.amazonses.com.", ".")
}

resource "azurerm_dns_cname_record" "xn__wgv71a119e_jp_dkim_2" {
  name                = "u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5._domainkey"
  zone_name           = var.zone_name_xn__wgv71a119e_jp
  resource_group_name = var.resource_group_xn__wgv71a119e_jp
  ttl                 = 1800
  record              = trimsuffix("u6t4cnc3thlsq2bqfzyv3xg6qnpjxgn5.dkim.amazonses.com.", ".")
}

resource "azurerm_dns_cname_record" "xn__wgv71a119e_jp_dkim_3" {
  name                = "fq2t7dl5mypbxpwzzs4b66czz2i5ldyd._domainkey"
  zone_name           = var.zone_name_xn__wgv71a119e_jp
  resource_group_name = var.resource_group_xn__wgv71a119e_jp
  ttl                 = 1800
  record              = trimsuffix("fq2t7dl5mypbxpwzzs4b66czz2i5ldyd.dkim.amazonses.com.", ".")
}

resource "azurerm_dns_mx_record" "xn__wgv71a119e_jp_mail_from_mx" {
  name                = "mail"
  zone_name           = var.zone_name_xn__wgv71a119e_jp
  resource_group_name = var.resource_group_xn__wgv71a119e_jp
  ttl                 = 1800

  record {
    preference = "10"
    exchange   = trimsuffix("feedback-smtp.ap-northeast-1.amazonses.com.", ".")
  }
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
resource "azurerm_dns_txt_record" "xn__wgv71a119e_jp_mail_from_spf" {
  name                = "mail"
  zone_name           = var.zone_name_xn__wgv71a119e_jp
  resource_group_name = var.resource_group_xn__wgv71a119e_jp
  ttl                 = 1800

  record {
    value = "v=spf1 include:amazonses.com ~all"
  }
}

# If this name already has a v=DMARC1 record, keep it and skip this record.
resource "azurerm_dns_txt_record" "xn__wgv71a119e_jp_dmarc" {
  name                = "_dmarc"
  zone_name           = var.zone_name_xn__wgv71a119e_jp
  resource_group_name = var.resource_group_xn__wgv71a119e_jp
  ttl                 = 1800

  record {
    value = "v=DMARC1; p=none;"
  }
}
