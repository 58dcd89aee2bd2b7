"""AWS regions: their shape, SES's DKIM signing zone fallback and the MAIL FROM MX host."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from .errors import InputError

# us-east-1, ap-southeast-5, us-gov-west-1, eu-isoe-west-1, cn-north-1 ...
_REGION = re.compile(r"[a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-\d{1,2}")

# AWS general reference, "Amazon SES endpoints and quotas", DKIM domains: these regions sign
# from a zone of their own; every other region signs from dkim.amazonses.com. Used only when
# the response carries no SigningHostedZone (saved JSON from older CLIs).
REGIONAL_DKIM_ZONE = frozenset(
    {
        "af-south-1",
        "ap-northeast-3",
        "ap-south-2",
        "ap-southeast-3",
        "ap-southeast-5",
        "ca-west-1",
        "eu-central-2",
        "eu-south-1",
        "il-central-1",
        "me-central-1",
        "us-gov-east-1",
    }
)


def region(text: str, what: object = None) -> str:
    """Validate a region name's shape: 'moon-1' or 'US-EAST-1 ' are bad input.

    `what` names where it came from ("AWS_REGION"); without it, it is the `region` parameter.
    """
    if not isinstance(text, str) or not _REGION.fullmatch(text):
        from .phrase import Phrase

        reason = Phrase("error.region-invalid", value=repr(text))
        raise InputError(Phrase("error.at", what=what, problem=reason) if what else reason,
                         option=None if what else "region")
    return text


def dkim_signing_zone(region_name: str) -> str:
    """The zone SES signs from in a region, as an FQDN with its dot."""
    if region_name in REGIONAL_DKIM_ZONE:
        return f"dkim.{region_name}.amazonses.com."
    return "dkim.amazonses.com."


@lru_cache(maxsize=64)  # one string per region, not one per identity (-o FOLDER/ keeps each identity's MX)
def mail_from_mx_host(region_name: str) -> str:
    """SES's feedback MX for a MAIL FROM domain; GovCloud has only the us-gov-west-1 host."""
    if region_name.startswith("us-gov-"):
        region_name = "us-gov-west-1"
    return f"feedback-smtp.{region_name}.amazonses.com."


def configured_region(profile: str | None = None) -> str | None:
    """The region the AWS configuration names, read the way the CLI and boto3 read it.

    Reading the files directly keeps boto3 off the offline path (it costs a third of a second
    to import). Order: AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region` in the
    config file (AWS_CONFIG_FILE or ~/.aws/config).
    """
    for var in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        value = os.environ.get(var, "").strip()
        if value:
            return region(value, var)
    import configparser  # only when no region is given: it costs a millisecond at start-up

    profile = profile or os.environ.get("AWS_PROFILE") or os.environ.get("AWS_DEFAULT_PROFILE") or "default"
    path = Path(os.environ.get("AWS_CONFIG_FILE") or Path.home() / ".aws" / "config").expanduser()
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    section = "default" if profile == "default" else f"profile {profile}"
    value = parser.get(section, "region", fallback="").strip()
    return region(value, f"region in {path} [{section}]") if value else None
