# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Azure DNS
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
# One azurerm_dns_cname_record, azurerm_dns_mx_record or azurerm_dns_txt_record per record
# set, named relative to its zone. Put this file in a module of its own (a folder holding
# only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root configuration
# that configures provider "azurerm" (features {} and the subscription of the zone), then run
# terraform init and terraform apply. If another file of the same module already lists
# hashicorp/azurerm in required_providers, delete the terraform block below.
# Variable resource_group_example_com: the resource group of the Azure DNS zone
#   example.com; give it with -var resource_group_example_com=NAME,
#   TF_VAR_resource_group_example_com or a module argument. zone_name_example_com: its name.
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

variable "resource_group_example_com" {
  description = "Azure resource group of example.com (the DNS zone's Overview page)"
  type        = string
}

variable "zone_name_example_com" {
  description = "Azure DNS zone name of example.com"
  type        = string
  default     = "example.com"
}

# example.com.
resource "azurerm_dns_cname_record" "example_com_dkim_1" {
  name                = "ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey"
  zone_name           = var.zone_name_example_com
  resource_group_name = var.resource_group_example_com
  ttl                 = 1800
  record              = trimsuffix("ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg.dkim.amazonses.com.", ".")
}

resource "azurerm_dns_cname_record" "example_com_dkim_2" {
  name                = "7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe._domainkey"
  zone_name           = var.zone_name_example_com
  resource_group_name = var.resource_group_example_com
  ttl                 = 1800
  record              = trimsuffix("7v2lhvdmo5rf3brvkl3nxsmqoexgkcqe.dkim.amazonses.com.", ".")
}

resource "azurerm_dns_cname_record" "example_com_dkim_3" {
  name                = "wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh._domainkey"
  zone_name           = var.zone_name_example_com
  resource_group_name = var.resource_group_example_com
  ttl                 = 1800
  record              = trimsuffix("wqbjbkqfqbsnk7vw4ie5oa3bc5mhd7yh.dkim.amazonses.com.", ".")
}

# If this name already has a v=DMARC1 record, keep it and skip this record.
resource "azurerm_dns_txt_record" "example_com_dmarc" {
  name                = "_dmarc"
  zone_name           = var.zone_name_example_com
  resource_group_name = var.resource_group_example_com
  ttl                 = 1800

  record {
    value = "v=DMARC1; p=none;"
  }
}
