# ses-export 0.1.0: DNS records for Amazon SES, as Terraform for Azure DNS
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
# One azurerm_dns_cname_record, azurerm_dns_mx_record or azurerm_dns_txt_record per record
# set, named relative to its zone. Put this file in a module of its own (a folder holding
# only it, used with module "ses_dns" { source = "./FOLDER" }) or in a root configuration
# that configures provider "azurerm" (features {} and the subscription of the zone), then run
# terraform init and terraform apply. If another file of the same module already lists
# hashicorp/azurerm in required_providers, delete the terraform block below.
# Variable resource_group_example_org: the resource group of the Azure DNS zone
#   example.org; give it with -var resource_group_example_org=NAME,
#   TF_VAR_resource_group_example_org or a module argument. zone_name_example_org: its name.
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

variable "resource_group_example_org" {
  description = "Azure resource group of example.org (the DNS zone's Overview page)"
  type        = string
}

variable "zone_name_example_org" {
  description = "Azure DNS zone name of example.org"
  type        = string
  default     = "example.org"
}

# byodkim.example.org.
resource "azurerm_dns_txt_record" "byodkim_example_org_dkim_1" {
  name                = "ses2026._domainkey.byodkim"
  zone_name           = var.zone_name_example_org
  resource_group_name = var.resource_group_example_org
  ttl                 = 1800

  record {
    value = "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuRbivoE66mdbAWqdT0oiJ2qvCKgn2TPEtbCdN3hVeC9ZoNtXeFb0Y4mk4mHM0u0teJmrZ+7YMNEXKBs9FgeZywpAu6Y7hYAemYZOARui6uZ+9VOpqQsXNww0n47+G99yNVQmL8TB6/V+cDML92cGP60msFXStL6m8gGk9S/yMROL6Mq9MkfASrorlyk+5MoG8nbTZcNakZAhVRhQyokidoazxC93R7Xr+80NnF8XpGFWrzPxHmh5tlepMm65ckM0SP3Qazofmlz7xeHrKEnC1MZ4UhzwSTOwdkteG68+99DyR4mdq6/Bn7OISBBoMtFlY0ZQlzPLVBQiyoEfQ1f1lQIDAQAB"
  }
}

resource "azurerm_dns_mx_record" "byodkim_example_org_mail_from_mx" {
  name                = "mail.byodkim"
  zone_name           = var.zone_name_example_org
  resource_group_name = var.resource_group_example_org
  ttl                 = 1800

  record {
    preference = "10"
    exchange   = trimsuffix("feedback-smtp.eu-central-2.amazonses.com.", ".")
  }
}

# If this name already has a v=spf1 record, add include:amazonses.com to it, before its all term, instead of a second record.
resource "azurerm_dns_txt_record" "byodkim_example_org_mail_from_spf" {
  name                = "mail.byodkim"
  zone_name           = var.zone_name_example_org
  resource_group_name = var.resource_group_example_org
  ttl                 = 1800

  record {
    value = "v=spf1 include:amazonses.com ~all"
  }
}
