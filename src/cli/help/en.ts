export const HELP_EN = `dossier — your Dossier research library from the command line

Usage:
  dossier import <file or folder>… [--password PW]
                                      Import articles and documents (.txt, .md, .markdown, .html,
                                      .htm, .pdf, .docx, .epub). Folders are searched recursively;
                                      hidden entries are skipped. --password opens encrypted PDFs.
  dossier export --out DIR [--article ID]… [--tag TAG] [--format md|json|csv] [--with-text]
                                      Write one Markdown file per article (all, those named, or
                                      those tagged); --with-text adds the article's text with its
                                      highlights marked ==…==. Files changed since the last export are not
                                      overwritten: the new version goes beside them as
                                      NAME.dossier-conflict.md, and the command exits 1.
                                      --format json writes annotations.json (W3C Web Annotations),
                                      --format csv highlights.csv, instead of Markdown.
  dossier import-annotations FILE     Bring in W3C annotations (a Dossier JSON export, a Hypothesis
                                      export): matched to articles by URL, passages found again.
  dossier list [--limit N]            List articles, newest first.
  dossier search "<query>" [--limit N]
                                      Search titles, text, highlights and notes; best articles first.
                                      Words, "phrases", prefix*, OR, -word, tag: label: source:
                                      author: in:articles|highlights|notes before:/after:YYYY[-MM[-DD]]
                                      case:"Name" reliability:A-B credibility:1-2 ungraded.
  dossier backup [--list]             Back the library up now (kept with the last 7), or list the backups.
  dossier restore [BACKUP]            Restore a backup (a name from backup --list, or a file; default the
                                      newest). The library is checked first and the current one kept aside.
  dossier trash [list | restore ID | empty --yes]
                                      What is in the Trash; bring an article or highlight back; empty it.
  dossier case create NAME [--description TEXT] | case list [--all] | case add CASE_ID ARTICLE_ID…
                                      Cases group articles (an article can be in several).
  dossier highlight ARTICLE_ID --quote "exact text" [--label NAME] [--note MARKDOWN]
                    [--credibility 1-6] [--occurrence N]
                                      Highlight a passage; refused when the quote is not in the
                                      article, or occurs more than once without --occurrence.
  dossier source list | source grade SOURCE_ID A-F [--reason TEXT]
                                      Sources with their Admiralty reliability (A–F); grade one.
  dossier claim add CASE_ID "statement" [--supports ID…] [--contradicts ID…] [--context ID…]
  dossier claim list --case CASE_ID   Claims with their evidence counts, best grade and warnings.
  dossier verify                      Check every stored original against its SHA-256 and the
                                      activity log's hash chain; exits 1 naming what fails.
  dossier manifest --case CASE_ID --out FILE
                                      The case's evidence manifest (.json, or .csv by extension).
  dossier entities [--type person|org|place|selector] [--article ID]
                                      People, organisations, places and selectors with their
                                      aliases and mentions (articles not yet indexed are first).
  dossier timeline [--article ID] [--case ID] [--format csv|md]
                                      Dated events, oldest first, with their sentences.
  dossier ach --case CASE_ID [--matrix ID]
                                      A hypotheses matrix (the case's first, or the one named):
                                      hypotheses least inconsistent first, evidence rows with
                                      their ratings, weights, diagnosticity and linchpins.
  dossier report --case CASE_ID --format md|docx|html --out FILE [--style CSL_FILE]
                                      The case's brief with every quote cited in a footnote
                                      (Chicago notes, or the CSL style given) and the evidence
                                      manifest as an appendix; with no brief yet, a draft of the
                                      case's claims and highlights. A file changed since the last
                                      export is kept: the new one goes beside it.
  dossier help | --help | -h          Show this help.
  dossier --version | -v              Show the version.

Options for every command:
  --db PATH    The library file. Default: $DOSSIER_DB, else the desktop app's library
               (Linux ~/.config/Dossier/dossier.sqlite, macOS ~/Library/Application Support/Dossier/,
               Windows %APPDATA%\\Dossier\\).
  --json       Print results as JSON (the same in every language).
  --lang LANG  The language of messages: en, fr, ar or ja. Default: $LC_ALL, $LC_MESSAGES or
               $LANG (English for C), else the system's language.

Exit status: 0 on success; 1 when a file was rejected or the command failed; 2 for a mistyped command.
`
