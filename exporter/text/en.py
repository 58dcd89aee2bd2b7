"""English: the sentences of the instructions.

GUIDE is keyed as exporter/guide.py asks (tests prove every key it can produce is here, and every
key here is used). Each sentence is a str.format template in Markdown's inline syntax (**bold**,
`code`, \\_ for a literal underscore): {name:code} shows a value as code to copy exactly, {name} as
plain text. The catalogue's own words are written as they should appear; values are escaped for
the output when they are filled in.
"""

GUIDE = {
    # The document
    "title": "DNS records for Amazon SES: {domains:code}",
    "separator.list": ", ",
    "separator.clauses": "; ",
    "intro.one": "Amazon SES sends mail for this domain only once the records below are published: {reasons}.",
    "intro.many": "Amazon SES sends mail for these domains only once the records below are published: {reasons}.",
    "reason.dkim": "the DKIM records let receivers check SES's signature",
    "reason.mail-from": "the MX and SPF records let the MAIL FROM domain receive bounces and pass SPF",
    "reason.dmarc": "the DMARC record tells receivers how to treat mail that fails these checks",
    "reason.verification": "the \\_amazonses record is SES's legacy domain verification",
    "intro.one-step-per-record": "Add each record at your DNS host exactly as shown, one step per record; each value "
                                 "sits in its own code box so that you can copy it alone.",
    "where": "**Where:** {where}",
    "where.name-servers": "Records count only at the DNS host that serves the domain (the one its name servers "
                          "point to): if the domain's name servers are elsewhere, add them there.",
    "note": "Note: {note}",
    # Where the records are added, per panel (--dns-host)
    "where.generic": "Open your DNS host's page for the domain's DNS records (often called DNS settings, DNS "
                     "management or zone editor) and add one record per step.",
    "where.cloudflare": "In the Cloudflare dashboard, open the domain, go to **DNS > Records** and choose **Add "
                        "record** for each step.",
    "where.route53": "In the Route 53 console, open **Hosted zones**, choose the zone and **Create record** for "
                     "each step.",
    "where.onamae": "In お名前.com Navi, open the DNS settings of the domain (**DNSレコード設定**) and add one row "
                    "per step.",
    "where.muumuu": "In the ムームードメイン control panel, open **ムームーDNS** and the domain's **カスタム設定**, "
                    "then add one row per step.",
    "where.xserver": "In the Xserver server panel, open **DNSレコード設定**, choose the domain and add one record "
                     "per step.",
    "where.sakura": "In the さくらインターネット domain control panel, open the domain's zone editor (**ゾーン編集**) "
                    "and add one entry per step.",
    "where.valuedomain": "In the Value Domain control panel, open the domain's DNS settings: the records are lines "
                         "of text in one editor box. Add the line of each step on its own line and save once at "
                         "the end.",
    "where.godaddy": "In your GoDaddy Domain Portfolio, choose the domain, open **DNS** and choose **Add New "
                     "Record** for each step.",
    "where.namecheap": "In Namecheap, open **Domain List**, choose **Manage** next to the domain, then **Advanced "
                       "DNS** and **Add New Record** for each step. If MX records cannot be added there, look for "
                       "the page's mail settings and choose its custom MX option.",
    # A step: its title
    "step": "Step {number} of {total}: {record}",
    "record.dkim-key": "DKIM key {number} of {total}",
    "record.dkim-public-key": "DKIM public key (your own key, BYODKIM)",
    "record.mail-from-mx": "MAIL FROM domain: bounces (MX)",
    "record.mail-from-spf": "MAIL FROM domain: SPF",
    "record.dmarc": "DMARC policy",
    "record.verification": "Legacy SES verification",
    # A step: the fields to type ({own}: the panel's own name for the field, where it differs)
    "field.line": "**Line to add:** {line:code}",
    "field.line-unknown": "**Line to add:** check {panel}'s examples (under the editor or in its manual) for how "
                          "an MX line names a host other than `@`, then write one with the host, value and "
                          "priority below.",
    "field.type": "**Type:** {type:code}",
    "field.host": "**Host**{own}: {host:code} (full name {fqdn:code})",
    "field.host-empty": "**Host**{own}: leave it empty (the zone itself) (full name {fqdn:code})",
    "field.value": "**Value**{own}: {value:code}",
    "field.priority": "**Priority**{own}: {priority:code}",
    "field.ttl": "**TTL:** {ttl:code} seconds",
    "field.proxy": "**Proxy status:** DNS only (grey cloud)",
    "field.own-label": " ({label})",
    "word.host": "Host",
    "word.value": "Value",
    "word.priority": "Priority",
    # A step: the advice that applies to this record on this panel (guide.py decides which)
    "advice.host-added-by-panel": "Host: {panel} adds {zone:code} to the host itself, so enter only {host:code}. "
                                  "Entered as the full name, the record would sit at {doubled:code}, where SES "
                                  "never looks.",
    "advice.host-maybe-added": "Host: if the panel shows {zone:code} next to the host field (most do), enter only "
                               "{host:code}; entered as the full name, the record would sit at {doubled:code}, "
                               "where SES never looks. Only a panel that asks for the full name gets {fqdn:code}.",
    "advice.underscore": "The underscore belongs to the name. A panel that refuses it cannot hold this record "
                         "(without it the name is a different one), so ask your DNS host rather than leave it out.",
    "advice.value-dot-dropped": "Value: {panel} reads the value as a full name and saves it without the final dot; "
                                "that is expected.",
    "advice.value-read-as-relative": "Value: keep the final dot. {panel} reads a name without it as a name inside "
                                     "your zone, so the value would become {relative:code}.",
    "advice.value-keep-dot": "Value: keep the final dot. A panel that reads a value without it as relative to your "
                             "domain turns it into {relative:code}. If the panel refuses the dot, enter the value "
                             "without it and run the check at the end.",
    "advice.proxy-dns-only": "Proxy status: set it to DNS only (grey cloud). Proxied (orange cloud), Cloudflare "
                             "answers with its own addresses instead of this CNAME and SES cannot find the key.",
    "advice.priority-in-value": "Priority: {panel} takes the priority inside the value, as shown: {value:code}.",
    "advice.priority-blank-default": "Priority: enter {priority:code}. Left blank, {panel} sets it to {blank:code}.",
    "advice.priority-without-field": "Priority: if the panel has no priority field, enter the priority, a space and "
                                     "the server as the value: {value:code}.",
    "advice.mx-only-one": "This must be the only MX record at {name:code}.",
    "advice.txt-quoted": "Value: {panel} wants TXT text in double quotes; the value above is written that way, so "
                         "paste it as it is.",
    "advice.txt-quoted-split": "Value: {panel} wants TXT text in double quotes, split into strings of at most "
                               "{size} characters; the value above is written that way, so paste it as it is.",
    "advice.txt-editor-unquoted": "Value: the line holds the text without quotes, as {panel}'s own examples write "
                                  "SPF lines.",
    "advice.txt-quotes-stripped": "Value: paste the text as shown, without quotes; {panel} also removes double "
                                  "quotes around a value when saving.",
    "advice.txt-no-quotes": "Value: paste the text as shown, without adding quotes. The panel adds its own; typed "
                            "quotes can end up inside the record, and then nothing matches.",
    "advice.txt-too-long-for-panel": "Length: this value has {length} characters and {panel} accepts at most "
                                     "{limit} in one record. If it is refused or cut, SES cannot verify the key: "
                                     "ask {panel} whether a longer TXT record can be added, or use a 1024-bit key.",
    "advice.txt-long": "Length: this value has {length} characters. Some panels refuse or cut values over {limit}; "
                       "if yours splits it into several strings by itself, that is fine.",
    "advice.spf-merge": "If {name:code} already has a TXT record starting with `v=spf1`, merge the two into one: a "
                        "name may hold only one SPF record.",
    "advice.dmarc-only-one": "If {name:code} already has a DMARC record, keep only one of them: two DMARC records "
                             "cancel each other.",
    # After the last step
    "check.heading": "After the last step: check",
    "check.run": "Run this; it asks the domain's own name servers and names any record that is wrong and why (for "
                 "example a value with your domain appended):",
    "check.wait": "DNS changes can take a while to reach every name server. SES checks the records on its own "
                  "schedule: it can take up to 72 hours before the domain shows as verified in SES.",
}


# --- NOTICES: what SES's statuses and the chosen zone / DMARC mean for the reader ---------------
# Keys from exporter/advisories.py (tests/test_advisories.py holds both languages to them). Shown on
# stderr and at the top of the identity's instructions. Plain words only: values go in placeholders.
NOTICES = {
    "notice.dkim-failed": "SES stopped looking for the DKIM records (status {status:code}). Publish them as shown, "
                          "then restart SES's check: in the SES console, open the identity and save its DKIM "
                          "settings again, or run {command:code}.",
    "notice.dkim-temporary-failure": "SES could not look up the DKIM records (status {status:code}) and retries on "
                                     "its own. If the status stays, publish the records as shown and restart the "
                                     "check with {command:code}.",
    "notice.verification-failed": "SES could not verify the domain (status {status:code}, {error:code}). Publish "
                                  "the records as shown, then restart the check: in the SES console, open the "
                                  "identity and save its DKIM settings again, or run {command:code}.",
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
