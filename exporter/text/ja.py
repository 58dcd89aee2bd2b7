"""日本語: 手順書（instructions）の文。

GUIDE のキーは exporter/guide.py が使うものと同じ（テストで過不足なしを確かめる）。各文は str.format の
テンプレートで、Markdown のインライン記法（**太字**、`コード`、\\_ で文字どおりの下線）で書く。
{name:code} は値をそのままコピーできるコードとして、{name} は地の文として表示する。値のエスケープは
出力時に行うので、ここには書かない。
"""

GUIDE = {
    # 文書全体
    "title": "Amazon SES 用 DNS レコード: {domains:code}",
    "separator.list": "、",
    "where": "**設定場所:** {where}",
    "where.any": "**設定場所:** {where}（ネームサーバーが向いている DNS サービスで）",
    "note": "注記: {note}",
    # 登録する場所（--dns-host ごと）
    "where.generic": "DNS サービスの DNS レコード設定画面",
    "where.cloudflare": "Cloudflare のドメインの **DNS > Records** で手順ごとに **Add record**",
    "where.route53": "Route 53 の **Hosted zones** のゾーンで手順ごとに **Create record**",
    "where.onamae": "お名前.com Navi のドメインの **DNSレコード設定** に手順ごとに1行",
    "where.muumuu": "**ムームーDNS** のドメインの **カスタム設定** に手順ごとに1行",
    "where.xserver": "サーバーパネルの **DNSレコード設定** でドメインを選び、手順ごとに追加",
    "where.sakura": "ドメインコントロールパネルのドメインの **ゾーン編集** で手順ごとに追加",
    "where.valuedomain": "コントロールパネルのドメインの DNS 設定（1つの入力欄に手順ごとに1行）",
    "where.godaddy": "ドメインポートフォリオのドメインの **DNS の編集** で手順ごとに **追加**",
    "where.namecheap": "**Domain List** のドメインの **Manage**、**Advanced DNS** で手順ごとに **Add New Record**"
                       "（MX はメール設定のカスタム MX）",
    # 始める前に: 注意点を1回ずつ（どれを出すかは guide.py の before が決める）
    "before.heading": "始める前に",
    "before.zone": "{zone:code}",
    "before.zone-unicode": "{unicode:code}（{zone:code}）",
    "before.host-added-by-panel": "**ホスト名:** {panel}が {zone} を付けるので、ホスト名だけを入力します"
                                  "（フルネームだと {doubled:code}）。",
    "before.host-maybe-added": "**ホスト名:** 多くの画面は {zone} を付けるので、ホスト名だけを入力します"
                               "（フルネームだと {doubled:code}）。フルネームを求める画面に限り「ホスト名{zone}」。",
    "before.host-full-name-ok": "**名前:** ホスト名を入力します（{panel}はフルネーム {fqdn:code} でも {zone} を"
                                "外して受け付けます）。",
    "before.apex-empty": "**空欄のホスト名:** {panel}の欄は空欄のまま（`@` は不可）。",
    "before.underscore": "**`_`** も名前の一部（省略不可。入力できなければ DNS サービスに相談）。",
    "before.value-keep-dot": "**末尾のドット:** 省略すると値が {relative:code} になることがあります。"
                             "入力できなければ外して、最後に確認。",
    "before.value-read-as-relative": "**末尾のドット:** 省略すると{panel}は値を {relative:code} のように"
                                     "扱います。",
    "before.value-dot-dropped": "**末尾のドット:** {panel}は外して保存しますが、問題ありません。",
    "before.proxy-dns-only": "**プロキシステータス:** CNAME は「DNS のみ」に（プロキシすると{panel}が SES から"
                             "隠します）。",
    "before.txt-no-quotes": "**TXT:** クォートなしで貼り付け（画面側で付きます）。",
    "before.txt-quoted": "**TXT:** {panel}では {size} 文字以内のクォート付き文字列にします。表示どおり貼り付けます。",
    "before.txt-editor-unquoted": "**TXT:** {panel}の記入例どおり、行の値はクォートなし。",
    "before.txt-quotes-stripped": "**TXT:** 表示どおり貼り付けます（{panel}は前後のクォートを削除します）。",
    "before.one-per-name": "**各名前に1つ:** {records}。",
    "single.mx": "MAIL FROM の MX",
    "single.spf": "SPF（既存の `v=spf1` とまとめる）",
    "single.dmarc": "DMARC",
    "before.ttl": "**TTL:** {ttl:code} 秒。",
    "before.ttl-auto": "**TTL:** 自動。",
    # 手順の見出しと入力する項目（{own}: 画面での項目名。こちらの呼び方と違うときだけ表示）
    "step": "{number}. {record}: {type:code}",
    "record.dkim-key": "DKIM {number}/{total}",
    "record.dkim-public-key": "DKIM 公開鍵（BYODKIM）",
    "record.mail-from-mx": "MAIL FROM の MX",
    "record.mail-from-spf": "MAIL FROM の SPF",
    "record.dmarc": "DMARC",
    "record.verification": "旧形式の SES 検証",
    "field.line": "行: {line:code}",
    "field.line-unknown": "行: {panel}の記入例の `@` 以外のホスト名の MX 行にならい、下のホスト名・値・優先度で"
                          "書きます。",
    "field.host": "ホスト名{own}: {host:code}",
    "field.host-empty": "ホスト名{own}: 空欄",
    "field.value": "値{own}: {value:code}",
    "field.priority": "優先度{own}: {priority:code}",
    "field.ttl": "TTL: {ttl:code}",
    "field.ttl-auto": "TTL: 自動",
    "field.proxy": "プロキシステータス: DNS のみ",
    "field.own-label": "（{label}）",
    "word.host": "ホスト名",
    "word.value": "値",
    "word.priority": "優先度",
    # このレコードだけの注意（どれを出すかは guide.py の advice が決める）
    "advice.priority-blank-default": "空欄だと{panel}は {priority:code} でなく {blank:code} にします。",
    "advice.priority-without-field": "優先度の欄がなければ値は {value:code}。",
    "advice.txt-too-long-for-panel": "{panel}の TXT は {limit} 文字までのため、この {length} 文字の鍵は登録"
                                     "できません。長い TXT を登録できる DNS サービスか、1024 ビットの鍵を使って"
                                     "ください。",
    "advice.txt-long": "{length} 文字: 自動分割なら可、切り詰めなら不可。",
    # 最後の手順のあと、管理画面で
    "finish.save-button": "最後に「{button}」を押します（押すまで{panel}は保存しません）。",
    "finish.save-once": "最後に入力欄を1回保存します。",
    "finish.confirm-screen": "確認画面が出たら確定します（確定まで未保存）。",
    # 確認
    "check.heading": "確認",
    "check.run": "ses-export で:",
    "check.by-hand": "ses-export なしでも、`dig` が `#` の後を表示すれば正常（`nslookup` も同じ）:",
    "check.by-hand-shortened": "ses-export なしでも、`dig` が `#` の後（長い鍵は `…` で略）を表示すれば正常（`nslookup` も同様）:",
    "check.wait": "SES で「検証済み」になるまで最大 72 時間かかることがあります。",
}


# --- NOTICES: SES の状態、想定したゾーン、DMARC について読み手が知るべきこと ---------------------------
# キーは exporter/advisories.py のもの（tests/test_advisories.py が両言語を照合）。stderr と手順の冒頭に出す。
NOTICES = {
    "notice.dkim-failed": "SES は DKIM レコードの確認をやめています（状態 {status:code}）。レコードを下記のとおり登録して"
                          "確認（このページの最後）してから、AWS の DKIM トラブルシューティングガイドに従って SES に"
                          "確認をやり直させてください: {guide}",
    "notice.dkim-temporary-failure": "SES は DKIM レコードを一時的に確認できず（状態 {status:code}）、自動で再試行します。"
                                     "状態が変わらない場合は、レコードを下記のとおり登録・確認してから、AWS の DKIM "
                                     "トラブルシューティングガイドに従ってください: {guide}",
    "notice.verification-failed": "SES はドメインを検証できませんでした（状態 {status:code}、{error:code}）。レコードを"
                                  "下記のとおり登録・確認してから、AWS の DKIM トラブルシューティングガイドに従って"
                                  "確認をやり直させてください: {guide}",
    "notice.signing-disabled": "この ID は DKIM 署名が無効です。レコードを登録しただけでは SES は署名しません。"
                               "{command:code} で有効にしてください。",
    "notice.mail-from-failed": "SES は MAIL FROM ドメイン {domain:code} の MX レコードの確認をやめています（状態 "
                               "{status:code}）。レコードを下記のとおり登録してから、SES コンソールでカスタム MAIL FROM "
                               "の設定を保存し直すか、{command:code} を実行して確認をやり直してください。",
    "notice.reject-on-mx-failure": "この ID は {setting:code} です。SES は {domain:code} の MX レコードを確認できるまで、"
                                   "この ID からの送信を拒否します。まずそのレコードを登録してください。",
    "notice.dmarc-at-organisation": "{domain:code} には DMARC レコードを書きません。{organisation:code} のポリシーが"
                                    "すでに適用され、ここに弱いレコードを置くとそれを上書きするためです。"
                                    "{organisation:code} に DMARC レコードがなければ {record:code} に登録してください"
                                    "（ここにも書く場合は --dmarc を指定）。",
    "notice.zone-assumed": "ホスト名はゾーン {zone:code} からの相対名です。{domain:code} が DNS 事業者で別のゾーンなら "
                           "--zone {domain:code} を付けて実行し直してください。",
}


# --- html 形式のボタンと目次の言葉（exporter/formats/html.py） ---------------------------------
# 手順の文はすべて上の GUIDE から。ここはボタンと目次の語だけ。"copy.FIELD" はボタンが何をコピー
# するかをスクリーンリーダーに伝える（{number} は手順の番号）。
HTML = {
    "copy": "コピー",
    "copied": "コピーしました",
    "copy-failed": "選択してコピーしてください",
    "contents": "目次",
    "copy.line": "手順 {number} の追加する行をコピー",
    "copy.host": "手順 {number} のホスト名をコピー",
    "copy.fqdn": "手順 {number} のフルネームをコピー",
    "copy.value": "手順 {number} の値をコピー",
    "copy.priority": "手順 {number} の優先度をコピー",
    "copy.ttl": "手順 {number} の TTL をコピー",
    "copy.command": "コマンド {number} をコピー",
    "copy.dig": "dig コマンド {number} をコピー",
    "copy.nslookup": "nslookup コマンド {number} をコピー",
    "expected": "正しい答え:",
}
