"""The words of the --check report, one dict per language: fix sentences and table labels.

Fix sentences are keyed by Finding.fix (a cause code, or a narrower key such as
conflict-spf) and filled with: name, host, type, value, zone, found_at, servers. A value
comes last, after a colon, so it can be copied whole and no full stop runs into it.
"""

from __future__ import annotations

FIXES = {
    "en": {
        "missing": "Add the {type} record at {name} (host {host}) with this value: {value}",  # not "a MX"
        "value-has-zone-appended": "The value was entered without its final dot, so the panel appended the "
                                   "zone {zone}; enter it with the dot: {value}",
        "name-has-zone-appended": "The host field already adds {zone}, so the record landed at {found_at}; "
                                  "move it to {name} by entering only: {host}",
        "extra-quotes": "The panel adds quotes of its own, so remove the ones typed around the value and "
                        "enter only: {value}",
        "conflict-spf": "Two SPF records make SPF fail (permerror), so merge the v=spf1 records at {name} "
                        "into one: {value}",
        "conflict-dmarc": "Keep only one v=DMARC1 record at {name}: with two, receivers ignore DMARC altogether.",
        "conflict-mx": "The MAIL FROM domain must have exactly one MX, so delete the others at {name} and "
                       "keep: {value}",
        "conflict-cname": "Delete the other records at {name}: a name that has a CNAME may hold nothing else.",
        "underscore-dropped": "The panel stored it at {found_at} without the underscore: publish it at {name} "
                              "(host {host}), and if the panel refuses '_' ask your DNS host or move the zone "
                              "to one that accepts it.",
        "servers-disagree": "The zone's servers answer differently ({servers}): the change has not reached all "
                            "of them yet, so wait until they agree and check again.",
        "value-differs": "Replace the value at {name} with: {value}",
        "value-differs-dmarc": "If the published policy is deliberate, check with --dmarc set to it; otherwise "
                               "publish at {name}: {value}",
    },
    "ja": {
        "missing": "{name}（ホスト名 {host}）に {type} レコードを次の値で追加してください: {value}",
        "value-has-zone-appended": "末尾のドットがないため管理画面がゾーン名 {zone} を付け足しているので、"
                                   "ドットまで含めて入力し直してください: {value}",
        "name-has-zone-appended": "ホスト名の欄にはゾーン名 {zone} が自動で付くため、レコードが {found_at} "
                                  "に登録されています。{name} に移すには、ホスト名に次だけを入力してください: {host}",
        "extra-quotes": "引用符は管理画面が自動で付けるので、入力した引用符を外して次の値だけを入力してください: {value}",
        "conflict-spf": "SPF レコードが二つあると SPF の検証が失敗するので、{name} の v=spf1 レコードを"
                        "一つにまとめてください: {value}",
        "conflict-dmarc": "{name} の v=DMARC1 レコードを一つだけ残してください（二つあると受信側は DMARC を無視します）。",
        "conflict-mx": "MAIL FROM ドメインの MX は一つだけでなければならないので、{name} のほかの MX を削除して"
                       "これだけを残してください: {value}",
        "conflict-cname": "{name} の CNAME 以外のレコードを削除してください（CNAME のある名前には、ほかのレコードを"
                          "置けません）。",
        "underscore-dropped": "管理画面がアンダースコアを落として {found_at} に登録しています。{name}（ホスト名 "
                              "{host}）に登録し直し、「_」を受け付けない場合は DNS 事業者に問い合わせるか、"
                              "受け付ける事業者にゾーンを移してください。",
        "servers-disagree": "ゾーンのネームサーバーの応答が食い違っています（{servers}）。変更がまだすべてのサーバーに"
                            "届いていないので、応答が揃うまで待ってから、もう一度確認してください。",
        "value-differs": "{name} の値を次の値に置き換えてください: {value}",
        "value-differs-dmarc": "今のポリシーが意図どおりなら --dmarc にその値を指定して確認し、そうでなければ "
                               "{name} に次の値を登録してください: {value}",
    },
}

LABELS = {
    "en": {
        "status": "STATUS", "type": "TYPE", "name": "NAME", "expected": "EXPECTED", "found": "FOUND",
        "checked": "Checked {domain} (zone {zone}) at {servers}",
        "ses_live": "SES says (live, {region})",
        "ses_saved": "SES said (saved in {source}; may be out of date)",
        "ses_statuses": "DKIM {dkim}, MAIL FROM {mail_from}, verification {verification}",
        "ses_error": "error {error}",
        "not_asked": "not asked: {server}: {reason}",
        "summary": "{ok} ok, {missing} missing, {wrong} wrong",
        "none": "-",
    },
    "ja": {
        "status": "状態", "type": "種類", "name": "名前", "expected": "あるべき値", "found": "DNS の値",
        "checked": "{domain} を確認しました（ゾーン {zone}、問い合わせ先 {servers}）",
        "ses_live": "SES の状態（現在、{region}）",
        "ses_saved": "SES の状態（{source} に保存された時点のもの。古い可能性があります）",
        "ses_statuses": "DKIM {dkim}、MAIL FROM {mail_from}、検証 {verification}",
        "ses_error": "エラー {error}",
        "not_asked": "応答なし: {server}: {reason}",
        "summary": "ok {ok} 件、missing {missing} 件、wrong {wrong} 件",
        "none": "-",
    },
}
