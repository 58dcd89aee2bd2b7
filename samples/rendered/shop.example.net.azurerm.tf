# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Azure DNS
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
# One azurerm_dns_cname_record, azurerm_dns_mx_record or azurerm_dns_txt_record per record
# set, named relative to its zone. Put this file in a module of its own (a folder holding
# only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root configuration
# that configures provider "azurerm" (features {} and the subscription of the zone), then run
# terraform init and terraform apply. If another file of the same module already lists
# hashicorp/azurerm in required_providers, delete the terraform block below.
# Variable resource_group_example_net: the resource group of the Azure DNS zone
#   example.net; give it with -var resource_group_example_net=NAME,
#   TF_VAR_resource_group_example_net or a module argument. zone_name_example_net: its name.
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

variable "resource_group_example_net" {
  description = "Azure resource group of example.net (the DNS zone's Overview page)"
  type        = string
}

variable "zone_name_example_net" {
  description = "Azure DNS zone name of example.net"
  type        = string
  default     = "example.net"
}

# shop.example.net.
resource "azurerm_dns_cname_record" "shop_example_net_dkim_1" {
  name                = "q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop"
  zone_name           = var.zone_name_example_net
  resource_group_name = var.resource_group_example_net
  ttl                 = 1800
  record              = trimsuffix("q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg.dkim.ap-northeast-3.amazonses.com.", ".")
}

resource "azurerm_dns_cname_record" "shop_example_net_dkim_2" {
  name                = "hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm._domainkey.shop"
  zone_name           = var.zone_name_example_net
  resource_group_name = var.resource_group_example_net
  ttl                 = 1800
  record              = trimsuffix("hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm.dkim.ap-northeast-3.amazonses.com.", ".")
}

resource "azurerm_dns_cname_record" "shop_example_net_dkim_3" {
  name                = "b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn._domainkey.shop"
  zone_name           = var.zone_name_example_net
  resource_group_name = var.resource_group_example_net
  ttl                 = 1800
  record              = trimsuffix("b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn.dkim.ap-northeast-3.amazonses.com.", ".")
}

resource "azurerm_dns_mx_record" "shop_example_net_mail_from_mx" {
  name                = "bounce.shop"
  zone_name           = var.zone_name_example_net
  resource_group_name = var.resource_group_example_net
  ttl                 = 1800

  record {
    preference = "10"
    exchange   = trimsuffix("feedback-smtp.ap-northeast-3.amazonses.com.", ".")
  }
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
resource "azurerm_dns_txt_record" "shop_example_net_mail_from_spf" {
  name                = "bounce.shop"
  zone_name           = var.zone_name_example_net
  resource_group_name = var.resource_group_example_net
  ttl                 = 1800

  record {
    value = "v=spf1 include:amazonses.com ~all"
  }
}
