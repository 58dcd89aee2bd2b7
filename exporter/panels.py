"""What differs between DNS panels, as data: the instruction templates read these facts.

One Panel per `--dns-host`. A fact is set only where a source says so (see `sources`, and the
README's "Panel facts" table); where it is not known the field stays None and the templates say
what to look for instead of naming a field that may not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .filters import bind_txt, no_final_dot
from .model import Record
from .names import relative


@dataclass(frozen=True)
class Panel:
    key: str
    title: str  # the name people know the service by
    # Where the records are added, per language (Markdown written here, trusted); "" = generic text.
    where: dict[str, str] = field(default_factory=dict)
    # The panel's own field labels where a source names them: "host", "value", "priority", and
    # per record type "value:CNAME" etc. Missing labels fall back to the template's words.
    labels: dict[str, str] = field(default_factory=dict)
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
    sources: tuple[str, ...] = ()

    def label(self, name: str, rtype: str | None = None) -> str | None:
        """The panel's own label for a field, or None when no source names it."""
        return self.labels.get(f"{name}:{rtype}") or self.labels.get(name)


@dataclass(frozen=True)
class Entry:
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
            where={
                "en": "In the Cloudflare dashboard, open the domain, go to **DNS > Records** and choose **Add record** for each step.",
                "ja": "Cloudflare のダッシュボードでドメインを開き、**DNS > Records** で手順ごとに **Add record**（レコードを追加）を押します。",
            },
            labels={"host": "Name", "value:CNAME": "Target", "value:MX": "Mail server", "value:TXT": "Content",
                    "priority": "Priority"},
            host_appends_zone=True,
            mx_priority="field",
            cname_proxy=True,
            drops_final_dot=True,
            sources=(
                "https://developers.cloudflare.com/dns/manage-dns-records/reference/dns-record-types/",
                "https://developers.cloudflare.com/dns/proxy-status/",
                "terraform-provider-cloudflare issues 7286 and 154 (targets stored without the final dot)",
            ),
        ),
        Panel(
            key="route53",
            title="Amazon Route 53",
            where={
                "en": "In the Route 53 console, open **Hosted zones**, choose the zone and **Create record** for each step.",
                "ja": "Route 53 コンソールの **Hosted zones**（ホストゾーン）でゾーンを選び、手順ごとに **Create record**（レコードを作成）します。",
            },
            labels={"host": "Record name", "value": "Value"},
            host_appends_zone=True,
            apex_host="",
            mx_priority="in-value",
            txt_quoted=True,
            sources=(
                "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-shared.html",
                "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html (MX and TXT formats)",
            ),
        ),
        Panel(
            key="onamae",
            title="お名前.com",
            where={
                "en": "In お名前.com Navi, open the DNS settings of the domain (**DNSレコード設定**) and add one row per step.",
                "ja": "お名前.com Navi でドメインの DNS 設定（**DNSレコード設定**）を開き、手順ごとに1行追加します。",
            },
            labels={"host": "ホスト名", "value": "VALUE", "priority": "優先"},
            host_appends_zone=True,
            mx_priority="field",
            sources=(
                "https://www.beginnerweb.net/spf.html (TYPE / VALUE fields)",
                "https://73megane.hatenablog.com/entry/2020/09/02/081545 (ホスト名 / VALUE)",
            ),
        ),
        Panel(
            key="muumuu",
            title="ムームードメイン",
            where={
                "en": "In the ムームードメイン control panel, open **ムームーDNS** and the domain's **カスタム設定**, then add one row per step.",
                "ja": "ムームードメインのコントロールパネルで **ムームーDNS** を開き、ドメインの **カスタム設定** に手順ごとに1行追加します。",
            },
            labels={"host": "サブドメイン", "value": "内容", "priority": "優先度"},
            host_appends_zone=True,
            mx_priority="field",
            blank_mx_priority=50,
            max_txt_chars=255,
            sources=("Muumuu DNS カスタム設定 notes as quoted at https://w.atwiki.jp/ailoveme/pages/87.html "
                     "(blank MX priority becomes 50; 内容 at most 255 half-width characters)",),
        ),
        Panel(
            key="xserver",
            title="エックスサーバー (Xserver)",
            where={
                "en": "In the Xserver server panel, open **DNSレコード設定**, choose the domain and add one record per step.",
                "ja": "エックスサーバーのサーバーパネルで **DNSレコード設定** を開き、ドメインを選んで手順ごとにレコードを追加します。",
            },
            labels={"host": "ホスト名", "priority": "優先度"},
            host_appends_zone=True,
            mx_priority="field",
            strips_txt_quotes=True,
            sources=(
                "https://wpx.ne.jp/support/manual/man_domain_dns_setting.php (the same company's DNS panel: surrounding "
                "double quotes removed from TXT on saving; ホスト名 and 優先度)",
            ),
        ),
        Panel(
            key="sakura",
            title="さくらインターネット",
            where={
                "en": "In the さくらインターネット domain control panel, open the domain's zone editor (**ゾーン編集**) and add one entry per step.",
                "ja": "さくらインターネットのドメインコントロールパネルでドメインの **ゾーン編集** を開き、手順ごとにエントリを追加します。",
            },
            labels={"host": "エントリ名"},
            host_appends_zone=True,
            relative_values=True,
            max_txt_chars=255,
            sources=(
                "https://help.sakura.ad.jp/domain/2712/ (zone editing; TXT at most 255 characters)",
                "https://notemite.com/web/sakura-internet-zone-config-screen/ (エントリ名, @, values written with a final dot)",
            ),
        ),
        Panel(
            key="valuedomain",
            title="Value Domain",
            where={
                "en": "In the Value Domain control panel, open the domain's DNS settings: the records are lines of text in one "
                      "editor box. Add the line of each step on its own line and save once at the end.",
                "ja": "Value Domain のコントロールパネルでドメインの DNS 設定を開きます。レコードは1つの入力欄に1行ずつ書く形式です。"
                      "各手順の行をそれぞれ1行として書き足し、最後に保存します。",
            },
            host_appends_zone=True,
            relative_values=True,
            zone_editor=True,
            sources=("https://www.pgmemo.tokyo/data/archives/1639.html (line syntax `txt @ v=spf1 ...`)",),
        ),
        Panel(
            key="godaddy",
            title="GoDaddy",
            where={
                "en": "In your GoDaddy Domain Portfolio, choose the domain, open **DNS** and choose **Add New Record** for each step.",
                "ja": "GoDaddy のドメインポートフォリオでドメインを選び、**DNS の編集** を開いて手順ごとに **追加** を押します。",
            },
            labels={"host": "Name", "value": "Value", "priority": "Priority"},
            host_appends_zone=True,
            mx_priority="field",
            sources=("https://jp.godaddy.com/help/add-an-spf-record-19218 (名前: @ or a prefix such as mail; 値; TTL)",),
        ),
        Panel(
            key="namecheap",
            title="Namecheap",
            where={
                "en": "In Namecheap, open **Domain List**, choose **Manage** next to the domain, then **Advanced DNS** and "
                      "**Add New Record** for each step. If MX records cannot be added there, look for the page's mail "
                      "settings and choose its custom MX option.",
                "ja": "Namecheap の **Domain List** でドメインの **Manage** を押し、**Advanced DNS** で手順ごとに **Add New Record** "
                      "を押します。MX レコードを追加できないときは、同じ画面のメール設定（Mail Settings）でカスタム MX を選びます。",
            },
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
