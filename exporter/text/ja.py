"""日本語: 手順書（instructions）の文。

GUIDE のキーは exporter/guide.py が使うものと同じ（テストで過不足なしを確かめる）。各文は str.format の
テンプレートで、Markdown のインライン記法（**太字**、`コード`、\\_ で文字どおりの下線）で書く。
{name:code} は値をそのままコピーできるコードとして、{name} は地の文として表示する。値のエスケープは
出力時に行うので、ここには書かない。
"""

GUIDE = {
    # 文書全体
    "title": "Amazon SES 用 DNS レコード: {domains:code}",
    "title.count": "Amazon SES 用 DNS レコード（{count} 件の ID）",
    "contents": "目次",
    "separator.list": "、",
    "where": "**設定場所:** {where}",
    "where.any": "**設定場所:** {where}（ネームサーバーが向いている DNS サービスで）",
    "note": "注記: {note}",
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
    "before.ttl": "**TTL:** {ttl:code} 秒。",
    "before.ttl-if-asked": "**TTL:** {panel}に入力欄があれば {ttl:code} 秒。",
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
    "advice.dmarc-existing": "この名前に `v=DMARC1` のレコードが既にあれば、それを残し、このレコードは追加しません。",
    "advice.spf-existing": "この名前に `v=spf1` のレコードが既にあれば、2つ目は作らず、その `all` の前に "
                           "`include:amazonses.com` を加えます。",
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
    "check.by-hand-page": "ses-export なしでも、`dig` が各行の下の正しい答えを表示すれば正常（`nslookup` も同様）:",
    "check.by-hand-page-shortened": "ses-export なしでも、`dig` が各行の下の正しい答え（長い鍵は `…` で略）を表示すれば正常"
                                    "（`nslookup` も同様）:",
    "check.run-sender": "この手順の送り主は ses-export で確認します（コマンドには送り主のコンピューター上のファイルが"
                        "含まれることがあります）:",
    "check.wait": "SES で「検証済み」になるまで最大 72 時間かかることがあります。",
}


# --- --check の報告 --------------------------------------------------------------------------
# CHECK のキーは exporter/dnscheck/report.py が使うもの: "fix.KEY"（直し方）、"note.KEY"（ok の補足）、
# "cause.CODE"（表に出す原因名。JSON には英語の原因コードを残す）、"status.S"、"ses.VALUE"（SES の状態）、
# "label.KEY"。端末の表か JSON に出すので Markdown ではなく平文。コピーする値は最後に「: 」の後に置く。
CHECK = {
    "fix.missing": "{name}（ホスト名 {host}）に {type} レコードを次の値で追加してください: {value}",
    "fix.value-has-zone-appended": "末尾のドットがないため管理画面がゾーン名 {zone} を付け足しているので、"
                                   "ドットまで含めて入力し直してください: {value}",
    "fix.name-has-zone-appended": "ホスト名の欄にはゾーン名 {zone} が自動で付くため、レコードが {found_at} "
                                  "に登録されています。{name} に移すには、ホスト名に次だけを入力してください: {host}",
    "fix.extra-quotes": "引用符は管理画面が自動で付けるので、入力した引用符を外して次の値だけを入力してください: {value}",
    "fix.extra-quotes-spf": "引用符は管理画面が自動で付けるため、受信側にはここに SPF レコードがないように見えます。"
                            "入力した引用符を外して次の値だけを入力してください: {suggested}",
    "fix.conflict-spf": "{name} に v=spf1 のレコードが二つあると、どの送信元でも SPF の検証が失敗します"
                        "（permerror）。それぞれが許可していた送信元を残して一つにまとめてください。例: {suggested}",
    "fix.conflict-dmarc": "{name} の v=DMARC1 レコードを一つだけ残してください。二つあると受信側は DMARC を"
                          "まったく適用しません（今ある中でいちばん強いポリシーは p={policy} です）。",
    "fix.conflict-dmarc-org": "{name} には DMARC レコードがなく、{org} には二つあるため、受信側はこのドメインに "
                              "DMARC を適用しません。{org} の v=DMARC1 レコードを一つだけ残してください。",
    "fix.conflict-mx": "MAIL FROM ドメインの MX は一つだけでなければならないので、{name} のほかの MX を削除して"
                       "これだけを残してください: {value}",
    "fix.conflict-cname": "{name} の CNAME 以外のレコードを削除してください（CNAME のある名前には、ほかのレコードを"
                          "置けません）。",
    "fix.underscore-dropped": "管理画面がアンダースコアを落として {found_at} に登録しています。{name}（ホスト名 "
                              "{host}）に登録し直し、「_」を受け付けない場合は DNS 事業者に問い合わせるか、"
                              "受け付ける事業者にゾーンを移してください。",
    "fix.servers-disagree": "ゾーンのネームサーバーの応答が食い違っています（{servers}）。変更がまだすべてのサーバーに"
                            "届いていないので、応答が揃うまで待ってから、もう一度確認してください。",
    "fix.value-differs": "{name} の値を次の値に置き換えてください: {value}",
    "fix.value-differs-dmarc": "{name} で有効なポリシーは p={policy} で、求めているものより弱くなっています。"
                               "意図どおりなら --dmarc にその値を指定して確認し、そうでなければ次の値を登録してください: "
                               "{value}",
    "fix.wrong-type-cname-here": "{type} レコードを置くべき {name} に CNAME があり、CNAME のある名前にはほかの"
                                 "レコードを置けません。CNAME を削除してから、{name}（ホスト名 {host}）に {type} "
                                 "レコードを次の値で追加してください: {value}",
    "fix.wrong-type-blocks-cname": "CNAME を置くべき {name} に {found_type} レコードがあり、CNAME はほかのレコードと"
                                   "同じ名前に置けません。{found_type} レコードを削除してから、{name}（ホスト名 "
                                   "{host}）に CNAME を次の値で追加してください: {value}",
    "fix.delete-ses-mx": "{name} の MX を削除してください。{domain} 宛てのメールがすべて SES のフィードバック用"
                         "サーバーに送られ、届かなくなります。SES の MX は MAIL FROM ドメイン {mail_from} にだけ"
                         "置きます。",
    "fix.delete-ses-mx-no-mail-from": "{name} の MX を削除してください。{domain} 宛てのメールがすべて SES の"
                                      "フィードバック用サーバーに送られ、届かなくなります（SES の MX は独自の MAIL FROM "
                                      "サブドメインにだけ置きます）。",
    "fix.dmarc-cname": "{name} は {target} への CNAME ですが、{target} についてどのサーバーからも応答がありませんでした。"
                       "DMARC のサービスが意図してそこでレコードを管理しているなら、レコードが公開されていることをその"
                       "サービスで確かめてください。そうでなければ CNAME を削除し、{name}（ホスト名 {host}）に TXT "
                       "レコードを次の値で追加してください: {value}",
    "fix.dmarc-cname-empty": "{name} は {target} への CNAME ですが、{target} には DMARC レコードがないため、受信側は"
                             "ここで DMARC レコードを見つけられません。DMARC のサービスがそこでレコードを管理しているなら、"
                             "公開するよう依頼してください。そうでなければ CNAME を削除し、{name}（ホスト名 {host}）に "
                             "TXT レコードを次の値で追加してください: {value}",
    "fix.misplaced": "_domainkey の抜けた {found_at} に登録されていて、そこでは誰にも読まれません。そこから削除し、"
                     "{name}（ホスト名 {host}）に次の値で登録してください: {value}",
    "fix.misplaced-mail-from-mx": "SES の MX が MAIL FROM ドメインではなく {found_at} に登録されています。{name}"
                                  "（ホスト名 {host}）に次の値で追加してください: {value}",
    "fix.misplaced-mail-from-spf": "{found_at} の SPF レコードはその名前にしか効かず、MAIL FROM ドメインには"
                                   "効きません。{name}（ホスト名 {host}）に TXT レコードを次の値で追加してください: "
                                   "{value}",
    "fix.spf-lacks-include": "{name} の SPF レコードが SES を許可していません。ほかの部分はそのままに "
                             "include:amazonses.com を加えてください: {suggested}",
    "fix.spf-include-after-all": "include:amazonses.com が all の後ろにあり、受信側に読まれません。all の前に"
                                 "移してください: {suggested}",
    "fix.spf-redirect-ignored": "{name} のレコードには all があるため、{term} は受信側に使われません"
                                "（RFC 7208 6.1）。意味のない記述なので削除してください: {suggested}",
    "fix.spf-pass-all": "{name} の SPF レコードは {via} で終わっており、インターネット上のどの送信元でもこの名前の "
                        "SPF（緩い alignment なら DMARC も）に合格してしまいます。最後を ~all に変えてください: "
                        "{suggested}",
    "fix.spf-pass-all-through": "{name} の SPF レコードは {via} を通じて、インターネット上のどの送信元でもこの名前の "
                                "SPF（緩い alignment なら DMARC も）に合格させてしまいます。{term} を削除するか、"
                                "その先のレコードの最後を ~all か -all にしてもらってください。",
    "fix.spf-void-lookups": "{name} の SPF レコードは SES に届く前に、何も見つからない DNS の問い合わせを {count} 回"
                            "行います（{terms}）。受信側が認めるのは 2 回までなので（RFC 7208 4.6.4）、SPF は恒久的な"
                            "エラー（permerror）になります。それらの記述を削除するか、問い合わせ先の名前を登録して"
                            "ください。",
    "fix.spf-unconfirmed-before-macro": "{name} の SPF レコードは include:amazonses.com より前に {term} を評価しますが、"
                                        "これはこのチェックが展開しないマクロです。その先に SPF レコードがなければ、"
                                        "受信側はそこで恒久的なエラー（permerror）にします。include:amazonses.com を"
                                        "先頭に置いてください: {suggested}",
    "fix.spf-too-many-lookups": "{name} の SPF レコードには DNS の問い合わせが少なくとも {count} 回必要で、上限の "
                                "10 回を超えるため、どの送信元でも SPF の検証が失敗します（permerror）。include:、"
                                "a、mx、ptr、exists を減らすか、展開してまとめてください。",
    "fix.spf-syntax": "{name} の SPF レコードを受信側が読めません（{term} で permerror）。その部分を直してください。",
    "fix.spf-include-no-record": "{name} の SPF レコードの {term} が指す {target} には SPF レコードがありません。"
                                 "受信側は恒久的なエラー（permerror）として扱い、SES からのメールは SPF に失敗します。"
                                 "{term} を直すか削除し、レコードには include:amazonses.com を残してください。",
    "fix.spf-include-several": "{name} の SPF レコードの {term} が指す {target} には SPF レコードが {count} 件あります。"
                               "受信側は恒久的なエラー（permerror）として扱い、SES からのメールは SPF に失敗します。"
                               "{target} の SPF レコードを一つにしてください。",
    "fix.spf-include-syntax": "{name} の SPF レコードの {term} の先に、受信側が読めないレコードがあります"
                              "（{bad} で permerror）。SES からのメールは SPF に失敗します。そのレコードを直すか、"
                              "{term} を削除してください。",
    "fix.spf-unconfirmed-unread": "{name} の SPF レコードが SES を許可しているかは {term} 次第ですが、{target} に"
                                  "ついてどのサーバーからも応答がありませんでした。確実にするには "
                                  "include:amazonses.com を加えてください: {suggested}",
    "fix.spf-unconfirmed-macro": "{name} の SPF レコードが SES を許可しているかは {term} 次第ですが、これはこの"
                                 "チェックが展開しないマクロです。確実にするには include:amazonses.com を加えて"
                                 "ください: {suggested}",
    "fix.dmarc-v-not-first": "{name} の DMARC レコードは v=DMARC1 で始まっていないため、受信側に無視されます。"
                             "次の形で登録してください: {value}",
    "fix.dmarc-p-missing": "{name} の DMARC レコードに p= がないため、受信側は DMARC を適用しません（rua= がある"
                           "場合は p=none として扱います）。p=none、p=quarantine、p=reject のいずれかを加えて"
                           "ください。例: {value}",
    "fix.dmarc-p-invalid": "{name} の DMARC レコードの p= が none、quarantine、reject のどれでもないため、受信側は"
                           " DMARC を適用しません（rua= がある場合は p=none として扱います）。直してください。例: "
                           "{value}",
    "fix.dmarc-sp-invalid": "{name} の DMARC レコードの sp= が none、quarantine、reject のどれでもないため、受信側は"
                            " DMARC を適用しません（rua= がある場合は p=none として扱います）。sp= を直すか"
                            "削除してください。",
    "fix.dmarc-org-invalid": "{name} には DMARC レコードがなく、代わりに適用される {org} のレコードが無効です"
                             "（p= がないか、不明な値）。{org} のレコードを直してください。",
    "fix.dmarc-weaker-than-organisation": "{name} の DMARC レコード（p={policy}）は、{org} がこのドメインに適用する"
                                          "ポリシー（{tag}={org_policy}）をこのドメインについて置き換えるため、保護を"
                                          "弱めています。削除して組織のポリシーが適用されるようにするか、組織に"
                                          "合わせてください: {suggested}",
    "fix.dmarc-org-unknown": "{name} には DMARC レコードがなく、{org} が {domain} にどのポリシーを適用しているかは"
                             "分かりませんでした（{target} についてどのサーバーからも応答がありません）。{name} の"
                             "レコードは {domain} について組織のポリシーを置き換えるので、それ以上に厳しい場合に"
                             "だけ登録してください: {value}",
    "fix.dmarc-org-cname-empty": "{name} には DMARC レコードがなく、{org} が {domain} にどのポリシーを適用しているかは"
                                 "分かりませんでした（{org} は {target} への CNAME ですが、そこに DMARC レコードが"
                                 "ありません。DMARC のサービスが公開すべきものです）。{name} のレコードは {domain} "
                                 "について組織のポリシーを置き換えるので、それ以上に厳しい場合にだけ登録してください: "
                                 "{value}",
    "fix.wildcard": "{name} 自体には何も登録されていません。応答される {found_type} はワイルドカード（*.{parent}）"
                    "によるもので、この名前に専用のレコードを置けばワイルドカードより優先されます。{name}（ホスト名 "
                    "{host}）に {type} レコードを次の値で追加してください: {value}",
    "fix.servers-out-of-sync": "ゾーンのネームサーバーの応答が、同じ SOA シリアル（{serial}）のまま食い違っています"
                               "（{servers}）。待っても揃いません。どれかのサーバーが古いか手で編集されたゾーンを"
                               "返しています。誤っているサーバーのゾーンを直し、シリアルを上げてすべてのサーバーに"
                               "読み込ませてください。",
    "fix.subdomain-dropped": "サブドメインのラベルが抜けた {found_at}（{parent} 用の名前）に登録されていて、"
                             "{domain} には効きません。{name}（ホスト名 {host}）に次の値で登録してください: {value}",
    "fix.mail-from-shared": "{name} は {regions} の ID の MAIL FROM ドメインですが、一つの名前には SES の MX を"
                            "一つ（一つのリージョンの分）しか置けないため、少なくともどれかが失敗します。リージョン"
                            "ごとに別の MAIL FROM サブドメイン（例: mail-{region}.{domain}）を使い、それぞれにその"
                            "リージョンの MX を置いてください。",
    "fix.dmarc-inherited-weaker": "{name} には DMARC レコードがないため {org} の {tag}={policy}（pct={pct}）が適用されますが、"
                                  "求めているものより弱いポリシーです。{name}（ホスト名 {host}）に TXT レコードを"
                                  "次の値で追加してください: {value}",
    "fix.dmarc-missing": "{domain} にはどの DMARC ポリシーも適用されていません。最初は配送に影響しない p=none から"
                         "始めるのが一般的です。rua=mailto:アドレス を加えると毎日の集計レポートが届くので、自分の"
                         "送信元だけになったことを確かめてから p=quarantine や p=reject に進めてください。{dmarc_at}"
                         "（ホスト名 {dmarc_host}）に TXT レコードを次の値で追加してください: {value}",
    "note.spf-merged": "条件を満たしています: この一つの SPF レコードが SES（include:amazonses.com）を許可しています"
                       "（ほかの許可はそのままで構いません）",
    "note.spf-through": "条件を満たしています: SPF レコードは {via} を通じて SES を許可しています（その先で "
                        "amazonses.com を含めています）",
    "note.dmarc-in-force": "条件を満たしています: 登録済みのポリシー p={policy} が有効です",
    "note.dmarc-inherited": "条件を満たしています: {org} のポリシーが適用されます: {tag}={policy}、pct={pct}",
    "note.dmarc-org-unknown": "{domain} にどの DMARC ポリシーが適用されるかは分かりませんでした。DMARC は {org} に"
                              "任せていますが、{target} についてどのサーバーからも応答がありません",
    "note.dmarc-org-cname-empty": "{domain} にどの DMARC ポリシーが適用されるかは分かりませんでした。DMARC は {org} に"
                                  "任せていますが、{org} は {target} への CNAME で、そこに DMARC レコードがありません"
                                  "（DMARC のサービスが公開すべきものです）",
    "note.dmarc-none-applies": "{domain} にはどの DMARC ポリシーも適用されていません（SES には不要で、DMARC は組織ドメインに"
                               "任せています）。設定するなら p=none から始め、毎日の集計レポートを受け取る "
                               "rua=mailto:アドレス を加えて、{dmarc_at}（ホスト名 {dmarc_host}）に登録してください: {value}",
    "only_on": "{servers} だけの問題: ",
    "cause.value-has-zone-appended": "値にゾーン名が付加",
    "cause.name-has-zone-appended": "名前にゾーン名が重複",
    "cause.extra-quotes": "余分な引用符",
    "cause.conflict": "重複・競合",
    "cause.underscore-dropped": "アンダースコアの欠落",
    "cause.servers-disagree": "サーバー間で不一致",
    "cause.value-differs": "値の違い",
    "cause.wrong-type": "種類の誤り",
    "cause.misplaced": "登録場所の誤り",
    "cause.spf-lacks-include": "SPF に SES の許可がない",
    "cause.spf-include-after-all": "SPF の include が all の後ろ",
    "cause.spf-redirect-ignored": "SPF の redirect が無効",
    "cause.spf-too-many-lookups": "SPF の DNS 問い合わせが多すぎる",
    "cause.spf-syntax": "SPF の書式の誤り",
    "cause.spf-include-permerror": "SPF の include 先の誤り",
    "cause.spf-unconfirmed": "SPF の許可を確認できない",
    "cause.dmarc-invalid": "DMARC の書式の誤り",
    "cause.dmarc-inherited-weaker": "継承した DMARC ポリシーが弱い",
    "cause.spf-pass-all": "SPF が全送信元を許可",
    "cause.spf-void-lookups": "SPF の空振り問い合わせが多すぎる",
    "cause.dmarc-weaker-than-organisation": "組織より弱い DMARC ポリシー",
    "cause.dmarc-org-unknown": "組織の DMARC ポリシーが不明",
    "cause.wildcard": "ワイルドカードの応答",
    "cause.servers-out-of-sync": "同じシリアルでサーバー間が不一致",
    "cause.subdomain-dropped": "サブドメインの欠落",
    "cause.mail-from-shared": "MAIL FROM の複数リージョン共有",
    "status.ok": "正常",
    "status.missing": "未登録",
    "status.wrong": "誤り",
    "ses.PENDING": "確認待ち",
    "ses.SUCCESS": "成功",
    "ses.FAILED": "失敗",
    "ses.TEMPORARY_FAILURE": "一時的な失敗",
    "ses.NOT_STARTED": "未開始",
    "ses.PLANNED": "予定",
    "ses.HOST_NOT_FOUND": "レコードが見つからない",
    "ses.TYPE_NOT_FOUND": "種類の違うレコードしかない",
    "ses.INVALID_VALUE": "値が正しくない",
    "ses.DNS_SERVER_ERROR": "DNS サーバーのエラー",
    "ses.SERVICE_ERROR": "SES 側のエラー",
    "why.timeout": "{name} の問い合わせに {seconds} 秒以内の応答がありません",
    "why.down": "{name} の問い合わせに {seconds} 秒以内の応答がありません（この確認の途中から応答が止まっています）",
    "why.refused": "{name} の問い合わせを拒否されました（REFUSED）。このゾーンの権威サーバーではありません",
    "why.rcode": "{name} の問い合わせにエラー {rcode} が返りました",
    "why.lame": "{name} について権威のある応答がありません（委任先の誤り、いわゆる lame delegation）",
    "why.failed": "{name} の問い合わせに失敗しました {detail}",
    "label.status": "状態",
    "label.type": "種類",
    "label.name": "名前",
    "label.expected": "あるべき値",
    "label.found": "DNS の値",
    "label.nothing_belongs": "（なし）",
    "label.checked": "{domain}（SES リージョン {region}）を確認しました（ゾーン {zone}、問い合わせ先 {servers}）",
    "label.ses_live": "SES の状態（現在、{region}）",
    "label.ses_saved": "SES の状態（{source} に保存された時点のもの。古い可能性があります）",
    "label.ses_statuses": "DKIM {dkim}、MAIL FROM {mail_from}、検証 {verification}",
    "label.ses_error": "、エラー {error}",
    "label.not_asked": "応答なし: {server}: {reason}: 応答しないネームサーバーは、そこに問い合わせる全員にとって障害です",
    "server.dead": "使わなくなったサーバーなら、レジストラとゾーンの両方で {zone} の NS レコードから外してください。"
                   "そうでなければ復旧させてください",
    "server.lame": "{zone} の NS レコードに載っていますが、このゾーンを返していません。このサーバーにゾーンを読み込ませるか、"
                   "レジストラとゾーンの両方で NS レコードから外してください",
    "server.given-dead": "--nameserver に指定したアドレスとポート、そこで DNS サーバーが動いていることを確かめてください",
    "server.given-lame": "--nameserver に {zone} の権威サーバー（またはリゾルバー）を指定しているか確かめてください",
    "label.summary": "正常 {ok} 件、未登録 {missing} 件、誤り {wrong} 件",
    "label.summary_many": "{count} 件のドメイン: 問題なし {right} 件、問題あり {problems} 件",
    "label.summary_one": "{count} 件のドメイン: 問題なし {right} 件、問題あり {problems} 件",
    "label.server_state": "{server}: {state}",
    "label.separator": "、",
    "label.zone_note": "DNS によると {domain} を含むゾーンは {assumed} ではなく {zone} です。ホスト名と直し方は "
                       "{zone} ゾーンに合わせています",
    "label.none": "-",
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
    "notice.mail-from-temporary-failure": "SES は MAIL FROM ドメイン {domain:code} の MX レコードを一時的に確認できず"
                                          "（状態 {status:code}）、自動で再試行します。レコードを下記のとおり登録すれば"
                                          "よく、やり直しの操作は要りません。",
    "notice.reject-on-mx-failure": "この ID は {setting:code} です。SES は {domain:code} の MX レコードを確認できるまで、"
                                   "この ID からの送信を拒否します。まずそのレコードを登録してください。",
    "notice.dmarc-at-organisation": "{domain:code} には DMARC レコードを書きません。{organisation:code} のポリシーが"
                                    "すでに適用され、ここに弱いレコードを置くとそれを上書きするためです。"
                                    "{organisation:code} に DMARC レコードがなければ {record:code} に登録してください"
                                    "（ここにも書く場合は --dmarc を指定）。",
    "notice.zone-assumed": "ホスト名はゾーン {zone:code} からの相対名です。{domain:code} が DNS 事業者で別のゾーンなら "
                           "--zone {domain:code} を付けて実行し直してください。",
    # モデルの注記（exporter/model.py）: 上の注意のあとに出す。
    "notice.dkim-replicated": "DKIM は {region:code} の親 ID から複製されています。これは親 ID の DKIM レコードで、"
                              "親 ID 用に登録済みならそのままで正しい状態です",
    "notice.no-dkim-tokens": "SES から DKIM トークンが返りませんでした。この ID は DKIM が設定されていないため、"
                             "DKIM レコードはありません",
    "notice.mail-from-planned": "MAIL FROM ドメイン {domain:code} は予定（--mail-from）で、SES ではまだ設定されていません",
    # --merge-live（exporter/merge.py）: 公開中のゾーンにあったものと、その扱い。
    "notice.live-zone": "ホスト名はゾーン {zone:code} からの相対名です。DNS では {domain:code} がこのゾーンに"
                        "委任されているため、レコードはこのゾーンを管理する DNS 事業者に登録します。",
    "notice.live-read": "ゾーン {zone:code} で現在公開されている内容と統合しました（{servers} に問い合わせ、"
                        "--merge-live）。",
    "notice.live-dmarc-kept": "{name:code} に公開済みの DMARC レコード（{value:code}）をそのまま残します。"
                              "ここでは DMARC レコードを書きません。",
    "notice.live-dmarc-invalid": "{name:code} に公開済みの DMARC レコード（{value:code}）は受信側に適用されません"
                                 "（{command:code} の報告では {cause:code}）。そのまま残し、DMARC レコードは書きません。"
                                 "修正するか、--dmarc を指定して置き換えてください。",
    "notice.live-dmarc-weaker": "{name:code} に公開済みの DMARC レコード（{value:code}）は、{organisation:code} が"
                                "サブドメインに適用するポリシー（{setting:code}）より弱く、ここではそのポリシーを"
                                "無効にしています。削除するか、ポリシーを {raised:code} に上げてください。",
    "notice.live-dmarc-replaced": "{name:code} に公開済みの DMARC レコード（{value:code}）を --dmarc のレコードで"
                                  "置き換えます。レコードを 1 件ずつ追加する方法では、新しいレコードを追加するときに"
                                  "古いほうを削除してください。DMARC レコードが 2 件あるとポリシーがないのと同じです。",
    "notice.live-spf-kept": "{name:code} に公開済みの SPF レコード（{value:code}）をそのまま残します。すでに Amazon SES "
                            "からのメールを通すため、SPF レコードは書きません。",
    "notice.live-spf-merged": "{name:code} に公開済みの SPF レコード（{found:code}）を 1 件に統合しました: "
                              "{value:code}。公開済みのレコードと置き換えてください。横に追加してはいけません。",
    "notice.live-carried": "{name:code} のほかの TXT レコード（{values:code}）は残ります。レコードセット全体を"
                           "書く形式には、それらも含めて書き出します。",
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
    "copy.dig": "dig コマンド {number} をコピー",
    "copy.nslookup": "nslookup コマンド {number} をコピー",
    "expected": "正しい答え:",
}


# --- MESSAGES: stderr に出す文（exporter/job.py とそこから呼ぶモジュール） ----------------------------
# 各行は "ses-export: " のあとにこれらのどれか。プレーンテキスト。"count.NOUN" は数（日本語は単数・
# 複数を区別しないので ".one" も同じ文）。"error.KEY" は拒否の理由で、前に対象のオプション名
# （"--wait: ..."）がそのまま付く。
MESSAGES = {
    # Refusals: the model, names, regions, DMARC values, keys, the library's arguments
    "error.at": "{what}: {problem}",
    "error.name-empty": "ドメイン名が空です",
    "error.name-control": "{raw} に制御文字 {character} が含まれています",
    "error.name-email": "{raw} はメールアドレスで、ドメインではありません",
    "error.name-root": "ルート（.）はドメインではありません",
    "error.name-empty-label": "{raw} に空のラベルがあります",
    "error.name-label-long": "{raw} に 63 オクテットより長いラベルがあります",
    "error.name-long": "{raw} は 253 オクテットを超えています",
    "error.name-no-idna": "idna パッケージがありません。dnspython[idna] をインストールしてください",
    "error.name-invalid": "{raw} は正しいドメイン名ではありません（{reason}）",
    "error.name-single-label": "{raw} はラベルが 1 つだけです。完全なドメイン名（example.com など）を指定してください",
    "error.name-bad-label": "{raw} のラベル {label} はホスト名のラベルとして使えません",
    "error.name-bad-a-label": "{raw} のラベル {label} は正しい IDNA の A ラベルではありません（{problem}）",
    "error.name-not-token": "{value} は DNS のラベル（英数字・'-'・'_' の 1〜63 文字で、'-' で始まらないもの）ではありません",
    "error.region-invalid": "{value} は AWS のリージョン名（us-east-1 や ap-northeast-1 など）ではありません",
    "error.dmarc-not-pair": "{value} は タグ=値 の組ではありません（RFC 7489 6.3）",
    "error.dmarc-no-version": "{value} は 'v=DMARC1' で始めてください（例: 'v=DMARC1; p=none;'）",
    "error.dmarc-version-again": "'v=DMARC1' は先頭に 1 回だけ書けます",
    "error.dmarc-unknown-tag": "{tag} は DMARC のタグではありません（RFC 7489 6.3 のタグは {known}）",
    "error.dmarc-tag-twice": "タグ {tag} が 2 回指定されています",
    "error.dmarc-bad-value": "{tag}={value} は {tag} の値として正しくありません（RFC 7489 6.3）",
    "error.dmarc-no-policy": "{value} に p= のポリシー（none、quarantine、reject のどれか）がありません。ポリシーのない"
    "レコードは受信側に無視されます（RFC 7489 6.6.3）",
    "error.dmarc-not-address": "{tag}{value} はレポートの送信先（mailto:アドレス、RFC 7489 6.2）ではありません",
    "error.key-not-key": "PEM の公開鍵でも DER の公開鍵でもありません",
    "error.key-algorithm": "{algorithm} の鍵です。SES の BYODKIM で使えるのは {low}〜{high} ビットの RSA 鍵だけです",
    "error.key-not-der": "DER 形式の公開鍵（SubjectPublicKeyInfo）ではありません",
    "error.key-size": "{bits} ビットの RSA 鍵です。SES の BYODKIM で使えるのは {low}〜{high} ビットです",
    "error.key-private": "これは秘密鍵です。公開鍵を渡してください（openssl rsa -in KEY -pubout）",
    "error.key-pkcs1": "PKCS#1 の 'RSA PUBLIC KEY' です。DKIM には SubjectPublicKeyInfo 形式が必要です"
    "（openssl rsa -in KEY -pubout）",
    "error.key-pem-kind": "PEM の 'PUBLIC KEY' のはずが、{kind} です",
    "error.key-base64": "正しい base64 ではありません",
    "error.key-unreadable": "{path}: 読み込めません（{reason}）",
    "error.key-file-large": "{path}: {size} バイトより大きく、公開鍵ではありません",
    "error.key-folder-two": "{folder} に {domain} の鍵が 2 つあります",
    "error.key-folder-empty": "{folder}: フォルダーに DOMAIN.pem のファイルがありません",
    "error.what-key": "鍵",
    "error.what-key-of": "{domain} の鍵",
    "error.what-config-region": "AWS の設定のリージョン",
    "error.what-file-name": "{file}: ファイル名",
    "error.txt-empty": "空の文字列です",
    "error.txt-not-ascii": "文字 {character} は表示可能な ASCII 文字ではありません。ここで書き出す DNS の TXT レコードには "
    "ASCII 文字しか使えません",
    "error.txt-long": "{length} 文字あり、上限の {high} 文字を超えています",
    "error.model-keys-not-dict": "ドメインから base64 の鍵への dict ではありません",
    "error.model-ttl": "{value} は TTL（1 から {high} までの整数の秒数）ではありません",
    "error.model-rua-no-dmarc": "DMARC レコードにレポートの送信先を加えるオプションです。--no-dmarc と一緒には使えません",
    "error.model-rua-with-dmarc": "既定の DMARC レコードにレポートの送信先を加えるオプションです。--dmarc を使うときは、"
    "その中に rua= を書いてください",
    "error.model-not-token": "{value} は SES の検証トークン（'aws ses verify-domain-identity' が出力する、'=' で終わる "
    "base64 の 44 文字）ではありません",
    "error.model-public-suffix": "{zone} はパブリックサフィックス（Public Suffix List）で、どの DNS サービスもこのゾーンを"
    "持てません。example.{zone} のように、管理しているゾーンを指定してください",
    "error.model-zone-outside": "{zone} には ID {domain} が含まれません",
    "error.model-tokens-not-list": "{source}: DkimAttributes.Tokens がリストではありません",
    "error.model-byodkim-no-selector": "{source}: BYODKIM の ID なのに、DkimAttributes.Tokens にセレクターがありません",
    "error.model-byodkim-no-key": "{source}: {domain} は BYODKIM（セレクター {selector}）を使っています。SES に渡した鍵の"
    "公開鍵を --dkim-public-key PEM_FILE で指定してください",
    "error.model-byodkim-no-key-in-folder": "{source}: {domain} は BYODKIM（セレクター {selector}）を使っています。SES に"
    "渡した鍵の公開鍵を --dkim-public-key PEM_FILE で指定してください（鍵のフォルダーに {domain}.pem がありません）",
    "error.model-easy-dkim-key": "{domain} は Easy DKIM（SigningAttributesOrigin {origin}）を使っています。SES は自分の鍵で"
    "署名するので、公開する公開鍵はありません。--dkim-public-key を外してください",
    "error.model-token-twice": "{source}: DkimAttributes.Tokens に {token} が 2 回あります（DNS の名前は大文字と小文字を"
    "区別しません）",
    "error.model-mail-from-differs": "{domain} には SES で MAIL FROM ドメイン {mail_from} がすでに設定されています",
    "error.model-in-mail-from": "{source}: MailFromDomain: {problem}",
    "error.model-mail-from-outside": "{mail_from} は {domain} のサブドメインにしてください",
    "error.model-mail-from-not-host": "{mail_from} はホスト名（英数字とハイフンだけで、'_' は不可）ではありません。MAIL "
    "FROM ドメインとその MX レコードにはホスト名が必要です",
    "error.why-dkim-zone": "DKIM の署名ゾーンのため。応答に SigningHostedZone がありません",
    "error.why-mail-from-mx": "MAIL FROM ドメイン {mail_from} の MX レコードのため",
    "error.model-region-contradicts": "{region} は ID {domain} と矛盾します。その SigningHostedZone {zone} によると、"
    "リージョンは {named} です（{source}）",
    "error.model-shared-mail-from": "{name} は {first_region} の {first} と {other_region} の {other} の両方の MAIL FROM "
    "ドメインです。1 つの名前に MX レコードが 2 つあると SES の MAIL FROM は失敗するので、リージョンごとに別の MAIL FROM "
    "サブドメインを使ってください",
    "error.model-name-long": "{identity}: レコード名 {name} が 253 オクテットを超えています",
    "error.model-target-long": "{identity}: {type} の宛先 {value} が 253 オクテットを超えています",
    "error.model-replica-origin": "{source}: DkimAttributes.SigningAttributesOrigin {origin} は AWS のリージョンを"
    "表していません（AWS_SES_EU_WEST_1 なら eu-west-1）",
    "error.api-not-regions": "{value} はリージョン名のリストではありません",
    "error.api-not-path": "{value} はパスではありません",
    "error.api-not-domains": "{value} はドメイン名のリストではありません",
    "error.api-not-options": "{found} は exporter.Options ではありません（exporter.options() で作ってください）",
    "error.api-not-nameservers": "{value} は HOST[:PORT] の文字列のリストではありません",
    "error.api-not-true-false": "{value} は true でも false でもありません",
    "error.api-dmarc-and-no-dmarc": "no_dmarc と矛盾します。どちらか一方にしてください",
    "error.octodns-txt": "{identity}: {name} の TXT の値に {problem} が含まれていて、octoDNS では扱えません",
    "note.line": "注記: {text}",
    "note.identity": "注記: {identity}: {text}",
    "note.identity-shared": "注記: {identity}: {text}（{shared}）",
    # 多くの ID に共通する注記は 1 回だけ（exporter/notes.py）: 最初の ID の文のあとに添える
    "note.shared": "ほかの {others} も同じです: {examples}",
    "note.shared-more": "ほかの {others} も同じです: {examples} ほか {rest}。各出力にはすべての ID が載っています",
    "note.separator": "、",
    "count.more-identities": "{count} 件の ID",
    "count.more-identities.one": "{count} 件の ID",
    "count.others": "{count} 件",
    "count.others.one": "{count} 件",
    "count.identities": "{count} 件の ID",
    "count.identities.one": "{count} 件の ID",
    "count.records": "{count} 件のレコード",
    "count.records.one": "{count} 件のレコード",
    "count.servers": "{count} 台のサーバー",
    "count.servers.one": "{count} 台のサーバー",
    "count.checks": "{count} 回の確認",
    "count.checks.one": "{count} 回の確認",
    "progress.identities": "件の ID",
    # SES から読むとき（exporter/sources/live.py）
    "source.skipped": "{region}: {what}を対象外にしました（DNS レコードがあるのはドメインの ID だけです）",
    "source.no-domain-identities": "{region}: ドメインの ID がありません",
    "count.email-identities": "メールアドレスの ID {count} 件",
    "count.email-identities.one": "メールアドレスの ID {count} 件",
    "count.other-identities": "種類 {kind} の ID {count} 件",
    # --dns-host auto（exporter/dns_host.py）
    "auto.note": "--dns-host auto: {text}",
    "auto.no-ns": "{zone} の NS レコードが見つかりません。汎用の手順にします",
    "auto.several": "{zone}: ネームサーバーが複数の DNS 事業者（{known} ほか）にまたがっています（{hosts}）。"
                    "汎用の手順にします",
    "auto.unknown": "{zone}: ネームサーバー（{hosts}）は手順が対応している DNS 事業者のものではありません。"
                    "汎用の手順にします",
    "auto.nxdomain": "{zone} は DNS に存在しません（NXDOMAIN）。汎用の手順にします",
    "auto.cannot-ask": "{zone} のネームサーバーを DNS に問い合わせられません（{reason}）。汎用の手順にします",
    "auto.served-by": "{zones} は {panel} が管理しています（{hosts}）",
    "auto.mixed": "ゾーンごとに DNS 事業者が異なります（{zones}）。汎用の手順にします（ゾーンごとに実行すれば"
                  "それぞれに合わせた手順になります）",
    # --check と --wait（exporter/dnscheck/）
    "dns.no-answer": "DNS: どのサーバーからも応答がありません。ネットワークを確認するか、--nameserver で"
                     "問い合わせ先を指定してください",
    "wait.right": "待機: {checks}ですべて正しくなりました",
    "wait.up": "待機: {checks}のあと時間切れです（{duration}）。{state}",
    "wait.again": "待機: 確認 {round} 回目: {state}。{pause} 後にもう一度確認します（残り {left}）",
    "wait.state": "{total} のうち {todo} 件がまだ正しくありません（正しくないのは {records}）",
    "wait.state-servers": "{total} のうち {todo} 件がまだ正しくありません（正しくないのは {records}、応答がないのは "
                          "{servers}）",
    # 拒否: コマンドライン（exporter/cli.py、exporter/job.py）
    "error.see-help": "（ses-export --help を参照）",
    "error.interrupted": "中断しました",
    "error.internal": "内部エラー: {kind}: {detail}（--debug を付けて実行し直し、報告してください）",
    "error.not-one-of": "{value} は {known} のどれでもありません",
    "error.not-text": "{value} は文字列ではありません",
    "error.not-texts": "{value} は文字列のリストではありません",
    "error.control-character": "{value} に制御文字 {character} が含まれています",
    "error.domain-argument": "DOMAIN: {problem}",
    "error.not-flag": "{value} は True でも False でもありません",
    "error.not-seconds": "{value} は {low} から {high} までの秒数ではありません",
    "error.not-whole": "{value} は {low} から {high} までの整数ではありません",
    "error.not-whole-seconds": "{value} は整数の秒数ではありません",
    "error.not-duration": "{value} は時間の長さではありません",
    "error.wait-duration": "{value} は 90s、30m、1h30m のような時間の長さではありません",
    "error.wait-unit": "{value} は 90s、30m、1h30m のような時間の長さではありません（単位を付けてください: "
                       "{suggested}）",
    "error.wait-range": "{value}: 0 秒より長く、24h 以下にしてください",
    "error.dmarc-and-no-dmarc": "--no-dmarc と矛盾します。どちらか一方にしてください",
    "error.mail-from-repeated": "{count} 回指定されています（{given}）。1 つの ID の MAIL FROM ドメインは 1 つです",
    "error.check-format": "{format} はレコードを書き出す形式です。--check の報告は表（既定）か json です",
    "error.all-and-file": "SES 上の一覧を使うオプションです。--identity-file では DOMAIN.json のフォルダーを指定すれば"
                          "すべてが対象になります",
    "error.all-and-domains": "すべてのドメインの ID を書き出します。DOMAIN の指定（{domains}）を外してください",
    "error.regions-without-all": "リージョンが {count} 個指定されています。複数のリージョンを読むのは --all だけです",
    "error.no-domain": "DOMAIN: ドメインの ID を 1 つ以上指定するか、--identity-file か --all を指定してください",
    "error.merge-live-and-check": "公開中のゾーンと統合したレコードを書き出すオプションです。--check は書き出さず、"
                                  "公開されている内容を判定します。どちらか一方にしてください",
    "error.nameserver-alone": "--check、--merge-live、--dns-host auto のどれかと一緒にだけ使えます（問い合わせる DNS "
                              "サーバーの指定です）",
    "error.only-problems-alone": "--check と一緒にだけ使えます（レコードがすべて正しい ID を報告から外します）",
    "error.only-with-check": "--check と一緒にだけ使えます",
    "error.only-with-check-or-merge": "--check か --merge-live と一緒にだけ使えます",
    "error.report-format": "--check の報告は表か json で、{value} ではありません",
    "error.empty-output": "パスが空です。ファイル、'/' で終わるフォルダー、または標準出力なら '-' を指定してください",
    "error.writing-option-with-check": "レコードの書き方を変えるオプションです。--check は何も書き出さないので外して"
                                       "ください",
    # 拒否: --merge-live（exporter/merge.py、exporter/dnscheck/live.py）
    "error.merge-dmarc-cname": "{name} には CNAME（{target} へ）があり、その横に DMARC の TXT レコードは追加できません。"
                               "CNAME の先にレコードを公開するか、--merge-live を外してレコードだけを確認してください",
    "error.merge-mail-from-cname": "{name} には CNAME（{target} へ）があります。MAIL FROM の名前には専用の MX と TXT "
                                   "レコードが必要で、CNAME の横には置けません。先に CNAME を削除してください",
    "error.merge-two-spf": "{name} には SPF レコードが {count} 件（{records}）あり、permerror です（RFC 7208 4.5）。"
                           "受信側はどれも適用しません。1 件に統合してから実行し直してください",
    "error.merge-dmarc-weaker-than-organisation": "{value} は {organisation} が {domain} に適用するポリシー（{at} の "
                                                  "{tag}={policy}）より弱く、{name} に公開するとそのポリシーを無効に"
                                                  "します。--dmarc を外す（組織のポリシーが適用されます）か、"
                                                  "p={policy} にしてください",
    "error.merge-nobody-answered": "DNS: {name} の {type} レコードをどのサーバーも答えられませんでした（{identity} の"
                                   "レコードを公開中のゾーンと統合するのに必要です）。もう一度実行するか、--nameserver "
                                   "を指定してください",
    "error.merge-servers-differ": "DNS: {first} と {other} の {name} での応答が異なります（変更がまだ届いていない？）。"
                                  "--merge-live には 1 つの答えが必要です。待つか、--nameserver でサーバーを 1 つ"
                                  "指定してください",
    "error.merge-cannot-ask": "DNS: {identity} のレコードを公開中のゾーンと統合している間に {server} に問い合わせ"
                              "られませんでした（{why}、--merge-live）。ネットワークを確認するか、応答するサーバーを "
                              "--nameserver で指定してください",
    # 拒否: 保存した JSON（exporter/sources/saved.py、exporter/model.py の形の確認）
    "error.no-such-path": "{path}: そのようなファイルもフォルダーもありません",
    "error.folder-empty": "{folder}: フォルダーに DOMAIN.json のファイルがありません",
    "error.folder-lacks": "{folder} に {domains} のファイルがありません（DOMAIN.json の名前で置いてください）",
    "error.stdin-closed": "標準入力が閉じています。保存した JSON を標準入力に渡すか、ファイルを指定してください",
    "error.not-json": "{source}: JSON ではありません（{line} 行 {column} 文字目: {reason}）",
    "error.saved-not-object": "{source}: '{command}' の JSON オブジェクトのはずが、{found} です",
    "error.saved-email-address": "{source}: {domain} はメールアドレスの ID です。DNS レコードがあるのはドメインの ID "
                                 "だけです",
    "error.saved-identity-type": "{source}: IdentityType {value} には対応していません（DOMAIN だけです）",
    "error.saved-v1": "{source}: これは SES v1 の出力（'{v1}'）です。代わりに '{command}' の出力を保存してください",
    "error.saved-v1-dkim": "{source}: これは SES v1 の出力（'aws ses get-identity-dkim-attributes'、ID ごとの "
                           "DkimAttributes）です。代わりに '{command}' の出力を保存してください",
    "error.saved-no-dkim": "{source}: get-email-identity の応答ではありません（DkimAttributes オブジェクトがありません）。"
                           "'{command}' の出力を保存してください",
    "error.saved-region": "{source}: {domain} のリージョンが必要です（{why}）が、保存した JSON には記録されていません。"
                          "--region を指定してください（または AWS_REGION を設定）",
    "error.saved-not-an-object": "{source}: {field} がオブジェクトではありません",
    "error.saved-not-string": "{source}: {field} が文字列ではありません",
    "error.saved-not-ses-value": "{source}: {field} の {value} は SES の値（{known}）のどれでもありません",
    # 標準出力と -o のファイル（exporter/output.py）
    "error.stdout-closed": "標準出力が閉じているため、何も書き込めませんでした（-o FILE を使ってください）",
    "error.stdout-pipe-closed": "標準出力: すべてを書き込む前に読み手がパイプを閉じました",
    "error.stdout-incomplete": "標準出力: {reason}。出力は不完全です",
    "error.output-incomplete": "{target}: {reason}。出力は不完全です",
    "error.output-nothing-written": "{target}: {reason}。何も書き込んでいません",
    # Refusals: saved files, outputs, formats, --nameserver (exporter/sources/, output.py, formats/,
    # merge.py, dnscheck/ask.py)
    "error.separator": "；",
    "error.flagged": "{flag}: {detail}",
    "error.path-reason": "{path}: {reason}",
    "error.saved-several": "保存した ID のうち {count} 件に問題があります: {shown}",
    "error.saved-several-more": "保存した ID のうち {count} 件に問題があります: {shown}；ほかに {more} 件",
    "error.cannot-list-folder": "{folder}: フォルダーの中身を一覧できません: {reason}",
    "error.saved-changed": "{source} が実行中に書き換えられました。何も書き出していません。もう一度実行してください",
    "error.same-domain": "{first} と {second} は同じドメイン {domain} です",
    "error.file-name-not-domain": "{path}: DOMAIN が指定されておらず、ファイル名 {stem} もドメイン名ではありません。"
                                  "ドメインを指定する（ses-export DOMAIN --identity-file {path}）か、ファイルを "
                                  "DOMAIN.json の名前で保存してください",
    "error.one-identity": "{source} に入っている ID は 1 つです。そのドメインを 1 回だけ指定する（ses-export DOMAIN "
                          "--identity-file {path}）か、DOMAIN.json のファイルを置いたフォルダーを渡してください",
    "error.stdin-unreadable": "標準入力を読めません（{reason}）",
    "error.saved-too-large": "{source}: {size} MB を超えています。保存した get-email-identity の応答ではありません",
    "error.saved-utf32": "{source}: UTF-32 で保存されています。UTF-8 で保存し直してください（PowerShell: | Out-File "
                         "-Encoding utf8）",
    "error.saved-utf16-invalid": "{source}: UTF-16 で保存されていますが、正しい UTF-16 のテキストではありません",
    "error.saved-utf16-no-bom": "{source}: バイト順マーク（BOM）のない UTF-16 で保存されています。UTF-8 で保存し直して"
                                "ください（PowerShell: | Out-File -Encoding utf8）",
    "error.saved-not-utf8": "{source}: UTF-8 のテキストではありません",
    "error.json-too-deep": "{source}: JSON として読めません（入れ子が深すぎます）",
    "error.saved-not-response": "{source}: 保存した get-email-identity の応答ではありません（{reason}）",
    "error.output-kind": "{path} は{kind}です。-o で書き込めるのはファイル、フォルダー、デバイス、FIFO です",
    "error.kind.file": "ファイル",
    "error.kind.folder": "フォルダー",
    "error.kind.character-device": "キャラクターデバイス",
    "error.kind.fifo": "FIFO",
    "error.kind.socket": "ソケット",
    "error.kind.block-device": "ブロックデバイス",
    "error.file-not-folder": "{path} はファイルで、フォルダーではありません",
    "error.no-such-folder": "{folder}: そのようなフォルダーはありません",
    "error.cannot-write-there": "{folder}: ここには書き込めません（{reason}）",
    "error.output-is-folder": "{path} はフォルダーです",
    "error.file-name-too-long": "{name}...: ファイル名が {folder} には長すぎます（{size} バイト）",
    "error.cannot-make-folder": "{folder}: フォルダーを作れません（{reason}）",
    "error.not-host-port": "{value} は HOST[:PORT] の形ではありません",
    "error.no-host": "{value} にホスト名がありません",
    "error.cannot-resolve": "{host} の名前解決ができません（{reason}）",
    "error.port-range": "{value}: ポートは 1 から 65535 までの数で指定してください",
    "error.dns-nxdomain": "DNS: {name} は存在しません（NXDOMAIN）。ドメインは登録され、委任されていますか？",
    "error.dns-no-soa": "DNS: システムのリゾルバーでは {name} を含むゾーンが見つかりませんでした（ルートまで SOA "
                        "レコードがありません）。ネットワークと /etc/resolv.conf を確かめるか、--nameserver を指定して"
                        "ください",
    "error.dns-no-zone": "DNS: システムのリゾルバーで {name} のゾーンを見つけられません（{why}）。--nameserver を指定して"
                         "ください",
    "error.dns-no-authoritative": "DNS: システムのリゾルバーで {zone} の権威サーバーを見つけられません（{why}）。"
                                  "--nameserver を指定してください",
    "error.dns-no-addresses": "DNS: {zone} のネームサーバー（{hosts}）にはアドレスがありません",
    "error.merge-mx-taken": "{name} にはすでに MX レコード {others} があります。SES の MAIL FROM にはその名前の MX が"
                            "ほかにないことが必要で、書き込むと既存のものを置き換えるか、並べることになります。ほかの"
                            "メールを受け取らない MAIL FROM サブドメインを使ってください",
    "error.merge-spf": "{name} の SPF レコード（{record}）に amazonses.com を組み込めません: {reason}",
    "error.merge-dmarc-weaker": "{value} は {name} に公開中の DMARC レコード（{published}）より弱い設定です: "
                                "{weaker}。公開中のレコードを残すには --dmarc を外してください",
    "error.weaker-policy": "公開中は p={live} なのに p={ours} です",
    "error.weaker-subdomain-policy": "公開中はサブドメインに {live} なのに {ours} です",
    "error.weaker-pct": "公開中は pct={live} なのに pct={ours} です",
    "error.merge-txt-unwritable": "{name} の TXT レコードは書き直せません（{reason}）。レコードセットをまるごと書く"
                                  "出力では失われてしまいます",
    "error.one-zone-id": "ゾーン ID は 1 つですが、ID が複数のゾーン（{zones}）にあります。--zone で 1 つのゾーンに"
                         "まとめるか、ゾーンごとに出力してください",
    "error.zone-id-shape": "{value} は{what}ではありません",
    "error.zone-id.cloudflare": " Cloudflare のゾーン ID（16 進数 32 桁）",
    "error.zone-id.route53": " Route 53 のホストゾーン ID（Z0123456789ABCDEFGHIJ のような形）",
    "error.zone-id.google": " Cloud DNS のマネージドゾーン名（example-com のような形）",
    "error.azure-txt-long": "{source}: {name} の TXT 値が {length} 文字あります。azurerm_dns_txt_record に書けるのは "
                            "{limit} 文字までです",
    "error.cloudflare-ttl": "Cloudflare が受け付けるのは {low}..{high} 秒か、自動を表す 1 です。{ttl} は "
                            "terraform-cloudflare には書けません",
    "error.terraform-twice": "{source}: {name} の {type} が 2 回必要です（{first}、{second}）。terraform-{provider} "
                             "では 2 つ目の適用が失敗します。別々のファイルに出力してください",
    "error.one-zone": "{what}が、これらの ID は {count} 個のゾーン（{zones}）にあります。-o FOLDER/ で{apart}か、"
                      "--zone を指定してください",
    "error.one-zone.route53-changes": "変更バッチは 1 つのホストゾーンに対するものです",
    "error.apart.route53-changes": "ゾーンごとにバッチを書く",
    "error.one-zone.octodns": "octoDNS のゾーンファイルは 1 つのゾーンに対するものです",
    "error.apart.octodns": "ゾーンごとにファイルを書く",
    "error.format-twice": "{name} の {type} が 2 回必要です（{first} と {second}）。{why}",
    "error.twice.route53-changes": "1 つの変更バッチで同じレコードセットを 2 回変更することはできません。別々の"
                                   "ファイルに出力してください",
    "error.twice.cloudformation": "1 つのスタックに、同じ名前と種類のレコードセットを 2 つ置くことはできません。"
                                  "別々のファイルに出力してください",
    "error.twice.octodns": "別々のファイルに出力してください",
    "error.route53-value-long": "{name} の {type} 値は Route 53 向けに引用符を付けると {length} 文字になりますが、"
                                "Route 53 が受け付けるのは {limit} 文字までです",
    "error.octodns-name-long": "名前 {name} は {length} オクテットあります。octoDNS が扱えるのは {limit} オクテット"
                               "まで（末尾のドットも数えます）なので、この名前は書けません",
    "error.octodns-value": "{name} の {type} 値に {problem} が含まれています。octoDNS ではこの値を扱えません",
    "error.cloudformation-empty": "書き出すレコードがありません。CloudFormation のテンプレートにはリソースが少なくとも "
                                  "1 つ必要です（DMARC を外していて、DKIM も設定されていないのでは？）",
    "error.route53-changes-empty": "変更するレコードがありません。変更バッチには少なくとも 1 つ必要です（DMARC を外して"
                                   "いて、DKIM も設定されていないのでは？）",
    "error.not-arguments": "{value} はコマンドライン引数のタプルではありません",
    "error.csv-formula": "csv: {value} は表計算ソフトで数式として実行されてしまうため、csv 形式には書き出しません"
                         "（json や bind なら書き出せます）",
    "error.no-profile": "AWS の設定に {profile} という名前のプロファイルはありません",
    "error.no-region": "リージョンの指定がなく、AWS の設定にもありません。--region を指定してください（または "
                       "AWS_REGION を設定してください）",
    "error.aws-configuration": "AWS の設定: {reason}",
    "error.ses-client": "SES（{region}）: クライアントを作れません: {reason}",
    "error.ses-not-identity": "SES（{region}）: {name} に対する応答が GetEmailIdentity の応答ではありません（{content}）。"
                              "もう一度試すか、--debug を付けて実行し不具合として報告してください",
    "error.ses-not-list": "SES（{region}）: ID 一覧の応答が ListEmailIdentities の応答ではありません（{content}）。"
                          "もう一度試すか、--debug を付けて実行し不具合として報告してください",
    "error.ses-not-item": "SES（{region}）: ID 一覧の応答に ID ではない項目があります（IdentityType と IdentityName が"
                          "ありません）。もう一度試すか、--debug を付けて実行し不具合として報告してください",
    "error.ses-token-again": "SES（{region}）: ID の一覧で、SES が以前と同じ NextToken を返しました（{pages} ページ目の"
                             "あと）。一覧が終わりません。もう一度試すか、--debug を付けて実行し不具合として報告して"
                             "ください",
    "error.ses-too-many-pages": "SES（{region}）: ID の一覧で、{pages} ページ（{identities} 件、1 つのリージョンに"
                                "ある数を超えます）を過ぎても SES がページを返し続けました。もう一度試すか、--debug を"
                                "付けて実行し不具合として報告してください",
    "error.ses-list-subject": "ID の一覧",
    "count.attempts": "{count} 回試行",
    "count.attempts.one": "{count} 回試行",
    "error.ses-too-slow": "SES（{region}）: {subject} の応答が {seconds} 秒以内に届ききりませんでした（{tries}、"
                          "届くのが遅すぎました）。ネットワークやプロキシを確かめるか、--timeout で待ち時間を延ばして"
                          "ください",
    "error.ses-no-credentials": "SES（{region}）: AWS の認証情報が見つかりません。AWS_PROFILE を設定するか --profile を"
                                "指定する、または AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を設定してください（保存"
                                "した JSON を --identity-file で渡すこともできます）",
    "error.ses-credentials": "SES（{region}）: AWS の認証情報を読み込めませんでした（{kind}）。認証情報を更新する"
                             "（SSO なら aws sso login）か、AWS_PROFILE を設定するか --profile を指定する、または "
                             "AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を設定してください（保存した JSON を "
                             "--identity-file で渡すこともできます）",
    "error.ses-credentials-from": "SES（{region}）: {provider} の AWS 認証情報を読み込めませんでした（{kind}）。認証"
                                  "情報を更新する（SSO なら aws sso login）か、AWS_PROFILE を設定するか --profile を"
                                  "指定する、または AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を設定してください"
                                  "（保存した JSON を --identity-file で渡すこともできます）",
    "error.ses-no-answer": "SES（{region}）: {subject} を問い合わせましたが、{seconds} 秒以内に応答がありません"
                           "（{tries}）。ネットワークを確かめるか、--timeout で待ち時間を延ばしてください",
    "error.ses-connect-timeout": "SES（{region}）: {seconds} 秒以内に {endpoint} へ接続できませんでした（{tries}）。"
                                 "ネットワークやプロキシを確かめるか、--timeout で待ち時間を延ばしてください",
    "error.ses-connect": "SES（{region}）: {endpoint} へ接続できませんでした{reason}（{tries}）。ネットワーク、"
                         "プロキシ、AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL を確かめてください",
    "error.ses-closed": "SES（{region}）: {subject} を問い合わせましたが、応答のないまま接続が閉じられました"
                        "（{tries}）。ネットワークやプロキシを確かめ、しばらくしてからもう一度試してください",
    "error.ses-unreadable": "SES（{region}）: {subject} の応答を読めませんでした（{kind}）。もう一度試すか、--debug を"
                            "付けて実行し不具合として報告してください",
    "error.ses-botocore": "SES（{region}）: {subject}: {kind}: {reason}",
    "error.nested-too-deeply": "入れ子が深すぎます",
    "error.ses-not-ses": "SES（{region}）: {subject} の応答を読めませんでした（{why}。SES の応答の形ではありません）。"
                         "もう一度試すか、--debug を付けて実行し不具合として報告してください",
    "error.ses-not-found": "SES（{region}）: ID {subject} はありません（ドメインと --region を確かめてください。ID は "
                           "1 つのリージョンに属します）",
    "error.ses-access-denied": "SES（{region}）: {subject} へのアクセスが拒否されました。呼び出し元に IAM の権限 "
                               "{action} が必要です",
    "error.ses-throttled": "SES（{region}）: {subject} の問い合わせが {tries} でもまだ制限されています（{status} "
                           "{code}）。アカウントの SES 要求レートをほかのクライアントも使っています。しばらくしてから"
                           "もう一度試してください",
    "error.ses-credentials-rejected": "SES（{region}）: AWS の認証情報が拒否されました（{code}）。認証情報を更新するか、"
                                      "別の --profile を選んでください",
    "error.ses-redirect": "SES（{region}）: {subject} の問い合わせに、エンドポイントがリダイレクト（HTTP {status}）で"
                          "答えました。SES はリダイレクトしません。AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL、"
                          "プロキシ、リージョンを確かめてください",
    "error.ses-redirect-to": "SES（{region}）: {subject} の問い合わせに、エンドポイントが {location} へのリダイレクト"
                             "（HTTP {status}）で答えました。SES はリダイレクトしません。AWS_ENDPOINT_URL_SESV2 / "
                             "AWS_ENDPOINT_URL、プロキシ、リージョンを確かめてください",
    "error.ses-failing": "SES（{region}）: {subject} の問い合わせで SES が失敗し続けました（{status} {code}、{tries}）。"
                         "しばらくしてからもう一度試してください",
    "error.ses-error": "SES（{region}）: {subject} の問い合わせで {code}（HTTP {status}）",
    "error.ses-error-detail": "SES（{region}）: {subject} の問い合わせで {code}（HTTP {status}）: {detail}",
    "error.spf-unwritable": "書き直せないレコードです（{reason}）",
    "error.spf-not-term": "{term} は SPF の項ではありません（permerror）",
    "error.spf-qualifier": "{term} と書かれていて、この修飾子では SES のメールが SPF を通りません。この項はご自身で"
                           "直してください",
    "error.spf-too-long": "組み込むとレコードが長くなりすぎます（{reason}）",
    "error.spf-plus-all": "+all で終わっていて、インターネット上のあらゆる送信者が SPF を通ってしまいます。先に +all を "
                          "~all か -all に替えてください",
    "error.spf-leads-to-plus-all": "たどると +all に行き着き（{via}）、インターネット上のあらゆる送信者が SPF を通って"
                                   "しまいます。先にそのレコードを直してください",
    "error.spf-lookups": "DNS の参照が 10 回を超えます（{count} 回）。これは permerror です（RFC 7208 4.6.4）。先に "
                         "include: の項を展開するか減らしてください",
    "error.spf-lookups-merged": "include:amazonses.com を加えると DNS の参照が 10 回を超えます（{count} 回）。これは "
                                "permerror です（RFC 7208 4.6.4）。先に include: の項を展開するか減らしてください",
    "error.spf-syntax": "{term} は正しい SPF ではなく、permerror です（RFC 7208 4.6.1）",
    "error.spf-include-permerror": "{term} の先で permerror になります: {why}（RFC 7208 5.2）",
    "error.spf-no-record": "{target} に SPF レコードがありません",
    "error.spf-several": "{target} に SPF レコードが {count} 個あります",
    "error.spf-not-valid": "{bad} は正しい SPF ではありません",
    "error.spf-redirect-ignored": "all の項と並んだ {term} は受信側に無視されます（RFC 7208 6.1）。先にどちらか一方"
                                  "だけにしてください",
    "error.spf-unconfirmed": "{term} は送信前にたどれない（マクロか、誰も答えなかったレコード）ため、参照回数を数え"
                             "られません。手で組み込んでください",
    "error.spf-not-pass": "組み込んだレコードでは SES のメールが SPF を通りません（{cause}）",
}


# --- HELP: --help の説明（exporter/cli.py） -----------------------------------------------------
# キーは click の引数名（"command" はコマンド全体の説明）。英語の説明は cli.py にあり、ここにない
# オプションは英語のまま表示される。"Usage:" "Options:" などの見出しは click 自身の語で、翻訳できない。
HELP = {
    "command": """Amazon SES のドメイン ID に必要な DNS レコードを、次に作業する人が使える形で書き出します。

\b
例（リポジトリ内で実行。samples/ に保存済みの ID があります）:
  ses-export example.com --format bind                # SES から直接、AWS の既定の設定で
  ses-export --all --region us-east-1 -f json -o zones/   # すべての ID を 1 つずつのファイルに
  ses-export shop.example.net --identity-file samples/identities/shop.example.net.json --lang ja   # リージョンはファイルから
  ses-export example.com --identity-file - --region us-east-1 -f bind < samples/identities/example.com.json
  ses-export example.com shop.example.net --identity-file samples/identities -f bind -o records.zone

CNAME の宛先、MX の交換ホスト、BIND の所有者名はすべて末尾のドット付きの完全修飾名で書くため、DNS の管理画面がゾーン名を付け足すことはありません。

\b
終了ステータス: 0 成功、1 --check で正しくないレコードがあった、
2 使い方か入力の誤り、3 SES・AWS・ネットワークの障害、
70 内部エラー（不具合です。--debug を付けて報告してください）、74 出力を書けなかった
（標準出力がいっぱいか閉じている）、130 中断、141 標準出力の読み手がパイプを閉じた。
""",
    "identity_file": "SES を呼ぶ代わりに、保存した 'aws sesv2 get-email-identity' の JSON を読みます。DOMAIN 1 つ分の"
                     "ファイル（DOMAIN がなければファイル名 DOMAIN.json から）、標準入力なら '-'、または DOMAIN.json の"
                     "フォルダー（DOMAIN で一部を選べます。なければすべて）。",
    "regions": "AWS リージョン（既定: ID の SigningHostedZone が示すもの、なければ AWS_REGION か AWS の設定）。保存した "
               "JSON には記録されておらず、MAIL FROM の MX レコードに必要です。SigningHostedZone と矛盾するリージョンは"
               "拒否します。--all と一緒なら繰り返し指定でき、リージョンを並行して読みます。",
    "profile": "認証情報とリージョンに使う AWS プロファイル。",
    "all_identities": "SES 上のリージョンのすべてのドメイン ID（メールアドレスの ID は対象外）。",
    "format": "書き出す形式（docs/formats.md）。--check と一緒なら json で報告を JSON にします。",
    "output": "標準出力の代わりに PATH に書きます（失敗したときに書きかけのファイルを残しません）。フォルダー（既存か "
              "'/' で終わる）なら ID ごとに 1 ファイル DOMAIN.SUFFIX（bind はゾーンごとに ZONE.zone）。シンボリック"
              "リンクはその先を置き換え、デバイスや FIFO にはそのまま書きます。",
    "ttl": "レコードの TTL（秒、1..2147483647、既定 1800）。",
    "zone": "レコードを置く DNS ゾーン（既定: Public Suffix List による ID の登録ドメイン）。csv と手順のホスト名は"
            "ここからの相対名です。パブリックサフィックス（co.uk など）は拒否します。",
    "mail_from": "SES でまだ設定していない MAIL FROM サブドメインを予定として指定します。",
    "dmarc": "DMARC レコードの値（RFC 7489: 先頭は v=DMARC1、p=none|quarantine|reject、既知のタグのみ）。既定: 組織"
             "ドメインの ID には 'v=DMARC1; p=none;'、その下の ID にはなし（組織のポリシーが適用されます）。",
    "no_dmarc": "DMARC レコードを書きません。",
    "dmarc_rua": "既定の DMARC レコードに集計レポートの宛先を加えます（mailto:ADDRESS[,mailto:ADDRESS]）。",
    "dkim_public_key": "BYODKIM: DKIM の TXT レコードに書く公開鍵（PEM か DER、RSA 1024..2048 ビット。セレクターは"
                       "SES から）。複数の ID には DOMAIN.pem のフォルダー。",
    "verification_token": "SES v1 の '_amazonses' TXT レコードもこの VerificationToken（base64 で 44 文字）で書きます。",
    "lang": "人が読む文の言語: 出力、--check の報告、stderr の注記や拒否の理由（既定: ロケールから、なければ en）。",
    "dns_host": "手順をこの DNS 管理画面の項目と癖に合わせます（既定: generic）。auto: ゾーンの NS レコードから管理"
                "画面を判断します（不明なときや DNS に問い合わせられないときは注記を出して generic）。",
    "check": "レコードを書き出す代わりに DNS で調べます。レコードごとに ok、missing、wrong と原因・直し方を表（または "
             "-f json）で示し、正しくないものがあれば終了ステータス 1。",
    "merge_live": "書き出す前にゾーンのサーバー（または --nameserver）に MAIL FROM 名と _dmarc の現在の内容を問い合わせ、"
                  "どれも失わずに公開できるものを書きます。有効な DMARC レコードは残し（書き出さない）、SPF は all の前に "
                  "include:amazonses.com を加えて 1 件に（2 件にはしない）、ほかの TXT 文字列はレコードセット全体を書く"
                  "形式で残します。正しく統合できない場合（SPF が 2 件、permerror、10 回を超える問い合わせ）は拒否"
                  "（終了ステータス 2）、DNS に問い合わせられなければ 3。",
    "nameservers": "--check か --merge-live と一緒に: ゾーン自身のサーバーの代わりにこのサーバーに問い合わせます"
                   "（--check では繰り返して複数を比べられます）。--dns-host auto と一緒に: ゾーンの NS レコードを"
                   "このサーバーに問い合わせます。",
    "dns_timeout": "--check か --merge-live と一緒に: DNS の応答を待つ秒数（タイムアウトのあと 1 回だけ再試行）。",
    "only_problems": "--check と一緒に: レコードがすべて正しい ID を報告から外します（最後の集計には数えます）。",
    "max_queries": "--check か --merge-live と一緒に: すべての ID を通して同時に出す DNS の問い合わせ数（既定 2500）。",
    "wait": "--check と一緒に: すべてのサーバーですべてのレコードが正しくなるまで、間隔を広げながら最大 DURATION "
            "（90s、30m、1h30m）確認し直します。進み具合は stderr に。時間切れなら終了ステータス 1。",
    "zone_id": "terraform-route53、cloudformation: 名前で探す代わりに使うホストゾーン ID（terraform-cloudflare: ゾーン "
               "ID 変数の既定値）。",
    "cloudflare_provider": "terraform-cloudflare: プロバイダーの世代（v5 は cloudflare_dns_record で既定、v4 は "
                           "cloudflare_record）。",
    "ses_timeout": "SES から読むとき: 接続と各応答を待つ秒数。スロットリングと 5xx の応答は再試行し（5 回、長くて約 "
                   "17 秒）、タイムアウトは 1 回だけ再試行します。",
    "debug": "不具合の報告用に、SES への要求と応答、エラー時のトレースバックを表示します（認証情報、トークン、署名は"
             "伏せます）。",
    "version": "バージョンを表示して終了します。",
    "help": "このメッセージを表示して終了します。",
}
