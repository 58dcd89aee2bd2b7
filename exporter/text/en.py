"""English: the sentences of the instructions.

GUIDE is keyed as exporter/guide.py asks (tests prove every key it can produce is here, and every
key here is used). Each sentence is a str.format template in Markdown's inline syntax (**bold**,
`code`, \\_ for a literal underscore): {name:code} shows a value as code to copy exactly, {name} as
plain text. The catalogue's own words are written as they should appear; values are escaped for
the output when they are filled in.
"""

GUIDE = {
    # The document
    "title": "DNS records Amazon SES needs: {domains:code}",
    "separator.list": ", ",
    "where": "**Where:** {where}.",
    "where.any": "**Where:** {where}, at the DNS host the domain's name servers point to.",
    "note": "Note: {note}",
    # Where the records are added, per panel (--dns-host)
    "where.generic": "your DNS host's page for the domain's DNS records",
    "where.cloudflare": "Cloudflare dashboard, the domain, **DNS > Records**, **Add record** per step",
    "where.route53": "Route 53 console, **Hosted zones**, the zone, **Create record** per step",
    "where.onamae": "お名前.com Navi, the domain's **DNSレコード設定**, one row per step",
    "where.muumuu": "ムームードメイン, **ムームーDNS**, the domain's **カスタム設定**, one row per step",
    "where.xserver": "Xserver server panel, **DNSレコード設定**, the domain, one record per step",
    "where.sakura": "さくらインターネット domain control panel, the domain's **ゾーン編集**, one entry per step",
    "where.valuedomain": "Value Domain control panel, the domain's DNS settings: one editor box, a line per step",
    "where.godaddy": "GoDaddy Domain Portfolio, the domain, **DNS**, **Add New Record** per step",
    "where.namecheap": "Namecheap **Domain List**, **Manage**, **Advanced DNS**, **Add New Record** per step; "
                       "for MX, the mail settings' custom MX option",
    # Before you start: each pitfall once (guide.py `before` decides which apply to the panel)
    "before.heading": "Before you start",
    "before.zone": "{zone:code}",
    "before.zone-unicode": "{unicode:code} ({zone:code})",
    "before.host-added-by-panel": "**Host:** {panel} adds {zone} itself: enter the host alone, or you get "
                                  "names like {doubled:code}.",
    "before.host-maybe-added": "**Host:** most panels add {zone} themselves: enter the host alone, or you get "
                               "names like {doubled:code}. A panel that asks for the full name gets host + {zone}.",
    "before.host-full-name-ok": "**Host:** enter the host; {panel} also takes the full name ({fqdn:code}) and "
                                "removes {zone} itself.",
    "before.apex-empty": "**Empty host:** leave {panel}'s field empty (not `@`).",
    "before.underscore": "**Underscores** are part of the names: never drop one; if the panel refuses `_`, ask "
                         "your DNS host.",
    "before.value-keep-dot": "**Final dot:** keep it, or values may become {relative:code}; if the panel "
                             "refuses it, leave it off and check.",
    "before.value-read-as-relative": "**Final dot:** keep it, or {panel} turns values into {relative:code}.",
    "before.value-dot-dropped": "**Final dot:** {panel} drops it from values; that is fine.",
    "before.proxy-dns-only": "**Proxy status:** DNS only for CNAMEs: proxied, {panel} hides them from SES.",
    "before.txt-no-quotes": "**TXT:** paste without quotes; the panel adds its own.",
    "before.txt-quoted": "**TXT:** {panel} wants quoted strings of at most {size} characters: paste as shown.",
    "before.txt-editor-unquoted": "**TXT:** no quotes in the line, as in {panel}'s own examples.",
    "before.txt-quotes-stripped": "**TXT:** paste as shown; {panel} strips surrounding quotes anyway.",
    "before.one-per-name": "**One per name:** {records}.",
    "single.mx": "MX at the MAIL FROM name",
    "single.spf": "SPF (`v=spf1`: merge with any there)",
    "single.dmarc": "DMARC",
    "before.ttl": "**TTL:** {ttl:code} seconds.",
    "before.ttl-auto": "**TTL:** Auto.",
    # A step: its title and the fields to type ({own}: the panel's own name for the field, where it differs)
    "step": "{number}. {record}: {type:code}",
    "record.dkim-key": "DKIM {number}/{total}",
    "record.dkim-public-key": "DKIM key (BYODKIM)",
    "record.mail-from-mx": "MAIL FROM MX",
    "record.mail-from-spf": "MAIL FROM SPF",
    "record.dmarc": "DMARC",
    "record.verification": "Legacy SES verification",
    "field.line": "Line: {line:code}",
    "field.line-unknown": "Line: write one from the host, value and priority below, as {panel}'s examples "
                          "write an MX line for a host other than `@`.",
    "field.host": "Host{own}: {host:code}",
    "field.host-empty": "Host{own}: empty",
    "field.value": "Value{own}: {value:code}",
    "field.priority": "Priority{own}: {priority:code}",
    "field.ttl": "TTL: {ttl:code}",
    "field.ttl-auto": "TTL: Auto",
    "field.proxy": "Proxy status: DNS only",
    "field.own-label": " ({label})",
    "word.host": "Host",
    "word.value": "Value",
    "word.priority": "Priority",
    # A step: what can go wrong with this record alone (guide.py `advice` decides which)
    "advice.priority-blank-default": "Left blank, {panel} sets {blank:code}, not {priority:code}.",
    "advice.priority-without-field": "No priority field? Enter {value:code} as the value.",
    "advice.txt-too-long-for-panel": "{panel} takes at most {limit} characters in a TXT value, so this "
                                     "{length}-character key cannot be entered there: use a DNS host that takes "
                                     "longer TXT values, or a 1024-bit key.",
    "advice.txt-long": "{length} characters: fine if the panel splits it into strings of at most {limit}, not if "
                       "it cuts it.",
    # After the last step, at the panel
    "finish.save-button": "Then press “{button}”: {panel} saves nothing before.",
    "finish.save-once": "Then save the editor box once.",
    "finish.confirm-screen": "Then, if {panel} shows a confirmation screen, confirm there: nothing is saved before.",
    # After the last step: check
    "check.heading": "Check",
    "check.run": "With ses-export:",
    "check.by-hand": "Without ses-export, each `dig` line must print what follows its `#`, and `nslookup` the same:",
    "check.by-hand-shortened": "Without ses-export, each `dig` line must print what follows its `#` (a long key shortened at "
                               "`…`), and `nslookup` the same:",
    "check.wait": "SES can take up to 72 hours to show the domain as verified.",
}


# --- NOTICES: what SES's statuses and the chosen zone / DMARC mean for the reader ---------------
# Keys from exporter/advisories.py (tests/test_advisories.py holds both languages to them). Shown on
# stderr and at the top of the identity's instructions. Plain words only: values go in placeholders.
NOTICES = {
    "notice.dkim-failed": "SES stopped looking for the DKIM records (status {status:code}). Publish them as shown, "
                          "check them (end of this page), then have SES look again as AWS's DKIM troubleshooting "
                          "guide says: {guide}",
    "notice.dkim-temporary-failure": "SES could not look up the DKIM records (status {status:code}) and retries on "
                                     "its own. If the status stays, publish and check the records as shown, then "
                                     "follow AWS's DKIM troubleshooting guide: {guide}",
    "notice.verification-failed": "SES could not verify the domain (status {status:code}, {error:code}). Publish "
                                  "the records as shown, check them (end of this page), then have SES look again "
                                  "as AWS's DKIM troubleshooting guide says: {guide}",
    "notice.signing-disabled": "DKIM signing is turned off for this identity: publishing the records alone will not "
                               "make SES sign. Turn it on with {command:code}.",
    "notice.mail-from-failed": "SES stopped looking for the MX record of the MAIL FROM domain {domain:code} (status "
                               "{status:code}). Publish the records as shown, then restart SES's check: in the SES "
                               "console, save the identity's custom MAIL FROM settings again, or run {command:code}.",
    "notice.reject-on-mx-failure": "This identity has {setting:code}: SES refuses to send from it until it finds "
                                   "the MX record of {domain:code}. Publish that record first.",
    "notice.dmarc-at-organisation": "No DMARC record for {domain:code}: the policy of {organisation:code} already "
                                    "applies to it, and a weaker record here would override it. If {organisation:code} "
                                    "has none, publish one at {record:code} (or pass --dmarc to write one here).",
    "notice.zone-assumed": "Hosts are relative to the zone {zone:code}; if {domain:code} has a zone of its own at "
                           "your DNS host, rerun with --zone {domain:code}.",
}


# --- The html format's own controls (exporter/formats/html.py) --------------------------------
# Only the words of the page's buttons and navigation: every sentence of the instructions comes
# from GUIDE above. "copy.FIELD" names what a button copies, for screen readers; {number} is the
# step's number. Plain text (no Markdown), escaped when the page is written.
HTML = {
    "copy": "Copy",
    "copied": "Copied",
    "copy-failed": "Select the text and copy it",
    "contents": "Contents",
    "copy.line": "Copy the line of step {number}",
    "copy.host": "Copy the host of step {number}",
    "copy.fqdn": "Copy the full name of step {number}",
    "copy.value": "Copy the value of step {number}",
    "copy.priority": "Copy the priority of step {number}",
    "copy.ttl": "Copy the TTL of step {number}",
    "copy.command": "Copy the command {number}",
    "copy.dig": "Copy the dig command {number}",
    "copy.nslookup": "Copy the nslookup command {number}",
    "expected": "Expected answer:",
}
