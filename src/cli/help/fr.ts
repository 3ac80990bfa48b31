// French typography: \u00a0 (no-break space) before a colon, \u202f (narrow no-break space) before ; ? !
export const HELP_FR = `dossier — votre bibliothèque de recherche Dossier en ligne de commande

Utilisation\u00a0:
  dossier import <file or folder>… [--password PW]
                                      Importer des articles et des documents (.txt, .md, .markdown,
                                      .html, .htm, .pdf, .docx, .epub). Les dossiers sont parcourus
                                      récursivement, sans leurs entrées cachées. --password ouvre les
                                      PDF chiffrés.
  dossier export --out DIR [--article ID]… [--tag TAG] [--format md|json|csv] [--with-text]
                                      Écrire un fichier Markdown par article (tous, ceux nommés ou
                                      ceux étiquetés)\u202f; --with-text ajoute le texte de l’article,
                                      ses surlignages marqués ==…==. Un fichier modifié depuis le
                                      dernier export n’est pas écrasé\u00a0: la nouvelle version est
                                      écrite à côté, NOM.dossier-conflict.md, et la commande sort avec 1.
                                      --format json écrit annotations.json (W3C Web Annotations),
                                      --format csv highlights.csv, au lieu du Markdown.
  dossier import-annotations FILE     Reprendre des annotations W3C (un export JSON de Dossier, un
                                      export Hypothesis)\u00a0: rapprochées des articles par leur URL,
                                      leurs passages retrouvés.
  dossier list [--limit N]            Lister les articles, les plus récents d’abord.
  dossier search "<query>" [--limit N]
                                      Chercher dans les titres, les textes, les surlignages et les
                                      notes\u202f; les meilleurs articles d’abord. Mots, "expressions",
                                      préfixe*, OR, -mot, tag: label: source: author:
                                      in:articles|highlights|notes before:/after:AAAA[-MM[-JJ]]
                                      case:"Nom" reliability:A-B credibility:1-2 ungraded.
  dossier backup [--list]             Sauvegarder la bibliothèque maintenant (les 7 dernières sont
                                      gardées), ou lister les sauvegardes.
  dossier restore [BACKUP]            Restaurer une sauvegarde (un nom donné par backup --list, ou un
                                      fichier\u202f; par défaut la plus récente). Elle est vérifiée
                                      d’abord, et la bibliothèque actuelle est mise de côté.
  dossier trash [list | restore ID | empty --yes]
                                      Le contenu de la Corbeille\u202f; y reprendre un article ou un
                                      surlignage\u202f; la vider.
  dossier case create NAME [--description TEXT] | case list [--all] | case add CASE_ID ARTICLE_ID…
                                      Les dossiers regroupent des articles (un article peut être
                                      dans plusieurs).
  dossier highlight ARTICLE_ID --quote "exact text" [--label NAME] [--note MARKDOWN]
                    [--credibility 1-6] [--occurrence N]
                                      Surligner un passage\u202f; refusé si la citation n’est pas dans
                                      l’article, ou y figure plusieurs fois sans --occurrence.
  dossier source list | source grade SOURCE_ID A-F [--reason TEXT]
                                      Les sources et leur fiabilité selon l’échelle de l’Amirauté
                                      (A–F)\u202f; en coter une.
  dossier claim add CASE_ID "statement" [--supports ID…] [--contradicts ID…] [--context ID…]
  dossier claim list --case CASE_ID   Les allégations, avec le nombre d’éléments de preuve, la
                                      meilleure cote et les avertissements.
  dossier verify                      Vérifier chaque original conservé contre son SHA-256, et la
                                      chaîne d’empreintes du journal d’activité\u202f; sort avec 1 en
                                      nommant ce qui échoue.
  dossier manifest --case CASE_ID --out FILE
                                      Le manifeste des éléments de preuve du dossier (.json, ou .csv
                                      selon l’extension).
  dossier entities [--type person|org|place|selector] [--article ID]
                                      Personnes, organisations, lieux et sélecteurs, avec leurs
                                      alias et leurs mentions (les articles pas encore indexés le
                                      sont d’abord).
  dossier timeline [--article ID] [--case ID] [--format csv|md]
                                      Les événements datés, les plus anciens d’abord, avec leurs phrases.
  dossier ach --case CASE_ID [--matrix ID]
                                      Une matrice d’hypothèses (la première du dossier, ou celle
                                      nommée)\u00a0: les hypothèses les moins incohérentes d’abord, les
                                      lignes d’éléments de preuve avec leurs cotations, leurs poids,
                                      leur diagnosticité et les pivots.
  dossier report --case CASE_ID --format md|docx|html --out FILE [--style CSL_FILE]
                                      La note de synthèse du dossier, chaque citation référencée
                                      en note de bas de page (Chicago, ou le style CSL donné), avec
                                      le manifeste des éléments de preuve en annexe\u202f; sans note
                                      rédigée, une ébauche des allégations et des surlignages du
                                      dossier. Un fichier modifié depuis le dernier export est
                                      gardé\u00a0: le nouveau est écrit à côté.
  dossier help | --help | -h          Afficher cette aide.
  dossier --version | -v              Afficher la version.

Options de toutes les commandes\u00a0:
  --db PATH    Le fichier de la bibliothèque. Par défaut\u00a0: $DOSSIER_DB, sinon la bibliothèque de
               l’application (Linux ~/.config/Dossier/dossier.sqlite, macOS
               ~/Library/Application Support/Dossier/, Windows %APPDATA%\\Dossier\\).
  --json       Écrire les résultats en JSON (le même dans toutes les langues).
  --lang LANG  La langue des messages\u00a0: en, fr, ar ou ja. Par défaut\u00a0: $LC_ALL, $LC_MESSAGES ou
               $LANG (anglais pour C), sinon la langue du système.

Code de sortie\u00a0: 0 en cas de succès\u202f; 1 si un fichier a été refusé ou si la commande a échoué\u202f;
2 pour une commande mal saisie.
`
