"""DMARC records read as receivers read them (RFC 7489 6.3, 6.6.3).

Policy discovery (6.6.3): the records at _dmarc.DOMAIN that start with `v=DMARC1` are kept; when
there are none, those at _dmarc.ORGANISATIONAL-DOMAIN are used instead (their `sp=`, else `p=`);
when the set holds more than one record, no DMARC policy applies at all. A record whose `p=` is
missing or unknown applies only as `p=none`, and only when it has a `rua=` (6.6.3 step 6).
Tags are split by the one DMARC parser, exporter/dmarc_policy.py, which also checks --dmarc.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..dmarc_policy import DEFAULT, POLICIES, is_dmarc, tags

__all__ = ["DEFAULT", "POLICIES", "Record", "is_dmarc", "looks_like_dmarc", "raised", "read", "strength", "strongest",
           "tags", "v_first"]
MENTIONS = re.compile(r"v\s*=\s*dmarc1", re.IGNORECASE)  # what a person meant as DMARC


def looks_like_dmarc(text: str) -> bool:
    """A record someone meant as DMARC, even if receivers discard it (quotes, order, case)."""
    return bool(MENTIONS.search(text))


@dataclass(frozen=True)
class Record:
    """One DMARC record as receivers apply it."""

    text: str
    problem: str | None  # dmarc-v-not-first, dmarc-p-missing, dmarc-p-invalid, dmarc-sp-invalid
    policy: str | None  # p= in force (none when only rua rescues an invalid p=); None: not applied
    subdomain_policy: str | None  # sp=, else p=: what subdomains without their own record get
    subdomain_tag: str = "p"  # the tag subdomain_policy comes from: "sp" or "p"
    pct: str = "100"  # the share of failing mail the policy is applied to (pct=, RFC 7489 6.3)


@functools.lru_cache(maxsize=4096)  # a Record is immutable; the same few records are found for many identities
def read(text: str) -> Record:
    if not is_dmarc(text):
        return Record(text, "dmarc-v-not-first", None, None)
    found = tags(text)
    p, sp = found.get("p", "").lower(), found.get("sp", "").lower()
    rescued = "none" if found.get("rua") else None  # 6.6.3 step 6 a
    if p not in POLICIES:
        problem = "dmarc-p-missing" if "p" not in found else "dmarc-p-invalid"
        return Record(text, problem, rescued, rescued)
    if sp and sp not in POLICIES:
        return Record(text, "dmarc-sp-invalid", rescued, rescued)
    return Record(text, None, p, sp or p, "sp" if sp else "p", found.get("pct", "100") or "100")


def strength(policy: str | None) -> int:
    """-1 for no policy, then none < quarantine < reject."""
    return POLICIES.index(policy) if policy in POLICIES else -1


def policy_of(text: str) -> str | None:
    """The p= of a record we write (--dmarc), for comparing strengths."""
    return read(text).policy


def strongest(*policies: str | None) -> str | None:
    return max(policies, key=strength, default=None)


def raised(text: str, policy: str | None) -> str:
    """`text` (a v=DMARC1 record) with its p= raised to `policy` when weaker, every other tag kept:
    a suggestion never weaker than the policy in force."""
    if policy not in POLICIES or strength(read(text).policy) >= strength(policy):
        return text
    parts = text.split(";")
    for index, part in enumerate(parts):
        name, sep, _ = part.partition("=")
        if sep and name.strip().lower() == "p":
            parts[index] = f"{part[:len(part) - len(part.lstrip())]}p={policy}"
            return ";".join(parts)
    return ";".join(parts[:1] + [f" p={policy}"] + parts[1:])


def v_first(text: str) -> str | None:
    """A record meant as DMARC whose v= is not first (or not exactly DMARC1) rewritten with
    `v=DMARC1` first, every other tag kept in order; None when it still has no valid p=."""
    kept = [part.strip() for part in text.strip().strip('"').split(";")
            if part.strip() and part.partition("=")[0].strip().lower() != "v"]
    fixed = "; ".join(["v=DMARC1", *kept]) + ";"
    return fixed if read(fixed).problem is None else None
