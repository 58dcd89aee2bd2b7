"""What differs between DNS panels, as data: exporter/guide.py decides the instructions from these facts.

One Panel per `--dns-host`, and everything about a panel is in its entry: its facts, the host names
of its name servers (for --dns-host auto), its own field labels and where the records are added, by
language. A fact is set only where a source says so (see `sources`, and docs/panels.md, which cites
each); where it is not known the field stays None and the instructions say what to look for instead
of naming a field that may not exist. The sentences around these facts are the catalogues'
(exporter/text/LANG.py); a new panel is one entry here and nothing else.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): this module is loaded at
# every start-up, and typing compiles each string annotation of a NamedTuple field, about 50 k
# instructions a field (docs/benchmarks.md, start-up). Names defined later are quoted.

from typing import NamedTuple

from .filters import bind_txt, no_final_dot
from .model import Record
from .names import relative


class Panel(NamedTuple):  # a NamedTuple: a 27-field dataclass costs about a millisecond to define at start-up
    key: str
    title: str  # the name people know the service by
    # Where the records are added, by language: the page and the button, Markdown inline (**bold** for the
    # panel's own words), as GUIDE's "where" sentence shows it. A language without its own falls back
    # to English: a new catalogue needs nothing here.
    where: dict[str, str] = {}  # shared default: read only, like every Panel field
    # The panel's own field labels, by the language of its interface, where a source names them:
    # "host", "value", "priority", and per record type "value:CNAME" etc. The first language listed
    # is the interface a reader of any other language sees; a missing label falls back to our word.
    labels: dict[str, dict[str, str]] = {}
    # The host names of the panel's name servers (a regex over lowercase A-labels with the final dot),
    # for --dns-host auto (exporter/dns_host.py), and where they are documented.
    name_servers: str | None = None
    name_servers_source: str = ""
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
    full_name_ok: bool = False  # the host field also takes the full name and removes the zone itself
    fqdn_values: bool = False  # every CNAME/MX value is read as fully qualified: no zone is ever appended
    underscore_ok: bool = False  # names with '_' are accepted (a source says so)
    ttl_range: tuple[int, int] | None = None  # the TTLs the panel accepts, in seconds (None: not known)
    ttl_auto: int | None = None  # the TTL value that means the panel's "Auto"
    ttl_field: bool | None = True  # the rows have a TTL field (None: no source says whether they do)
    shows_unicode: bool = False  # shows an internationalized domain in Unicode (日本語.jp), not A-labels
    save_button: str | None = None  # the button that finally saves the rows (nothing is saved before)
    confirm_screen: bool = False  # rows are saved only after a confirmation screen (no button named)
    sources: tuple[str, ...] = ()

    def label(self, name: str, rtype: str | None = None, lang: str = "en") -> str | None:
        """The panel's own label for a field in the interface `lang` reads, or None when no source names it."""
        for labels in (self.labels.get(lang), next(iter(self.labels.values()), None)):
            found = labels and (labels.get(f"{name}:{rtype}") or labels.get(name))
            if found:
                return found
        return None

    def where_in(self, lang: str) -> str:
        """Where the records are added, in `lang` (English where the panel has no sentence in it)."""
        return self.where.get(lang) or self.where["en"]

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
    # Read once into locals, the Entry made by position: the guide of 10,000 identities asks 60,000.
    rtype, name = record.type, record.name
    host = relative(name, zone)
    if host == "@":
        host = panel.apex_host
    priority = record.priority
    if rtype == "TXT":
        value = bind_txt(record.value) if panel.txt_quoted else record.value
    elif rtype == "MX" and panel.mx_priority == "in-value":
        value, priority = f"{record.priority} {record.value}", None
    else:
        value = record.value
    editor_line = None
    if panel.zone_editor and rtype in ("CNAME", "TXT"):
        editor_line = f"{rtype.lower()} {host or '@'} {value}"
    bare_zone = no_final_dot(zone)
    relative_value = None
    if rtype in ("CNAME", "MX"):
        relative_value = f"{no_final_dot(record.value)}.{bare_zone}"
    return Entry(
        record,  # record
        host,  # host
        name,  # fqdn
        value,  # value
        priority,  # priority
        editor_line,  # editor_line
        f"{no_final_dot(name)}.{bare_zone}",  # doubled_name
        relative_value,  # relative_value
        rtype == "TXT" and panel.max_txt_chars is not None and len(record.value) > panel.max_txt_chars,  # too_long
    )


PANELS: dict[str, Panel] = {
    panel.key: panel
    for panel in (
        Panel(
            key="generic",
            title="DNS host",
            where={"en": "your DNS host's page for the domain's DNS records",
                   "ja": "DNS サービスの DNS レコード設定画面"},
        ),
        Panel(
            key="cloudflare",
            title="Cloudflare",
            # No page of Cloudflare's own gives the Japanese dashboard's page and button names: the
            # Japanese sentence keeps the English ones (docs/panels.md).
            where={"en": "Cloudflare dashboard, the domain, **DNS > Records**, **Add record** per step",
                   "ja": "Cloudflare のドメインの **DNS > Records** で手順ごとに **Add record**"},
            labels={"en": {"host": "Name", "value:CNAME": "Target", "value:MX": "Mail server", "value:TXT": "Content",
                           "priority": "Priority"},
                    "ja": {"host": "名前", "value:CNAME": "ターゲット"}},
            name_servers=r"[a-z0-9-]+\.ns\.cloudflare\.com\.",
            name_servers_source="developers.cloudflare.com/dns/nameservers/ (Cloudflare-branded NAME.ns.cloudflare.com)",
            host_appends_zone=True,
            full_name_ok=True,
            mx_priority="field",
            cname_proxy=True,
            drops_final_dot=True,
            underscore_ok=True,
            ttl_range=(60, 86400),
            ttl_auto=1,
            sources=(
                "https://developers.cloudflare.com/dns/manage-dns-records/how-to/create-dns-records/ (DNS Records "
                "page, Add record, Type)",
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
            where={"en": "Route 53 console, **Hosted zones**, the zone, **Create record** per step",
                   "ja": "Route 53 コンソールの **ホストゾーン**（Hosted zones）のゾーンで手順ごとに **Create record**"},
            labels={"en": {"host": "Record name", "value": "Value"}, "ja": {"host": "レコード名", "value": "値"}},
            name_servers=r"ns-[0-9]+\.awsdns-[0-9]+\.(com|net|org|co\.uk)\.",
            name_servers_source="docs.aws.amazon.com/securityhub/latest/userguide/asff-resourcedetails-awsroute53.html "
                                "(ns-470.awsdns-32.net ...)",
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
                "https://docs.aws.amazon.com/ja_jp/Route53/latest/DeveloperGuide/resource-record-sets-values-basic.html "
                "(レコード名, 値/トラフィックのルーティング先: the Japanese guide's field names)",
                "https://docs.aws.amazon.com/ja_jp/Route53/latest/DeveloperGuide/CreatingHostedZone.html (ホストゾーン)",
                "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-shared.html",
                "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html (MX and TXT formats)",
            ),
        ),
        Panel(
            key="onamae",
            title="お名前.com",
            where={"en": "お名前.com Navi, the domain's **DNSレコード設定**, one row per step",
                   "ja": "お名前.com Navi のドメインの **DNSレコード設定** に手順ごとに1行"},
            labels={"ja": {"host": "ホスト名", "value": "VALUE", "priority": "優先"}},
            name_servers=r"(dns[0-9]+\.onamae\.com|[0-9]+\.dnsv\.jp)\.",
            name_servers_source="お名前.com's default dns1/dns2.onamae.com and its DNS 01-04.dnsv.jp, as published "
                                "users' dig output shows",
            host_appends_zone=True,
            mx_priority="field",
            shows_unicode=True,
            # Issue 24 asked whether each row is confirmed with 追加, then 確認画面へ進む and 設定する: no page
            # of お名前.com's own was found that names them, so no button is named (docs/panels.md).
            confirm_screen=True,
            sources=(
                "issue 12: rows are saved only after a confirmation screen (no page found: the text names no button)",
                "https://www.beginnerweb.net/spf.html (TYPE / VALUE fields)",
                "https://73megane.hatenablog.com/entry/2020/09/02/081545 (ホスト名 / VALUE)",
            ),
        ),
        Panel(
            key="muumuu",
            title="ムームードメイン",
            where={"en": "ムームードメイン, **ムームーDNS**, the domain's **カスタム設定**, one row per step",
                   "ja": "**ムームーDNS** のドメインの **カスタム設定** に手順ごとに1行"},
            labels={"ja": {"host": "サブドメイン", "value": "内容", "priority": "優先度"}},
            name_servers=r"dns[0-9]+\.muumuu-domain\.com\.",
            name_servers_source="ムームーDNS dns01/dns02.muumuu-domain.com, as published users' dig output shows",
            host_appends_zone=True,
            mx_priority="field",
            blank_mx_priority=50,
            max_txt_chars=255,
            # The カスタム設定 notes name サブドメイン, 内容 and 優先度 and say nothing of a TTL: whether the rows
            # have a TTL field is not known, so the instructions do not tell the reader to type one.
            ttl_field=None,
            shows_unicode=True,
            save_button="セットアップ情報変更",
            sources=("Muumuu DNS カスタム設定 notes as quoted at https://w.atwiki.jp/ailoveme/pages/87.html "
                     "(blank MX priority becomes 50; 内容 at most 255 half-width characters; rows are saved "
                     "with the セットアップ情報変更 button; no TTL field named)",),
        ),
        Panel(
            key="xserver",
            title="エックスサーバー (Xserver)",
            where={"en": "Xserver server panel, **DNSレコード設定**, the domain, one record per step",
                   "ja": "サーバーパネルの **DNSレコード設定** でドメインを選び、手順ごとに追加"},
            labels={"ja": {"host": "ホスト名", "priority": "優先度"}},
            name_servers=r"ns[0-9]+\.xserver\.jp\.",
            name_servers_source="community.xserver.ne.jp/question/pid/3231 (ns1-ns5.xserver.jp)",
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
            where={"en": "さくらインターネット domain control panel, the domain's **ゾーン編集**, one entry per step",
                   "ja": "ドメインコントロールパネルのドメインの **ゾーン編集** で手順ごとに追加"},
            labels={"ja": {"host": "エントリ名"}},
            name_servers=r"ns[0-9]+\.dns\.ne\.jp\.",
            name_servers_source="help.sakura.ad.jp/domain/2304/ (ns1.dns.ne.jp / ns2.dns.ne.jp)",
            host_appends_zone=True,
            relative_values=True,
            max_txt_chars=255,
            shows_unicode=True,
            # How the zone editor saves (a button after the entries?) is in no page found: nothing is said.
            sources=(
                "https://help.sakura.ad.jp/domain/2712/ (zone editing; TXT at most 255 characters)",
                "https://notemite.com/web/sakura-internet-zone-config-screen/ (エントリ名, @, values written with a final dot)",
            ),
        ),
        Panel(
            key="valuedomain",
            title="Value Domain",
            where={"en": "Value Domain control panel, the domain's DNS settings: one editor box, a line per step",
                   "ja": "コントロールパネルのドメインの DNS 設定（1つの入力欄に手順ごとに1行）"},
            name_servers=r"ns[0-9]+\.value-domain\.com\.",
            name_servers_source="value-domain.com/userguide/?p=8880 (NS1-NS5.VALUE-DOMAIN.COM)",
            host_appends_zone=True,
            relative_values=True,
            zone_editor=True,
            shows_unicode=True,
            sources=("https://www.pgmemo.tokyo/data/archives/1639.html (line syntax `txt @ v=spf1 ...`)",),
        ),
        Panel(
            key="godaddy",
            title="GoDaddy",
            where={"en": "GoDaddy Domain Portfolio, the domain, **DNS**, **Add New Record** per step",
                   "ja": "ドメインポートフォリオのドメインの **DNS の編集** で手順ごとに **追加**"},
            labels={"en": {"host": "Name", "value": "Value", "priority": "Priority"}},
            name_servers=r"ns[0-9]+\.domaincontrol\.com\.",
            name_servers_source="GoDaddy's default name servers nsNN.domaincontrol.com",
            host_appends_zone=True,
            mx_priority="field",
            sources=("https://jp.godaddy.com/help/add-an-spf-record-19218 (名前: @ or a prefix such as mail; 値; TTL)",),
        ),
        Panel(
            key="namecheap",
            title="Namecheap",
            where={"en": "Namecheap **Domain List**, **Manage**, **Advanced DNS**, **Add New Record** per step; for MX, "
                         "the mail settings' custom MX option",
                   "ja": "**Domain List** のドメインの **Manage**、**Advanced DNS** で手順ごとに **Add New Record**"
                         "（MX はメール設定のカスタム MX）"},
            labels={"en": {"host": "Host", "value": "Value", "priority": "Priority"}},
            name_servers=r"dns[0-9]+\.registrar-servers\.com\.",
            name_servers_source="namecheap.com/support/knowledgebase/article.aspx/767 (BasicDNS "
                                "dns1/dns2.registrar-servers.com)",
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
