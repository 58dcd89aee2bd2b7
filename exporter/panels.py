"""What differs between DNS panels, as data: exporter/guide.py decides the instructions from these facts.

One Panel per `--dns-host`. A fact is set only where a source says so (see `sources`, and the
README's "Panel facts" table); where it is not known the field stays None and the instructions say
what to look for instead of naming a field that may not exist. The words (where the records are
added, per panel) are in the language catalogues, exporter/text/.
"""

from __future__ import annotations

from typing import NamedTuple

from .filters import bind_txt, no_final_dot
from .model import Record
from .names import relative


class Panel(NamedTuple):  # a NamedTuple: a 27-field dataclass costs about a millisecond to define at start-up
    key: str
    title: str  # the name people know the service by
    # The panel's own field labels where a source names them: "host", "value", "priority", and
    # per record type "value:CNAME" etc. Missing labels fall back to the template's words.
    labels: dict[str, str] = {}  # shared default: read only, like every Panel field
    host_appends_zone: bool | None = None  # True: the host field takes the label, the panel adds the zone
    apex_host: str = "@"  # what the host field takes for the zone apex ("" = leave it empty)
    mx_priority: str | None = None  # "field": its own field; "in-value": "10 server." in the value; None: unknown
    txt_quoted: bool = False  # TXT value typed as RFC 1035 quoted strings, split at 255 bytes (Route 53)
    strips_txt_quotes: bool = False  # removes surrounding double quotes from a TXT value when saving
    blank_mx_priority: int | None = None  # what a blank MX priority becomes
    cname_proxy: bool = False  # CNAMEs can be proxied (Cloudflare): they must be "DNS only"
    drops_final_dot: bool = False  # stores targets without the final dot and always reads them as absolute
    relative_values: bool = False  # reads a target without the final dot as a name inside the zone
    max_txt_chars: int | None = None  # longest TXT value the panel accepts
    zone_editor: bool = False  # records are typed as text lines ("TYPE HOST VALUE") in one editor box
    # The labels of the panel's Japanese interface, where they differ from `labels` (--lang ja).
    labels_ja: dict[str, str] = {}
    full_name_ok: bool = False  # the host field also takes the full name and removes the zone itself
    fqdn_values: bool = False  # every CNAME/MX value is read as fully qualified: no zone is ever appended
    underscore_ok: bool = False  # names with '_' are accepted (a source says so)
    ttl_range: tuple[int, int] | None = None  # the TTLs the panel accepts, in seconds (None: not known)
    ttl_auto: int | None = None  # the TTL value that means the panel's "Auto"
    shows_unicode: bool = False  # shows an internationalized domain in Unicode (日本語.jp), not A-labels
    save_button: str | None = None  # the button that finally saves the rows (nothing is saved before)
    sources: tuple[str, ...] = ()

    def label(self, name: str, rtype: str | None = None, lang: str = "en") -> str | None:
        """The panel's own label for a field, or None when no source names it."""
        if lang == "ja":
            found = self.labels_ja.get(f"{name}:{rtype}") or self.labels_ja.get(name)
            if found:
                return found
        return self.labels.get(f"{name}:{rtype}") or self.labels.get(name)

    def ttl_problem(self, ttl: int) -> str | None:
        """Why the panel cannot take `ttl` (None: it can, or nothing is known)."""
        if self.ttl_range is None or ttl == self.ttl_auto or self.ttl_range[0] <= ttl <= self.ttl_range[1]:
            return None
        low, high = self.ttl_range
        auto = f" or {self.ttl_auto} (Auto)" if self.ttl_auto is not None else ""
        return f"{self.title} accepts {low}..{high} seconds{auto}; {ttl} cannot be entered there"


class Entry(NamedTuple):  # a NamedTuple: cheaper to define than a dataclass at every start-up
    """One record as a person types it into a given panel."""

    record: Record
    host: str  # for the host field ("" only where the panel wants the apex left empty)
    fqdn: str  # the full owner name, with its dot
    value: str  # for the value field, exactly as typed
    priority: int | None  # for a separate priority field (None: not one, or MX priority inside value)
    editor_line: str | None  # zone_editor panels: the line to add (None where the syntax is not known)
    doubled_name: str  # what a full name typed into a host field that adds the zone would become
    relative_value: str | None  # what a target without its final dot becomes where it is read as relative
    too_long: bool  # a TXT value longer than the panel accepts


def entry(panel: Panel, record: Record, zone: str) -> Entry:
    """`record` (in zone `zone`) laid out for `panel`'s fields."""
    host = relative(record.name, zone)
    if host == "@":
        host = panel.apex_host
    priority = record.priority
    if record.type == "TXT":
        value = bind_txt(record.value) if panel.txt_quoted else record.value
    elif record.type == "MX" and panel.mx_priority == "in-value":
        value, priority = f"{record.priority} {record.value}", None
    else:
        value = record.value
    editor_line = None
    if panel.zone_editor and record.type in ("CNAME", "TXT"):
        editor_line = f"{record.type.lower()} {host or '@'} {value}"
    relative_value = None
    if record.type in ("CNAME", "MX"):
        relative_value = f"{no_final_dot(record.value)}.{no_final_dot(zone)}"
    return Entry(
        record=record,
        host=host,
        fqdn=record.name,
        value=value,
        priority=priority,
        editor_line=editor_line,
        doubled_name=f"{no_final_dot(record.name)}.{no_final_dot(zone)}",
        relative_value=relative_value,
        too_long=record.type == "TXT" and panel.max_txt_chars is not None and len(record.value) > panel.max_txt_chars,
    )


PANELS: dict[str, Panel] = {
    panel.key: panel
    for panel in (
        Panel(key="generic", title="DNS host"),
        Panel(
            key="cloudflare",
            title="Cloudflare",
            labels={"host": "Name", "value:CNAME": "Target", "value:MX": "Mail server", "value:TXT": "Content",
                    "priority": "Priority"},
            labels_ja={"host": "名前", "value:CNAME": "ターゲット"},
            host_appends_zone=True,
            full_name_ok=True,
            mx_priority="field",
            cname_proxy=True,
            drops_final_dot=True,
            underscore_ok=True,
            ttl_range=(60, 86400),
            ttl_auto=1,
            sources=(
                "https://developers.cloudflare.com/dns/manage-dns-records/reference/dns-record-types/ "
                "(underscores allowed in names)",
                "https://developers.cloudflare.com/dns/proxy-status/",
                "terraform-provider-cloudflare issues 7286 and 154 (targets stored without the final dot)",
                "Cloudflare API schema dns-records_ttl (1 = automatic, else 60..86400; 30 on Enterprise)",
                "https://support.cloudflare.com/hc/ja/articles/360019093151 (名前: the Name field in Japanese)",
                "issue 12 (reproduced by hand, no Cloudflare page found): a full name in Name is stored "
                "without the zone appended; ターゲット for Target",
            ),
        ),
        Panel(
            key="route53",
            title="Amazon Route 53",
            labels={"host": "Record name", "value": "Value"},
            labels_ja={"host": "レコード名", "value": "値"},
            host_appends_zone=True,
            apex_host="",
            mx_priority="in-value",
            txt_quoted=True,
            fqdn_values=True,
            underscore_ok=True,
            ttl_range=(0, 2147483647),
            sources=(
                "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html (a domain "
                "name in a value is fully qualified, with or without the final dot)",
                "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html ('_' allowed)",
                "issue 12: レコード名 / 値 in the Japanese console (not confirmed by a page found)",
                "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-shared.html",
                "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html (MX and TXT formats)",
            ),
        ),
        Panel(
            key="onamae",
            title="お名前.com",
            labels={"host": "ホスト名", "value": "VALUE", "priority": "優先"},
            host_appends_zone=True,
            mx_priority="field",
            shows_unicode=True,
            sources=(
                "issue 12: rows are saved only after a confirmation screen (no page found: the text names no button)",
                "https://www.beginnerweb.net/spf.html (TYPE / VALUE fields)",
                "https://73megane.hatenablog.com/entry/2020/09/02/081545 (ホスト名 / VALUE)",
            ),
        ),
        Panel(
            key="muumuu",
            title="ムームードメイン",
            labels={"host": "サブドメイン", "value": "内容", "priority": "優先度"},
            host_appends_zone=True,
            mx_priority="field",
            blank_mx_priority=50,
            max_txt_chars=255,
            shows_unicode=True,
            save_button="セットアップ情報変更",
            sources=("Muumuu DNS カスタム設定 notes as quoted at https://w.atwiki.jp/ailoveme/pages/87.html "
                     "(blank MX priority becomes 50; 内容 at most 255 half-width characters; rows are saved "
                     "with the セットアップ情報変更 button)",),
        ),
        Panel(
            key="xserver",
            title="エックスサーバー (Xserver)",
            labels={"host": "ホスト名", "priority": "優先度"},
            host_appends_zone=True,
            mx_priority="field",
            strips_txt_quotes=True,
            shows_unicode=True,
            sources=(
                "https://wpx.ne.jp/support/manual/man_domain_dns_setting.php (the same company's DNS panel: surrounding "
                "double quotes removed from TXT on saving; ホスト名 and 優先度)",
            ),
        ),
        Panel(
            key="sakura",
            title="さくらインターネット",
            labels={"host": "エントリ名"},
            host_appends_zone=True,
            relative_values=True,
            max_txt_chars=255,
            shows_unicode=True,
            sources=(
                "https://help.sakura.ad.jp/domain/2712/ (zone editing; TXT at most 255 characters)",
                "https://notemite.com/web/sakura-internet-zone-config-screen/ (エントリ名, @, values written with a final dot)",
            ),
        ),
        Panel(
            key="valuedomain",
            title="Value Domain",
            host_appends_zone=True,
            relative_values=True,
            zone_editor=True,
            shows_unicode=True,
            sources=("https://www.pgmemo.tokyo/data/archives/1639.html (line syntax `txt @ v=spf1 ...`)",),
        ),
        Panel(
            key="godaddy",
            title="GoDaddy",
            labels={"host": "Name", "value": "Value", "priority": "Priority"},
            host_appends_zone=True,
            mx_priority="field",
            sources=("https://jp.godaddy.com/help/add-an-spf-record-19218 (名前: @ or a prefix such as mail; 値; TTL)",),
        ),
        Panel(
            key="namecheap",
            title="Namecheap",
            labels={"host": "Host", "value": "Value", "priority": "Priority"},
            host_appends_zone=True,
            mx_priority="field",
            sources=("https://www.namecheap.com/support/knowledgebase/article.aspx/9646/10/how-can-i-set-up-a-cname-record-for-my-domain "
                     "(Host and Value; the domain is added automatically, so enter only the subdomain)",),
        ),
    )
}

PANEL_NAMES = tuple(PANELS)


def panel(key: str | None) -> Panel:
    """The Panel for `--dns-host` (generic when not given)."""
    return PANELS[key or "generic"]
