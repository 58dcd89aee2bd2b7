"""日本語: 手順書（instructions）の文。

GUIDE のキーは exporter/guide.py が使うものと同じ（テストで過不足なしを確かめる）。各文は str.format の
テンプレートで、Markdown のインライン記法（**太字**、`コード`、\\_ で文字どおりの下線）で書く。
{name:code} は値をそのままコピーできるコードとして、{name} は地の文として表示する。値のエスケープは
出力時に行うので、ここには書かない。
"""

GUIDE = {
    # 文書全体
    "title": "Amazon SES 用 DNS レコードの設定手順: {domains:code}",
    "separator.list": "、",
    "separator.clauses": "、",
    "intro.one": "Amazon SES でこのドメインからメールを送るには、以下の DNS レコードを登録しておく必要があります"
                 "（{reasons}のものです）。",
    "intro.many": "Amazon SES でこれらのドメインからメールを送るには、以下の DNS レコードを登録しておく必要があります"
                  "（{reasons}のものです）。",
    "reason.dkim": "DKIM レコードは受信側が SES の署名を検証するため",
    "reason.mail-from": "MAIL FROM ドメインの MX・SPF レコードはバウンスの受け取りと SPF 認証のため",
    "reason.dmarc": "DMARC レコードは認証に失敗したメールの扱いを受信側に伝えるため",
    "reason.verification": "\\_amazonses レコードは旧形式の SES ドメイン検証のため",
    "intro.one-step-per-record": "1レコードにつき1手順ずつ、表示どおりに登録してください。値は1つずつコピーできるよう、"
                                 "それぞれ別の枠に入れてあります。",
    "where": "**設定場所:** {where}",
    "where.name-servers": "レコードが有効になるのは、ドメインのネームサーバーが向いている DNS サービスに登録したとき"
                          "だけです。ネームサーバーが別の会社を向いている場合は、そちらに登録してください。",
    "note": "注記: {note}",
    # 登録する場所（--dns-host ごと）
    "where.generic": "ご利用の DNS サービスの管理画面で、ドメインの DNS レコードの設定画面（「DNS設定」"
                     "「DNSレコード編集」「ゾーン編集」などの名前です）を開き、手順ごとにレコードを1件ずつ追加します。",
    "where.cloudflare": "Cloudflare のダッシュボードでドメインを開き、**DNS > Records** で手順ごとに **Add record**"
                        "（レコードを追加）を押します。",
    "where.route53": "Route 53 コンソールの **Hosted zones**（ホストゾーン）でゾーンを選び、手順ごとに "
                     "**Create record**（レコードを作成）します。",
    "where.onamae": "お名前.com Navi でドメインの DNS 設定（**DNSレコード設定**）を開き、手順ごとに1行追加します。",
    "where.muumuu": "ムームードメインのコントロールパネルで **ムームーDNS** を開き、ドメインの **カスタム設定** に"
                    "手順ごとに1行追加します。",
    "where.xserver": "エックスサーバーのサーバーパネルで **DNSレコード設定** を開き、ドメインを選んで手順ごとに"
                     "レコードを追加します。",
    "where.sakura": "さくらインターネットのドメインコントロールパネルでドメインの **ゾーン編集** を開き、手順ごとに"
                    "エントリを追加します。",
    "where.valuedomain": "Value Domain のコントロールパネルでドメインの DNS 設定を開きます。レコードは1つの入力欄に"
                         "1行ずつ書く形式です。各手順の行をそれぞれ1行として書き足し、最後に保存します。",
    "where.godaddy": "GoDaddy のドメインポートフォリオでドメインを選び、**DNS の編集** を開いて手順ごとに **追加** "
                     "を押します。",
    "where.namecheap": "Namecheap の **Domain List** でドメインの **Manage** を押し、**Advanced DNS** で手順ごとに "
                       "**Add New Record** を押します。MX レコードを追加できないときは、同じ画面のメール設定"
                       "（Mail Settings）でカスタム MX を選びます。",
    # 手順の見出し
    "step": "手順 {number}/{total}: {record}",
    "record.dkim-key": "DKIM キー（{number}/{total}）",
    "record.dkim-public-key": "DKIM 公開鍵（独自の鍵、BYODKIM）",
    "record.mail-from-mx": "MAIL FROM ドメイン: バウンスの受け取り（MX）",
    "record.mail-from-spf": "MAIL FROM ドメイン: SPF",
    "record.dmarc": "DMARC ポリシー",
    "record.verification": "旧形式の SES ドメイン検証",
    # 入力する項目（{own}: 画面での項目名。こちらの呼び方と違うときだけ表示）
    "field.line": "**追加する行:** {line:code}",
    "field.line-unknown": "**追加する行:** MX の行で `@` 以外のホスト名を指定する書き方を、{panel}の入力欄の下の"
                          "記入例かマニュアルで確認し、下のホスト名・値・優先度で1行書いてください。",
    "field.type": "**種別:** {type:code}",
    "field.host": "**ホスト名**{own}: {host:code}（フルネームは {fqdn:code}）",
    "field.host-empty": "**ホスト名**{own}: 空欄のまま（ゾーンそのもの）（フルネームは {fqdn:code}）",
    "field.value": "**値**{own}: {value:code}",
    "field.priority": "**優先度**{own}: {priority:code}",
    "field.ttl": "**TTL:** {ttl:code} 秒",
    "field.proxy": "**プロキシステータス:** DNS のみ（グレーの雲）",
    "field.own-label": "（画面の項目名: {label}）",
    "word.host": "ホスト名",
    "word.value": "値",
    "word.priority": "優先度",
    # このレコードをこの管理画面で登録するときの注意（どれを出すかは guide.py が決める）
    "advice.host-added-by-panel": "ホスト名: {panel}はホスト名の後ろに {zone:code} を自動で付けるので、{host:code} "
                                  "だけを入力してください。フルネームで入力すると、レコードは {doubled:code} に"
                                  "作られてしまい、SES からは見つかりません。",
    "advice.host-maybe-added": "ホスト名: 入力欄の横に {zone:code} と表示される画面（ほとんどがそうです）では、"
                               "{host:code} だけを入力してください。フルネームで入力すると、レコードは {doubled:code} "
                               "に作られてしまい、SES からは見つかりません。フルネームを求める画面の場合に限り "
                               "{fqdn:code} と入力します。",
    "advice.underscore": "ホスト名の中のアンダースコア（`_`）も名前の一部です。外すと別の名前になってしまうため、"
                         "入力できない場合は省略せず、DNS サービスの窓口に相談してください。",
    "advice.value-dot-dropped": "値: {panel}は値を常にフルネームとして扱い、末尾のドットを外して保存します。"
                                "それで問題ありません。",
    "advice.value-read-as-relative": "値: 末尾のドットまで含めて入力してください。{panel}は末尾のドットがない名前を"
                                     "ゾーン内の名前として扱うため、ドットがないと値が {relative:code} になってしまい"
                                     "ます。",
    "advice.value-keep-dot": "値: 末尾のドット（`.`）まで含めて入力してください。ドットのない値をドメイン内の名前と"
                             "して扱う DNS サービスでは、値が {relative:code} になってしまいます。ドットを入力でき"
                             "ない画面では、ドットを外して入力し、最後の確認手順で結果を確かめてください。",
    "advice.proxy-dns-only": "プロキシステータス: 「DNS のみ」（グレーの雲）にしてください。「プロキシ済み」"
                             "（オレンジの雲）のままだと、Cloudflare がこの CNAME の代わりに自社のアドレスを返すため、"
                             "SES が鍵を見つけられません。",
    "advice.priority-in-value": "優先度: {panel}では、表示どおり優先度を値の先頭に含めます: {value:code}",
    "advice.priority-blank-default": "優先度: {priority:code} を入力してください。空欄のままにすると、{panel}は"
                                     "自動で {blank:code} を設定します。",
    "advice.priority-without-field": "優先度: 優先度の入力欄がない画面では、優先度・半角スペース・サーバー名の順で"
                                     "値に入力します: {value:code}",
    "advice.mx-only-one": "{name:code} の MX レコードはこの1件だけにしてください。",
    "advice.txt-quoted": "値: {panel}では TXT の値をダブルクォートで囲みます。上の値はその形になっているので、"
                         "そのまま貼り付けてください。",
    "advice.txt-quoted-split": "値: {panel}では TXT の値をダブルクォートで囲みます（{size} 文字以内ごとに区切った"
                               "複数の文字列にします）。上の値はその形になっているので、そのまま貼り付けてください。",
    "advice.txt-editor-unquoted": "値: {panel}の SPF の記入例と同じく、行の中の値はクォートなしで書きます。",
    "advice.txt-quotes-stripped": "値: 表示どおり、クォートを付けずに貼り付けてください。{panel}は値の前後の"
                                  "ダブルクォートを保存時に削除します。",
    "advice.txt-no-quotes": "値: 表示どおり、ダブルクォートを付けずに貼り付けてください。クォートは DNS サービス側で"
                            "付けられます。自分で付けるとクォートがレコードの中身に入ってしまい、一致しなくなります。",
    "advice.txt-too-long-for-panel": "文字数: この値は {length} 文字ありますが、{panel}で1レコードに入力できるのは "
                                     "{limit} 文字までです。拒否されたり途中で切れたりすると SES は鍵を検証できません。"
                                     "より長い TXT レコードを登録できるか {panel}に問い合わせるか、1024 ビットの鍵を"
                                     "使ってください。",
    "advice.txt-long": "文字数: この値は {length} 文字あります。{limit} 文字を超える値を受け付けない、または切り詰める "
                       "DNS サービスもあります。自動で複数の文字列に分割される場合は問題ありません。",
    "advice.spf-merge": "{name:code} に `v=spf1` で始まる TXT レコードがすでにある場合は、2つを1つにまとめてください。"
                        "SPF レコードは1つの名前に1つしか置けません。",
    "advice.dmarc-only-one": "{name:code} にすでに DMARC レコードがある場合は、どちらか1つだけにしてください。"
                             "DMARC レコードが2つあると両方とも無効になります。",
    # 最後の確認
    "check.heading": "最後に: 確認",
    "check.run": "すべて登録したら、次のコマンドを実行してください。ドメインのネームサーバーに直接問い合わせ、"
                 "正しくないレコードがあれば、どれがなぜ違うのか（たとえば値にドメイン名が付いてしまっている、"
                 "など）を表示します。",
    "check.wait": "DNS の変更がすべてのネームサーバーに行き渡るまでには時間がかかることがあります。SES も独自の"
                  "タイミングでレコードを確認するため、SES 上でドメインが「検証済み」になるまで最大 72 時間かかる"
                  "場合があります。",
}


# --- NOTICES: SES の状態、想定したゾーン、DMARC について読み手が知るべきこと ---------------------------
# キーは exporter/advisories.py のもの（tests/test_advisories.py が両言語を照合）。stderr と手順の冒頭に出す。
NOTICES = {
    "notice.dkim-failed": "SES は DKIM レコードの確認をやめています（状態 {status:code}）。レコードを下記のとおり登録してから、"
                          "SES の確認をやり直してください。SES コンソールで ID を開いて DKIM の設定を保存し直すか、"
                          "{command:code} を実行します。",
    "notice.dkim-temporary-failure": "SES は DKIM レコードを一時的に確認できず（状態 {status:code}）、自動で再試行します。"
                                     "状態が変わらない場合は、レコードを下記のとおり登録し、{command:code} で確認を"
                                     "やり直してください。",
    "notice.verification-failed": "SES はドメインを検証できませんでした（状態 {status:code}、{error:code}）。レコードを"
                                  "下記のとおり登録してから、SES コンソールで ID を開いて DKIM の設定を保存し直すか、"
                                  "{command:code} を実行して確認をやり直してください。",
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
