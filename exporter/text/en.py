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
    "title.count": "DNS records Amazon SES needs for {count} identities",
    "contents": "Contents",
    "separator.list": ", ",
    "where": "**Where:** {where}.",
    "where.any": "**Where:** {where}, at the DNS host the domain's name servers point to.",
    "note": "Note: {note}",
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
    "before.ttl": "**TTL:** {ttl:code} seconds.",
    "before.ttl-if-asked": "**TTL:** {ttl:code} seconds, where {panel} asks for one.",
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
    "advice.dmarc-existing": "If this name already has a `v=DMARC1` record, keep it and skip this record.",
    "advice.spf-existing": "If this name already has a `v=spf1` record, add `include:amazonses.com` to it, before "
                           "its `all` term, instead of a second record.",
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
    "check.by-hand-page": "Without ses-export, each `dig` line must print the expected answer shown under it, and "
                          "`nslookup` the same:",
    "check.by-hand-page-shortened": "Without ses-export, each `dig` line must print the expected answer shown under it "
                                    "(a long key shortened at `…`), and `nslookup` the same:",
    "check.run-sender": "The sender of these instructions checks with ses-export (the command may name files on the "
                        "sender's computer):",
    "check.wait": "SES can take up to 72 hours to show the domain as verified.",
}


# --- The --check report ---------------------------------------------------------------------
# CHECK is keyed as exporter/dnscheck/report.py asks: "fix.KEY" (Finding.fix), "note.KEY"
# (Finding.note), "cause.CODE" (the cause's name in the table; the JSON keeps the code),
# "status.S", "ses.VALUE" (SES's status words), "label.KEY". Plain text, not Markdown: the
# report is a terminal table or JSON. Fix sentences put the value to copy last, after a colon,
# so it can be copied whole and no full stop runs into it. Blanks: name, host, type, value,
# zone, and what the finding's detail names (found_at, suggested, policy, org, ...).
CHECK = {
    "fix.missing": "Add the {type} record at {name} (host {host}) with this value: {value}",  # not "a MX"
    "fix.value-has-zone-appended": "The value was entered without its final dot, so the panel appended the zone "
                                   "{zone}; enter it with the dot: {value}",
    "fix.name-has-zone-appended": "The host field already adds {zone}, so the record landed at {found_at}; move it "
                                  "to {name} by entering only: {host}",
    "fix.extra-quotes": "The panel adds quotes of its own, so remove the ones typed around the value and enter "
                        "only: {value}",
    "fix.extra-quotes-spf": "The panel adds quotes of its own, so receivers do not see an SPF record here; remove "
                            "the typed quotes and enter only: {suggested}",
    "fix.conflict-spf": "Two v=spf1 records at {name} make SPF fail for every sender (permerror), so replace them "
                        "with one that keeps what each allowed, for example: {suggested}",
    "fix.conflict-dmarc": "Keep only one v=DMARC1 record at {name}: with two, receivers apply no DMARC at all "
                          "(the strongest policy published there is p={policy}).",
    "fix.conflict-dmarc-org": "{name} has no DMARC record and {org} has two, so receivers apply no DMARC to this "
                              "domain: keep only one of the two.",
    "fix.conflict-mx": "The MAIL FROM domain must have exactly one MX, so delete the others at {name} and keep: "
                       "{value}",
    "fix.conflict-cname": "Delete the other records at {name}: a name that has a CNAME may hold nothing else.",
    "fix.underscore-dropped": "The panel stored it at {found_at} without the underscore: publish it at {name} "
                              "(host {host}), and if the panel refuses '_' ask your DNS host or move the zone to "
                              "one that accepts it.",
    "fix.servers-disagree": "The zone's servers answer differently ({servers}): the change has not reached all of "
                            "them yet, so wait until they agree and check again.",
    "fix.value-differs": "Replace the value at {name} with: {value}",
    "fix.value-differs-dmarc": "The policy in force at {name} is p={policy}, weaker than the one asked for; if "
                               "that is deliberate, check with --dmarc set to it, otherwise publish: {value}",
    "fix.wrong-type-cname-here": "A CNAME sits at {name}, where the {type} record belongs, and a name with a "
                                 "CNAME may hold nothing else: delete the CNAME, then add the {type} record at "
                                 "{name} (host {host}) with this value: {value}",
    "fix.wrong-type-blocks-cname": "A record of type {found_type} sits at {name} where the CNAME belongs, and a CNAME may "
                                   "not share its name: delete the {found_type} record, then add a CNAME at "
                                   "{name} (host {host}) with this value: {value}",
    "fix.delete-ses-mx": "Delete the MX at {name}: it sends all mail for {domain} to SES's feedback host, which "
                         "does not deliver it (the SES MX belongs only at the MAIL FROM domain, {mail_from}).",
    "fix.delete-ses-mx-no-mail-from": "Delete the MX at {name}: it sends all mail for {domain} to SES's feedback "
                                      "host, which does not deliver it (an SES MX belongs only at a custom MAIL FROM "
                                      "subdomain).",
    "fix.dmarc-cname": "{name} is a CNAME to {target}, and no server answered for {target}: if a DMARC service "
                       "hosts your record there on purpose, make sure it publishes one; otherwise delete the CNAME and "
                       "add a TXT record at {name} (host {host}) with this value: {value}",
    "fix.dmarc-cname-empty": "{name} is a CNAME to {target}, which has no DMARC record, so receivers find none here: "
                             "if a DMARC service hosts your record there, have it publish one; otherwise delete the "
                             "CNAME and add a TXT record at {name} (host {host}) with this value: {value}",
    "fix.misplaced": "It was published at {found_at}, without _domainkey, where nothing reads it: delete it there "
                     "and publish it at {name} (host {host}) with this value: {value}",
    "fix.misplaced-mail-from-mx": "The SES MX was published at {found_at} instead of the MAIL FROM domain; add it "
                                  "at {name} (host {host}) with this value: {value}",
    "fix.misplaced-mail-from-spf": "The SPF record at {found_at} covers only that name, not the MAIL FROM domain; "
                                   "add a TXT record at {name} (host {host}) with this value: {value}",
    "fix.spf-lacks-include": "The one SPF record at {name} does not authorize SES; add include:amazonses.com to "
                             "it, keeping the rest: {suggested}",
    "fix.spf-include-after-all": "include:amazonses.com comes after all, where receivers never read it; move it "
                                 "before all: {suggested}",
    "fix.spf-redirect-ignored": "In the record at {name}, {term} is never followed because the record has an all "
                                "(RFC 7208 6.1), so receivers already ignore it; remove it: {suggested}",
    "fix.spf-pass-all": "The SPF record at {name} ends in {via}, which lets every sender on the internet pass SPF "
                        "for this name (and, with relaxed alignment, DMARC); end it in ~all instead: {suggested}",
    "fix.spf-pass-all-through": "Through {via}, the SPF record at {name} lets every sender on the internet pass "
                                "SPF for this name (and, with relaxed alignment, DMARC): remove {term}, or have the "
                                "record it leads to end in ~all or -all.",
    "fix.spf-void-lookups": "The SPF record at {name} makes {count} DNS look-ups that find nothing ({terms}) before "
                            "SES is reached; receivers allow two (RFC 7208 4.6.4), so SPF fails with a permanent "
                            "error (permerror): remove those terms or publish the names they look up.",
    "fix.spf-unconfirmed-before-macro": "Before include:amazonses.com, the SPF record at {name} evaluates {term}, a "
                                        "macro this check does not expand; if it names no SPF record, receivers stop "
                                        "there with a permanent error (permerror): put include:amazonses.com first: "
                                        "{suggested}",
    "fix.spf-too-many-lookups": "The SPF record at {name} needs at least {count} DNS look-ups (the limit is 10), "
                                "so SPF fails for every sender (permerror): flatten or remove some include:, a, "
                                "mx, ptr or exists terms.",
    "fix.spf-syntax": "Receivers cannot read the SPF record at {name} (permerror at {term}); correct that term.",
    "fix.spf-include-no-record": "{term} in the SPF record at {name} leads to {target}, which has no SPF record, "
                                 "so receivers stop with a permanent error (permerror) and SES's mail fails SPF: "
                                 "correct or remove {term}, and keep include:amazonses.com in the record.",
    "fix.spf-include-several": "{term} in the SPF record at {name} leads to {target}, which has {count} SPF records, "
                               "so receivers stop with a permanent error (permerror) and SES's mail fails SPF: "
                               "{target} must publish exactly one.",
    "fix.spf-include-syntax": "{term} in the SPF record at {name} leads to a record receivers cannot read "
                              "(permerror at {bad}), so SES's mail fails SPF: correct that record or remove {term}.",
    "fix.spf-unconfirmed-unread": "Whether the SPF record at {name} authorizes SES depends on {term}, and no server "
                                  "answered for {target}; to be sure without it, add include:amazonses.com to the "
                                  "record: {suggested}",
    "fix.spf-unconfirmed-macro": "Whether the SPF record at {name} authorizes SES depends on {term}, a macro this "
                                 "check does not expand; to be sure, add include:amazonses.com to the record: "
                                 "{suggested}",
    "fix.dmarc-v-not-first": "Receivers ignore the DMARC record at {name} because it does not start with "
                             "v=DMARC1; publish it in this form: {value}",
    "fix.dmarc-p-missing": "The DMARC record at {name} has no p= tag, so receivers apply no DMARC (or only p=none "
                           "with rua=); add p=none, p=quarantine or p=reject, for example: {value}",
    "fix.dmarc-p-invalid": "The DMARC record at {name} has a p= that is not none, quarantine or reject, so "
                           "receivers apply no DMARC (or only p=none with rua=); correct it, for example: {value}",
    "fix.dmarc-sp-invalid": "The DMARC record at {name} has an sp= that is not none, quarantine or reject, so "
                            "receivers apply no DMARC (or only p=none with rua=); correct or remove the sp= tag.",
    "fix.dmarc-org-invalid": "{name} has no DMARC record and the one at {org}, which would apply, is not valid "
                             "(a missing or unknown p=): correct that record.",
    "fix.dmarc-inherited-weaker": "{name} has no DMARC record, so {org} applies with {tag}={policy} (pct={pct}), "
                                  "weaker than the one asked for; add a TXT record at {name} (host {host}) with this "
                                  "value: {value}",
    "fix.dmarc-weaker-than-organisation": "The DMARC record at {name} (p={policy}) replaces, for this domain, the "
                                          "policy {org} applies to it ({tag}={org_policy}), so it weakens it: delete "
                                          "it so that the organisation's applies, or match it: {suggested}",
    "fix.dmarc-org-unknown": "{name} has no DMARC record, and which policy {org} applies to {domain} could not be "
                             "told: no server answered for {target}. A record at {name} replaces the organisation's "
                             "policy for {domain}, so publish one only if it is at least as strict: {value}",
    "fix.dmarc-org-cname-empty": "{name} has no DMARC record, and which policy {org} applies to {domain} could not "
                                 "be told: {org} is a CNAME to {target}, which holds no DMARC record (a DMARC service "
                                 "should publish it there). A record at {name} replaces the organisation's policy "
                                 "for {domain}, so publish one only if it is at least as strict: {value}",
    "fix.wildcard": "Nothing is published at {name} itself: what it answers ({found_type}) comes from a wildcard "
                    "(*.{parent}), and a record of its own overrides the wildcard for this name; add the {type} "
                    "record at {name} (host {host}) with this value: {value}",
    "fix.servers-out-of-sync": "The zone's servers answer differently ({servers}) with the same SOA serial ({serial}), "
                               "so waiting will not make them agree: one of them serves an old or edited copy of the "
                               "zone. Correct the zone on the server that is wrong and raise the serial so every "
                               "server loads it.",
    "fix.subdomain-dropped": "It was published at {found_at}, the name for {parent} (the subdomain label is missing), "
                             "where it does nothing for {domain}; publish it at {name} (host {host}) with this "
                             "value: {value}",
    "fix.mail-from-shared": "{name} is the MAIL FROM domain of identities in {regions}, and one name can hold only "
                            "one SES MX (one region's), so at least one of them fails: give each region its own "
                            "MAIL FROM subdomain (for example mail-{region}.{domain}), each with its region's MX.",
    "fix.dmarc-missing": "No DMARC policy applies to {domain}. p=none is the usual start: it changes no delivery; "
                         "add rua=mailto:ADDRESS to receive daily aggregate reports, and move to p=quarantine or "
                         "p=reject once they show only your own senders. Add a TXT record at {dmarc_at} (host "
                         "{dmarc_host}) with this value: {value}",
    "note.spf-merged": "met: this one SPF record authorizes SES (include:amazonses.com), whatever else it allows",
    "note.spf-through": "met: the SPF record authorizes SES through {via}, which includes amazonses.com",
    "note.dmarc-in-force": "met: the published policy p={policy} is in force",
    "note.dmarc-inherited": "met: inherited from {org}: {tag}={policy}, pct={pct}",
    "note.dmarc-org-unknown": "which DMARC policy applies to {domain} could not be told: it is left to {org}, and no "
                              "server answered for {target}",
    "note.dmarc-org-cname-empty": "which DMARC policy applies to {domain} could not be told: it is left to {org}, a "
                                  "CNAME to {target}, which holds no DMARC record (a DMARC service should publish it "
                                  "there)",
    "note.dmarc-none-applies": "no DMARC policy applies to {domain} (SES needs none; DMARC is left to the "
                               "organisational domain): to have one, start with p=none and add rua=mailto:ADDRESS for "
                               "daily reports, at {dmarc_at} (host {dmarc_host}): {value}",
    "only_on": "only on {servers}: ",
    "cause.value-has-zone-appended": "value-has-zone-appended",
    "cause.name-has-zone-appended": "name-has-zone-appended",
    "cause.extra-quotes": "extra-quotes",
    "cause.conflict": "conflict",
    "cause.underscore-dropped": "underscore-dropped",
    "cause.servers-disagree": "servers-disagree",
    "cause.value-differs": "value-differs",
    "cause.wrong-type": "wrong-type",
    "cause.misplaced": "misplaced",
    "cause.spf-lacks-include": "spf-lacks-include",
    "cause.spf-include-after-all": "spf-include-after-all",
    "cause.spf-redirect-ignored": "spf-redirect-ignored",
    "cause.spf-too-many-lookups": "spf-too-many-lookups",
    "cause.spf-syntax": "spf-syntax",
    "cause.spf-include-permerror": "spf-include-permerror",
    "cause.spf-unconfirmed": "spf-unconfirmed",
    "cause.dmarc-invalid": "dmarc-invalid",
    "cause.dmarc-inherited-weaker": "dmarc-inherited-weaker",
    "cause.spf-pass-all": "spf-pass-all",
    "cause.spf-void-lookups": "spf-void-lookups",
    "cause.dmarc-weaker-than-organisation": "dmarc-weaker-than-organisation",
    "cause.dmarc-org-unknown": "dmarc-org-unknown",
    "cause.wildcard": "wildcard",
    "cause.servers-out-of-sync": "servers-out-of-sync",
    "cause.subdomain-dropped": "subdomain-dropped",
    "cause.mail-from-shared": "mail-from-shared",
    "status.ok": "ok",
    "status.missing": "missing",
    "status.wrong": "wrong",
    "ses.PENDING": "PENDING",
    "ses.SUCCESS": "SUCCESS",
    "ses.FAILED": "FAILED",
    "ses.TEMPORARY_FAILURE": "TEMPORARY_FAILURE",
    "ses.NOT_STARTED": "NOT_STARTED",
    "ses.PLANNED": "PLANNED",
    "ses.HOST_NOT_FOUND": "HOST_NOT_FOUND",
    "ses.TYPE_NOT_FOUND": "TYPE_NOT_FOUND",
    "ses.INVALID_VALUE": "INVALID_VALUE",
    "ses.DNS_SERVER_ERROR": "DNS_SERVER_ERROR",
    "ses.SERVICE_ERROR": "SERVICE_ERROR",
    "why.timeout": "{name} timed out after {seconds} s",
    "why.down": "{name} timed out after {seconds} s (it stopped answering earlier in this check)",
    "why.refused": "{name} answered REFUSED: not authoritative for the zone",
    "why.rcode": "{name} answered {rcode}",
    "why.lame": "{name} was not authoritative (a referral or a lame delegation)",
    "why.failed": "{name} failed {detail}",
    "label.status": "STATUS",
    "label.type": "TYPE",
    "label.name": "NAME",
    "label.expected": "EXPECTED",
    "label.found": "FOUND",
    "label.nothing_belongs": "(nothing)",
    "label.checked": "Checked {domain} of SES region {region} (zone {zone}) at {servers}",
    "label.ses_live": "SES says (live, {region})",
    "label.ses_saved": "SES said (saved in {source}; may be out of date)",
    "label.ses_statuses": "DKIM {dkim}, MAIL FROM {mail_from}, verification {verification}",
    "label.ses_error": ", error {error}",
    "label.not_asked": "no answer: {server}: {reason}: a name server that does not answer is an outage for "
                       "everyone who asks it",
    "server.dead": "if it is gone for good, remove it from the NS records of {zone} at the registrar and in the "
                   "zone; otherwise bring it back",
    "server.lame": "it is named in the NS records of {zone} but does not serve the zone: load the zone on it, or "
                   "remove it from the NS records at the registrar and in the zone",
    "server.given-dead": "check the address and port given with --nameserver, and that a DNS server runs there",
    "server.given-lame": "check that --nameserver names a server authoritative for {zone}, or a resolver",
    "label.summary": "{ok} ok, {missing} missing, {wrong} wrong",
    "label.summary_many": "{count} identities: {right} all right, {problems} with problems",
    "label.summary_one": "{count} identity: {right} all right, {problems} with problems",
    "label.server_state": "{server}: {state}",
    "label.separator": "; ",
    "label.zone_note": "DNS says the zone holding {domain} is {zone}, not {assumed}: host names and fixes are for "
                       "the {zone} zone",
    "label.none": "-",
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
    "notice.mail-from-temporary-failure": "SES could not look up the MX record of the MAIL FROM domain {domain:code} "
                                          "(status {status:code}) and retries on its own: publish the records as "
                                          "shown; there is nothing to restart.",
    "notice.reject-on-mx-failure": "This identity has {setting:code}: SES refuses to send from it until it finds "
                                   "the MX record of {domain:code}. Publish that record first.",
    "notice.dmarc-at-organisation": "No DMARC record for {domain:code}: the policy of {organisation:code} already "
                                    "applies to it, and a weaker record here would override it. If {organisation:code} "
                                    "has none, publish one at {record:code} (or pass --dmarc to write one here).",
    "notice.zone-assumed": "Hosts are relative to the zone {zone:code}; if {domain:code} has a zone of its own at "
                           "your DNS host, rerun with --zone {domain:code}.",
    # The model's notes (exporter/model.py): shown like the advisories, after them.
    "notice.dkim-replicated": "DKIM is replicated from the parent identity in {region:code}: these are the parent's "
                              "DKIM records, already right if they are published for it",
    "notice.no-dkim-tokens": "SES returned no DKIM tokens: DKIM is not set up for this identity, so no DKIM records",
    "notice.mail-from-planned": "MAIL FROM domain {domain:code} is planned (--mail-from), not yet configured in SES",
    # --merge-live (exporter/merge.py): what the live zone held and what became of it.
    "notice.live-zone": "Hosts are relative to the zone {zone:code}, which DNS delegates for {domain:code}: its "
                        "records belong in that zone, at the DNS host that serves it.",
    "notice.live-read": "Merged with what the zone {zone:code} publishes now (asked of {servers}, --merge-live).",
    "notice.live-dmarc-kept": "Kept the DMARC record published at {name:code} ({value:code}): no DMARC record is "
                              "written here.",
    "notice.live-dmarc-invalid": "The DMARC record published at {name:code} ({value:code}) is not one receivers "
                                 "apply ({cause:code}, as {command:code} reports it). It is left as it is and no "
                                 "DMARC record is written: fix it, or pass --dmarc to replace it.",
    "notice.live-dmarc-weaker": "The DMARC record published at {name:code} ({value:code}) is weaker than the policy "
                                "{organisation:code} applies below it ({setting:code}): it switches "
                                "that policy off here. Delete it, or raise its policy to {raised:code}.",
    "notice.live-dmarc-replaced": "The DMARC record of --dmarc replaces the one published at {name:code} "
                                  "({value:code}): where records are added one by one, delete the old one as you add "
                                  "the new one, since two DMARC records mean no policy at all.",
    "notice.live-spf-kept": "Kept the SPF record published at {name:code} ({value:code}): it lets Amazon SES's mail "
                            "pass already, so no SPF record is written.",
    "notice.live-spf-merged": "The SPF record published at {name:code} ({found:code}) is merged into one: "
                              "{value:code}. Put it in the place of the published one, never beside it.",
    "notice.live-carried": "The other TXT records at {name:code} ({values:code}) stay: formats that write the whole "
                           "record set carry them along.",
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
    "copy.dig": "Copy the dig command {number}",
    "copy.nslookup": "Copy the nslookup command {number}",
    "expected": "Expected answer:",
}


# --- MESSAGES: what stderr says (exporter/job.py and the modules it runs) ------------------------
# Each line on stderr is "ses-export: " and one of these. Plain text. "count.NOUN" says a number of
# things ("count.NOUN.one" for one: exporter/phrase.py `counted`). "error.KEY" are refusals: the
# option they concern is put before them as a flag ("--wait: ..."), never translated. Which
# refusals are here and which stay English: docs/design.md, "Languages".
MESSAGES = {
    # Refusals: the model, names, regions, DMARC values, keys, the library's arguments
    "error.at": "{what}: {problem}",
    "error.name-empty": "empty domain name",
    "error.name-control": "{raw} holds the control character {character}",
    "error.name-email": "{raw} is an email address, not a domain",
    "error.name-root": "the root is not a domain",
    "error.name-empty-label": "{raw} has an empty label",
    "error.name-label-long": "{raw} has a label longer than 63 octets",
    "error.name-long": "{raw} is longer than 253 octets",
    "error.name-no-idna": "the idna package is missing; install dnspython[idna]",
    "error.name-invalid": "{raw} is not a valid domain name ({reason})",
    "error.name-single-label": "{raw} is a single label; give the full domain (example.com)",
    "error.name-bad-label": "{raw} has the label {label}, which is not a host name label",
    "error.name-bad-a-label": "{raw} has the label {label}, which is not a valid IDNA A-label ({problem})",
    "error.name-not-token": "{value} is not a DNS label (1-63 letters, digits, '-' or '_', not starting with '-')",
    "error.region-invalid": "{value} is not an AWS region (like us-east-1 or ap-northeast-1)",
    "error.dmarc-not-pair": "{value} is not a tag=value pair (RFC 7489 6.3)",
    "error.dmarc-no-version": "{value} must start with 'v=DMARC1' (for example 'v=DMARC1; p=none;')",
    "error.dmarc-version-again": "'v=DMARC1' may appear only once, first",
    "error.dmarc-unknown-tag": "{tag} is not a DMARC tag (RFC 7489 6.3 knows {known})",
    "error.dmarc-tag-twice": "the tag {tag} is given twice",
    "error.dmarc-bad-value": "{tag}={value} is not a valid value for {tag} (RFC 7489 6.3)",
    "error.dmarc-no-policy": "{value} has no p= policy (none, quarantine or reject); a record without one is ignored "
    "by receivers (RFC 7489 6.6.3)",
    "error.dmarc-not-address": "{tag}{value} is not a report address (mailto:ADDRESS, RFC 7489 6.2)",
    "error.key-not-key": "neither a PEM nor a DER public key",
    "error.key-algorithm": "an {algorithm} key; SES's BYODKIM takes RSA keys of {low} to {high} bits only",
    "error.key-not-der": "the key is not a DER public key (SubjectPublicKeyInfo)",
    "error.key-size": "a {bits}-bit RSA key; SES's BYODKIM takes {low} to {high} bits",
    "error.key-private": "this is a PRIVATE key; pass the public key (openssl rsa -in KEY -pubout)",
    "error.key-pkcs1": "PKCS#1 'RSA PUBLIC KEY'; DKIM needs the SubjectPublicKeyInfo form (openssl rsa -in KEY -pubout)",
    "error.key-pem-kind": "expected a PEM 'PUBLIC KEY', found {kind}",
    "error.key-base64": "the key is not valid base64",
    "error.key-unreadable": "{path}: cannot read it ({reason})",
    "error.key-file-large": "{path}: larger than {size} bytes; not a public key",
    "error.key-folder-two": "{folder} holds two keys for {domain}",
    "error.key-folder-empty": "{folder}: the folder holds no DOMAIN.pem files",
    "error.what-key": "the key",
    "error.what-key-of": "the key of {domain}",
    "error.what-config-region": "the AWS configuration's region",
    "error.what-file-name": "{file}: file name",
    "error.txt-empty": "empty text",
    "error.txt-not-ascii": "character {character} is not printable ASCII; DNS TXT records here carry ASCII only",
    "error.txt-long": "{length} characters is longer than {high}",
    "error.model-keys-not-dict": "is not a dict of domain to base64 key text",
    "error.model-ttl": "{value} is not a TTL (a whole number of seconds from 1 to {high})",
    "error.model-rua-no-dmarc": "adds report addresses to the DMARC record; it cannot go with --no-dmarc",
    "error.model-rua-with-dmarc": "adds report addresses to the default DMARC record; with --dmarc, write rua= in it",
    "error.model-not-token": "{value} is not an SES verification token (44 base64 characters ending in '=', as "
    "'aws ses verify-domain-identity' prints)",
    "error.model-public-suffix": "{zone} is a public suffix (Public Suffix List): nobody's DNS host holds a zone for "
    "it; give the zone you manage, such as example.{zone}",
    "error.model-zone-outside": "{zone} does not contain the identity {domain}",
    "error.model-tokens-not-list": "{source}: DkimAttributes.Tokens is not a list",
    "error.model-byodkim-no-selector": "{source}: BYODKIM identity without a selector in DkimAttributes.Tokens",
    "error.model-byodkim-no-key": "{source}: {domain} uses BYODKIM (selector {selector}); pass --dkim-public-key "
    "PEM_FILE with the public half of the key you gave SES",
    "error.model-byodkim-no-key-in-folder": "{source}: {domain} uses BYODKIM (selector {selector}); pass "
    "--dkim-public-key PEM_FILE with the public half of the key you gave SES (the key folder has no {domain}.pem)",
    "error.model-easy-dkim-key": "{domain} uses Easy DKIM (SigningAttributesOrigin {origin}): SES signs with its own "
    "keys, so there is no public key to publish; drop --dkim-public-key",
    "error.model-token-twice": "{source}: DkimAttributes.Tokens lists {token} twice (DNS names ignore case)",
    "error.model-mail-from-differs": "{domain} already has the MAIL FROM domain {mail_from} in SES",
    "error.model-in-mail-from": "{source}: MailFromDomain: {problem}",
    "error.model-mail-from-outside": "{mail_from} must be a subdomain of {domain}",
    "error.model-mail-from-not-host": "{mail_from} is not a host name (letters, digits and hyphens only: no '_'), as "
    "a MAIL FROM domain and its MX record need",
    "error.why-dkim-zone": "its DKIM signing zone (the response has no SigningHostedZone)",
    "error.why-mail-from-mx": "the MX record of its MAIL FROM domain {mail_from}",
    "error.model-region-contradicts": "{region} contradicts the identity {domain}, whose SigningHostedZone {zone} "
    "says it is in {named} ({source})",
    "error.model-shared-mail-from": "{name} is the MAIL FROM domain of {first} in {first_region} and of {other} in "
    "{other_region}: SES's MAIL FROM fails where a name holds two MX records, so use one MAIL FROM subdomain per "
    "region",
    "error.model-name-long": "{identity}: the record name {name} is longer than 253 octets",
    "error.model-target-long": "{identity}: the {type} target {value} is longer than 253 octets",
    "error.model-replica-origin": "{source}: DkimAttributes.SigningAttributesOrigin {origin} does not name an AWS "
    "region (AWS_SES_EU_WEST_1 names eu-west-1)",
    "error.api-not-regions": "{value} is not a list of region names",
    "error.api-not-path": "{value} is not a path",
    "error.api-not-domains": "{value} is not a list of domain names",
    "error.api-not-options": "{found} is not an exporter.Options (make one with exporter.options())",
    "error.api-not-nameservers": "{value} is not a list of HOST[:PORT] texts",
    "error.api-not-true-false": "{value} is not true or false",
    "error.api-dmarc-and-no-dmarc": "contradicts no_dmarc; give one of the two",
    "error.octodns-txt": "{identity}: the TXT value at {name} holds {problem}; octoDNS cannot carry it",
    "note.line": "note: {text}",
    "note.identity": "note: {identity}: {text}",
    "note.identity-shared": "note: {identity}: {text} ({shared})",
    # a note many identities share, said once (exporter/notes.py): after the first identity's sentence
    "note.shared": "the same for {others}: {examples}",
    "note.shared-more": "the same for {others}: {examples} and {rest}; each output names them all",
    "note.separator": ", ",
    "count.more-identities": "{count} more identities",
    "count.more-identities.one": "{count} more identity",
    "count.others": "{count} others",
    "count.others.one": "{count} other",
    "count.identities": "{count} identities",
    "count.identities.one": "{count} identity",
    "count.records": "{count} records",
    "count.records.one": "{count} record",
    "count.servers": "{count} servers",
    "count.servers.one": "{count} server",
    "count.checks": "{count} checks",
    "count.checks.one": "{count} check",
    "progress.identities": "identities",
    # live SES (exporter/sources/live.py)
    "source.skipped": "{region}: skipped {what} (only domain identities have DNS records)",
    "source.no-domain-identities": "{region}: no domain identities",
    "count.email-identities": "{count} email-address identities",
    "count.email-identities.one": "{count} email-address identity",
    "count.other-identities": "{count} {kind} identities",
    # --dns-host auto (exporter/dns_host.py)
    "auto.note": "--dns-host auto: {text}",
    "auto.no-ns": "{zone} has no NS records here; generic instructions",
    "auto.several": "{zone}: its name servers belong to several DNS hosts ({known} and others) ({hosts}); "
                    "generic instructions",
    "auto.unknown": "{zone}: its name servers are not a DNS host the instructions know ({hosts}); generic "
                    "instructions",
    "auto.nxdomain": "{zone} does not exist in DNS (NXDOMAIN); generic instructions",
    "auto.cannot-ask": "cannot ask DNS for the name servers of {zone} ({reason}); generic instructions",
    "auto.served-by": "{zones} served by {panel} ({hosts})",
    "auto.mixed": "the zones are served by different DNS hosts ({zones}); generic instructions (run once per zone "
                  "to tailor them)",
    # --check and --wait (exporter/dnscheck/)
    "dns.no-answer": "DNS: no server answered any question: check the network, or name a server with --nameserver",
    "wait.right": "wait: all right after {checks}",
    "wait.up": "wait: time is up after {checks} ({duration}); {state}",
    "wait.again": "wait: check {round}: {state}; checking again in {pause} ({left} left)",
    "wait.state": "{todo} of {total} not right yet ({records} not ok)",
    "wait.state-servers": "{todo} of {total} not right yet ({records} not ok, {servers} not answering)",
    # Refusals: the command line (exporter/cli.py, exporter/job.py)
    "error.see-help": "(see ses-export --help)",
    "error.interrupted": "interrupted",
    "error.internal": "internal error: {kind}: {detail} (rerun with --debug and report it)",
    "error.not-one-of": "{value} is not one of {known}",
    "error.not-text": "{value} is not text",
    "error.not-texts": "{value} is not a list of text",
    "error.control-character": "{value} holds the control character {character}",
    "error.domain-argument": "DOMAIN: {problem}",
    "error.not-flag": "{value} is not True or False",
    "error.not-seconds": "{value} is not a number of seconds from {low} to {high}",
    "error.not-whole": "{value} is not a whole number from {low} to {high}",
    "error.not-whole-seconds": "{value} is not a whole number of seconds",
    "error.not-duration": "{value} is not a duration",
    "error.wait-duration": "{value} is not a duration such as 90s, 30m or 1h30m",
    "error.wait-unit": "{value} is not a duration such as 90s, 30m or 1h30m (add a unit: {suggested})",
    "error.wait-range": "{value}: wait more than 0 s and at most 24h",
    "error.dmarc-and-no-dmarc": "contradicts --no-dmarc; give one of the two",
    "error.mail-from-repeated": "given {count} times ({given}); an identity has one MAIL FROM domain",
    "error.check-format": "{format} writes the records; with --check the report is a table (the default) or json",
    "error.all-and-file": "lists live SES; with --identity-file, a folder of DOMAIN.json already means all of them",
    "error.all-and-domains": "every domain identity is exported; drop the DOMAIN arguments ({domains})",
    "error.regions-without-all": "given {count} regions; only --all reads several regions",
    "error.no-domain": "DOMAIN: name at least one domain identity, or pass --identity-file or --all",
    "error.merge-live-and-check": "writes records merged with the live zone; --check writes none, it judges what is "
                                  "published: give one of the two",
    "error.nameserver-alone": "only with --check, --merge-live or --dns-host auto (it names the DNS servers to ask)",
    "error.only-problems-alone": "only with --check (it leaves identities whose records are right out of the report)",
    "error.only-with-check": "only with --check",
    "error.only-with-check-or-merge": "only with --check or --merge-live",
    "error.report-format": "the --check report is a table or json, not {value}",
    "error.empty-output": "empty path; give a file, a folder ending in '/', or '-' for standard output",
    "error.writing-option-with-check": "changes how records are written; --check writes none, so drop it",
    # Refusals: --merge-live (exporter/merge.py, exporter/dnscheck/live.py)
    "error.merge-dmarc-cname": "{name} holds a CNAME (to {target}), beside which no DMARC TXT record can be added; "
                               "publish the record where the CNAME leads, or drop --merge-live to see the record alone",
    "error.merge-mail-from-cname": "{name} holds a CNAME (to {target}): the MAIL FROM name needs its own MX and TXT "
                                   "records, which cannot sit beside a CNAME; remove the CNAME first",
    "error.merge-two-spf": "{name} holds {count} SPF records ({records}), a permerror (RFC 7208 4.5): receivers apply "
                           "none; merge them into one, then run again",
    "error.merge-dmarc-weaker-than-organisation": "{value} is weaker than the policy {organisation} applies to {domain} "
                                                  "({tag}={policy} at {at}): published at {name} it would switch that "
                                                  "policy off; drop --dmarc (the organisation's policy applies), or give "
                                                  "p={policy}",
    "error.merge-nobody-answered": "DNS: nobody could say what {type} records {name} holds (needed to merge {identity}'s "
                                   "records with the live zone); try again, or pass --nameserver",
    "error.merge-servers-differ": "DNS: {first} and {other} answer differently at {name} (a change still on its way?): "
                                  "--merge-live needs one answer; wait, or name one server with --nameserver",
    "error.merge-cannot-ask": "DNS: {server} could not be asked ({why}) while merging {identity}'s records with the "
                              "live zone (--merge-live): check the network, or name a server that answers with "
                              "--nameserver",
    # Refusals: saved JSON (exporter/sources/saved.py, the shape checks of exporter/model.py)
    "error.no-such-path": "{path}: no such file or folder",
    "error.folder-empty": "{folder}: the folder holds no DOMAIN.json files",
    "error.folder-lacks": "{folder} has no file for {domains} (expected DOMAIN.json)",
    "error.stdin-closed": "standard input is closed; give the saved JSON on it, or a file",
    "error.not-json": "{source}: not JSON ({reason} at line {line}, column {column})",
    "error.saved-not-object": "{source}: expected a JSON object from '{command}', found {found}",
    "error.saved-email-address": "{source}: {domain} is an email-address identity; only domain identities have DNS "
                                 "records",
    "error.saved-identity-type": "{source}: IdentityType {value} is not supported (only DOMAIN)",
    "error.saved-v1": "{source}: this is SES v1 output ('{v1}'); save '{command}' instead",
    "error.saved-v1-dkim": "{source}: this is SES v1 output ('aws ses get-identity-dkim-attributes', DkimAttributes "
                           "keyed by identity); save '{command}' instead",
    "error.saved-no-dkim": "{source}: not a get-email-identity response (it has no DkimAttributes object); save "
                           "'{command}'",
    "error.saved-region": "{source}: the region of {domain} is needed for {why}, and saved JSON does not record it; "
                          "pass --region (or set AWS_REGION)",
    "error.saved-not-an-object": "{source}: {field} is not an object",
    "error.saved-not-string": "{source}: {field} is not a string",
    "error.saved-not-ses-value": "{source}: {field} {value} is not one of SES's values ({known})",
    # Standard output and -o files (exporter/output.py)
    "error.stdout-closed": "standard output is closed; nothing could be written (use -o FILE)",
    "error.stdout-pipe-closed": "standard output: the reader closed the pipe before everything was written",
    "error.stdout-incomplete": "standard output: {reason}; the output is incomplete",
    "error.output-incomplete": "{target}: {reason}; the output is incomplete",
    "error.output-nothing-written": "{target}: {reason}; nothing was written",
    # Refusals: saved files, outputs, formats, --nameserver (exporter/sources/, output.py, formats/,
    # merge.py, dnscheck/ask.py)
    "error.separator": "; ",
    "error.flagged": "{flag}: {detail}",
    "error.path-reason": "{path}: {reason}",
    "error.saved-several": "{count} saved identities are bad: {shown}",
    "error.saved-several-more": "{count} saved identities are bad: {shown}; and {more} more",
    "error.cannot-list-folder": "{folder}: cannot list the folder: {reason}",
    "error.saved-changed": "{source} changed while the run read it: nothing was written; run it again",
    "error.same-domain": "{first} and {second} are the same domain {domain}",
    "error.file-name-not-domain": "{path}: no DOMAIN given, and the file name {stem} is not one; name it "
                                  "(ses-export DOMAIN --identity-file {path}) or save the file as DOMAIN.json",
    "error.one-identity": "{source} holds one identity; name its domain once (ses-export DOMAIN --identity-file "
                          "{path}), or pass a folder of DOMAIN.json files",
    "error.stdin-unreadable": "standard input cannot be read ({reason})",
    "error.saved-too-large": "{source}: larger than {size} MB; not a saved get-email-identity response",
    "error.saved-utf32": "{source}: saved as UTF-32; save it as UTF-8 (PowerShell: | Out-File -Encoding utf8)",
    "error.saved-utf16-invalid": "{source}: saved as UTF-16, but not valid UTF-16 text",
    "error.saved-utf16-no-bom": "{source}: saved as UTF-16 without a byte-order mark; save it as UTF-8 "
                                "(PowerShell: | Out-File -Encoding utf8)",
    "error.saved-not-utf8": "{source}: not UTF-8 text",
    "error.json-too-deep": "{source}: not JSON (nested too deeply)",
    "error.saved-not-response": "{source}: not a saved get-email-identity response ({reason})",
    "error.output-kind": "{path} is a {kind}; -o writes a file, a folder, a device or a FIFO",
    "error.kind.file": "file",
    "error.kind.folder": "folder",
    "error.kind.character-device": "character device",
    "error.kind.fifo": "FIFO",
    "error.kind.socket": "socket",
    "error.kind.block-device": "block device",
    "error.file-not-folder": "{path} is a file, not a folder",
    "error.no-such-folder": "{folder}: no such folder",
    "error.cannot-write-there": "{folder}: cannot write there ({reason})",
    "error.output-is-folder": "{path} is a folder",
    "error.file-name-too-long": "{name}...: the file name is too long for {folder} ({size} bytes)",
    "error.cannot-make-folder": "{folder}: cannot make the folder ({reason})",
    "error.not-host-port": "{value} is not HOST[:PORT]",
    "error.no-host": "{value} names no host",
    "error.cannot-resolve": "cannot resolve {host} ({reason})",
    "error.port-range": "{value}: the port must be a number from 1 to 65535",
    "error.dns-nxdomain": "DNS: {name} does not exist (NXDOMAIN): is the domain registered and delegated?",
    "error.dns-no-soa": "DNS: the system resolver found no zone holding {name} (no SOA record up to the root): "
                        "check the network and /etc/resolv.conf, or pass --nameserver",
    "error.dns-no-zone": "DNS: cannot find the zone of {name} through the system resolver ({why}); pass --nameserver",
    "error.dns-no-authoritative": "DNS: cannot find the authoritative servers of {zone} through the system resolver "
                                  "({why}); pass --nameserver",
    "error.dns-no-addresses": "DNS: the name servers of {zone} ({hosts}) have no addresses",
    "error.merge-mx-taken": "{name} already has the MX record {others}: SES's MAIL FROM needs its MX to be the only "
                            "one there, and writing it would replace or join that one; use a MAIL FROM subdomain "
                            "that receives no other mail",
    "error.merge-spf": "cannot merge amazonses.com into the SPF record at {name} ({record}): {reason}",
    "error.merge-dmarc-weaker": "{value} is weaker than the DMARC record published at {name} ({published}): "
                                "{weaker}; drop --dmarc to keep the published record",
    "error.weaker-policy": "p={ours} where p={live} is published",
    "error.weaker-subdomain-policy": "subdomains get {ours} where {live} is published",
    "error.weaker-pct": "pct={ours} where pct={live} is published",
    "error.merge-txt-unwritable": "{name} holds a TXT record that cannot be written again ({reason}); it would be "
                                  "lost where the whole record set is written",
    "error.one-zone-id": "one id for identities in several zones ({zones}); pass --zone to put them in one zone, "
                         "or render each zone apart",
    "error.zone-id-shape": "{value} is not {what}",
    "error.zone-id.cloudflare": "a Cloudflare zone id (32 hex digits)",
    "error.zone-id.route53": "a Route 53 hosted zone id (like Z0123456789ABCDEFGHIJ)",
    "error.zone-id.google": "a Cloud DNS managed zone name (like example-com)",
    "error.azure-txt-long": "{source}: a TXT value of {length} characters at {name}; azurerm_dns_txt_record takes "
                            "at most {limit}",
    "error.cloudflare-ttl": "Cloudflare accepts {low}..{high} seconds, or 1 for automatic; {ttl} cannot be written "
                            "for terraform-cloudflare",
    "error.terraform-twice": "{source}: {type} at {name} is needed twice ({first}, {second}); terraform-{provider} "
                             "would fail to apply the second. Render them in separate files",
    "error.one-zone": "{what}, and these identities are in {count} ({zones}); {apart} with -o FOLDER/, or pass --zone",
    "error.one-zone.route53-changes": "a change batch is for one hosted zone",
    "error.apart.route53-changes": "write one batch per zone",
    "error.one-zone.octodns": "an octoDNS zone file is for one zone",
    "error.apart.octodns": "write one file per zone",
    "error.format-twice": "{type} at {name} is needed twice ({first} and {second}); {why}",
    "error.twice.route53-changes": "one change batch cannot change one record set twice. Render them in separate "
                                   "files",
    "error.twice.cloudformation": "one stack cannot hold two record sets of one name and type. Render them in "
                                  "separate files",
    "error.twice.octodns": "render them in separate files",
    "error.route53-value-long": "the {type} value at {name} is {length} characters once quoted for Route 53, which "
                                "takes at most {limit}",
    "error.octodns-name-long": "the name {name} is {length} octets; octoDNS takes at most {limit} (it counts the "
                               "final dot), so it cannot carry it",
    "error.octodns-value": "the {type} value at {name} holds {problem}; octoDNS cannot carry it",
    "error.cloudformation-empty": "no records to write: a CloudFormation template needs at least one resource (is "
                                  "DMARC left out and DKIM not set up?)",
    "error.route53-changes-empty": "no records to change: a change batch needs at least one (is DMARC left out and "
                                   "DKIM not set up?)",
    "error.not-arguments": "{value} is not a tuple of command-line arguments",
    "error.csv-formula": "csv: {value} would run as a formula in a spreadsheet; the csv format does not write it "
                         "(json or bind carry it)",
    "error.no-profile": "no AWS profile named {profile} in the AWS configuration",
    "error.no-region": "no region given and none in the AWS configuration; pass --region (or set AWS_REGION)",
    "error.aws-configuration": "AWS configuration: {reason}",
    "error.ses-client": "SES in {region}: cannot make a client: {reason}",
    "error.ses-not-identity": "SES in {region}: the answer for {name} is not a GetEmailIdentity response ({content}); "
                              "try again, or run with --debug for a bug report",
    "error.ses-not-list": "SES in {region}: the answer listing identities is not a ListEmailIdentities response "
                          "({content}); try again, or run with --debug for a bug report",
    "error.ses-not-item": "SES in {region}: the answer listing identities holds an item that is not an identity "
                          "(IdentityType and IdentityName expected); try again, or run with --debug for a bug report",
    "error.ses-token-again": "SES in {region}: listing identities, SES gave a NextToken it had given before (after "
                             "{pages} pages): the list would never end; try again, or run with --debug for a bug "
                             "report",
    "error.ses-too-many-pages": "SES in {region}: listing identities, SES was still giving pages after {pages} "
                                "({identities} identities, more than a region holds); try again, or run with "
                                "--debug for a bug report",
    "error.ses-list-subject": "the list of identities",
    "count.attempts": "{count} attempts",
    "count.attempts.one": "{count} attempt",
    "error.ses-too-slow": "SES in {region}: the answer for {subject} did not come whole within {seconds} s ({tries}; "
                          "it came too slowly); check the network or proxy, or allow longer with --timeout",
    "error.ses-no-credentials": "SES in {region}: no AWS credentials found: set AWS_PROFILE or pass --profile, or "
                                "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or use --identity-file with saved "
                                "JSON)",
    "error.ses-credentials": "SES in {region}: the AWS credentials could not be loaded ({kind}): refresh them (aws "
                             "sso login, for SSO) or set AWS_PROFILE or pass --profile, or set AWS_ACCESS_KEY_ID and "
                             "AWS_SECRET_ACCESS_KEY (or use --identity-file with saved JSON)",
    "error.ses-credentials-from": "SES in {region}: the AWS credentials from {provider} could not be loaded ({kind}): "
                                  "refresh them (aws sso login, for SSO) or set AWS_PROFILE or pass --profile, or set "
                                  "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or use --identity-file with saved "
                                  "JSON)",
    "error.ses-no-answer": "SES in {region}: no answer within {seconds} s asking for {subject} ({tries}); check the "
                           "network, or allow longer with --timeout",
    "error.ses-connect-timeout": "SES in {region}: could not connect within {seconds} s to {endpoint} ({tries}); "
                                 "check the network or proxy, or allow longer with --timeout",
    "error.ses-connect": "SES in {region}: could not connect to {endpoint}{reason} ({tries}); check the network, the "
                         "proxy and AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL",
    "error.ses-closed": "SES in {region}: the connection closed without an answer asking for {subject} ({tries}); "
                        "check the network or proxy, and try again later",
    "error.ses-unreadable": "SES in {region}: the answer for {subject} could not be read ({kind}); try again, or run "
                            "with --debug for a bug report",
    "error.ses-botocore": "SES in {region}: {subject}: {kind}: {reason}",
    "error.nested-too-deeply": "nested too deeply",
    "error.ses-not-ses": "SES in {region}: the answer for {subject} could not be read ({why}: not what SES answers); "
                         "try again, or run with --debug for a bug report",
    "error.ses-not-found": "SES in {region}: no identity {subject} (check the domain, and --region: identities "
                           "belong to one region)",
    "error.ses-access-denied": "SES in {region}: access denied to {subject}: the caller needs the IAM permission "
                               "{action}",
    "error.ses-throttled": "SES in {region}: still throttled ({status} {code}) after {tries} asking for {subject}; "
                           "another client shares the account's SES request rate: try again later",
    "error.ses-credentials-rejected": "SES in {region}: the AWS credentials were rejected ({code}); refresh them or "
                                      "pick another --profile",
    "error.ses-redirect": "SES in {region}: the endpoint answered with a redirect (HTTP {status}) asking for "
                          "{subject}; SES never redirects: check AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL, the proxy "
                          "and the region",
    "error.ses-redirect-to": "SES in {region}: the endpoint answered with a redirect (HTTP {status}) to {location} "
                             "asking for {subject}; SES never redirects: check AWS_ENDPOINT_URL_SESV2 / "
                             "AWS_ENDPOINT_URL, the proxy and the region",
    "error.ses-failing": "SES in {region}: SES kept failing ({status} {code}): {tries} asking for {subject}; try "
                         "again later",
    "error.ses-error": "SES in {region}: {code} (HTTP {status}) asking for {subject}",
    "error.ses-error-detail": "SES in {region}: {code} (HTTP {status}) asking for {subject}: {detail}",
    "error.spf-unwritable": "it cannot be written again ({reason})",
    "error.spf-not-term": "{term} is not an SPF term (a permerror)",
    "error.spf-qualifier": "it names {term}, a qualifier that does not let SES's mail pass; change that term yourself",
    "error.spf-too-long": "the merged record would be too long ({reason})",
    "error.spf-plus-all": "it ends in +all, which lets every sender on the Internet pass SPF; replace +all with ~all "
                          "or -all first",
    "error.spf-leads-to-plus-all": "it leads to +all ({via}), which lets every sender on the Internet pass SPF; fix "
                                   "that record first",
    "error.spf-lookups": "it needs more than 10 DNS look-ups ({count} counted), a permerror (RFC 7208 4.6.4); "
                         "flatten or remove some include: terms first",
    "error.spf-lookups-merged": "it needs more than 10 DNS look-ups once include:amazonses.com is added ({count} "
                                "counted), a permerror (RFC 7208 4.6.4); flatten or remove some include: terms first",
    "error.spf-syntax": "{term} is not valid SPF, a permerror (RFC 7208 4.6.1)",
    "error.spf-include-permerror": "{term} leads to a permerror: {why} (RFC 7208 5.2)",
    "error.spf-no-record": "{target} has no SPF record",
    "error.spf-several": "{target} has {count} SPF records",
    "error.spf-not-valid": "{bad} is not valid SPF",
    "error.spf-redirect-ignored": "{term} beside an all term is ignored by receivers (RFC 7208 6.1); keep one of the "
                                  "two first",
    "error.spf-unconfirmed": "{term} cannot be followed before sending (a macro, or a record nobody answered for), so "
                             "its look-ups cannot be counted; merge by hand",
    "error.spf-not-pass": "the merged record would not let SES's mail pass ({cause})",
}
