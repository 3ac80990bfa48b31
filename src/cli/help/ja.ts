export const HELP_JA = `dossier — コマンドラインから使う Dossier の調査ライブラリ

使い方:
  dossier import <file or folder>… [--password PW]
                                      記事と文書（.txt、.md、.markdown、.html、.htm、.pdf、.docx、
                                      .epub）を取り込みます。フォルダーは下の階層まで探し、隠し項目は
                                      飛ばします。--password で暗号化された PDF を開きます。
  dossier export --out DIR [--article ID]… [--tag TAG] [--format md|json|csv] [--with-text]
                                      記事ごとに Markdown ファイルを 1 つ書き出します（すべて、指定した
                                      記事、またはタグの付いた記事）。--with-text を付けると、記事の本文を
                                      ハイライト箇所を ==…== で示して加えます。前回の書き出し以降に変更された
                                      ファイルは上書きせず、新しい版を NAME.dossier-conflict.md として
                                      隣に書き、終了コード 1 で終わります。
                                      --format json は annotations.json（W3C Web Annotations）を、
                                      --format csv は highlights.csv を、Markdown の代わりに書き出します。
  dossier import-annotations FILE     W3C 注釈（Dossier の JSON 書き出し、Hypothesis の書き出し）を
                                      取り込みます。URL で記事と照合し、該当箇所を探し直します。
  dossier list [--limit N]            記事を新しい順に一覧表示します。
  dossier search "<query>" [--limit N]
                                      タイトル、本文、ハイライト、メモを検索し、一致度の高い記事から
                                      表示します。語、"フレーズ"、前方一致*、OR、-語、tag: label: source:
                                      author: in:articles|highlights|notes before:/after:YYYY[-MM[-DD]]
                                      case:"名前" reliability:A-B credibility:1-2 ungraded。
  dossier backup [--list]             ライブラリを今すぐバックアップします（最新の 7 件を保持）。
                                      --list でバックアップを一覧表示します。
  dossier restore [BACKUP]            バックアップを復元します（backup --list で表示される名前か
                                      ファイル。省略時は最新のもの）。先に検査し、現在のライブラリは
                                      別に保管します。
  dossier trash [list | restore ID | empty --yes]
                                      ゴミ箱の中身を表示し、記事やハイライトを元に戻し、ゴミ箱を空にします。
  dossier case create NAME [--description TEXT] | case list [--all] | case add CASE_ID ARTICLE_ID…
                                      案件は記事をまとめます（1 つの記事を複数の案件に入れられます）。
  dossier highlight ARTICLE_ID --quote "exact text" [--label NAME] [--note MARKDOWN]
                    [--credibility 1-6] [--occurrence N]
                                      箇所をハイライトします。引用が記事にない場合や、--occurrence なしで
                                      複数回現れる場合は拒否します。
  dossier source list | source grade SOURCE_ID A-F [--reason TEXT]
                                      情報源とその提督法（Admiralty）による信頼度（A～F）を表示し、
                                      情報源を評価します。
  dossier claim add CASE_ID "statement" [--supports ID…] [--contradicts ID…] [--context ID…]
  dossier claim list --case CASE_ID   主張を、証拠の件数、最良の評価、警告とともに表示します。
  dossier verify                      保存したすべての原本を SHA-256 で、操作記録をハッシュチェーンで
                                      検証します。失敗があればその名前を示し、終了コード 1 で終わります。
  dossier manifest --case CASE_ID --out FILE
                                      案件の証拠目録（.json、または拡張子に応じて .csv）を書き出します。
  dossier entities [--type person|org|place|selector] [--article ID]
                                      人物、組織、場所、セレクターを、別名と言及箇所とともに表示します
                                      （まだ索引のない記事は先に索引を作ります）。
  dossier timeline [--article ID] [--case ID] [--format csv|md]
                                      日付のある出来事を古い順に、その文とともに表示します。
  dossier ach --case CASE_ID [--matrix ID]
                                      仮説マトリクス（案件の最初のもの、または指定したもの）を表示します。
                                      仮説は矛盾の少ない順に並べ、証拠の行を評価、重み、診断性、
                                      要（かなめ）となる行とともに示します。
  dossier report --case CASE_ID --format md|docx|html --out FILE [--style CSL_FILE]
                                      案件のブリーフを書き出します。引用はすべて脚注で出典を示し
                                      （シカゴ・スタイルの注、または指定した CSL スタイル）、証拠目録を
                                      付録に付けます。ブリーフがまだない場合は、案件の主張とハイライトの
                                      草稿を書き出します。前回の書き出し以降に変更されたファイルは残し、
                                      新しいファイルを隣に書きます。
  dossier help | --help | -h          このヘルプを表示します。
  dossier --version | -v              バージョンを表示します。

すべてのコマンドに共通のオプション:
  --db PATH    ライブラリのファイル。既定値は $DOSSIER_DB、なければデスクトップ版のライブラリ
               （Linux ~/.config/Dossier/dossier.sqlite、macOS ~/Library/Application Support/Dossier/、
               Windows %APPDATA%\\Dossier\\）。
  --json       結果を JSON で出力します（どの言語でも同じ内容です）。
  --lang LANG  メッセージの言語: en、fr、ar、ja のいずれか。既定値は $LC_ALL、$LC_MESSAGES、
               $LANG（C は英語）、いずれもなければシステムの言語。

終了コード: 成功時は 0、ファイルが拒否されたかコマンドが失敗した場合は 1、コマンドの入力誤りは 2。
`
