"""ses-export: an Amazon SES identity's DNS records, written the way the next person needs them."""

__version__ = "0.1.0"
