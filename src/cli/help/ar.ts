export const HELP_AR = `dossier — مكتبة أبحاثك في Dossier من سطر الأوامر

الاستخدام:
  dossier import <file or folder>… [--password PW]
                                      استيراد المقالات والمستندات (.txt و.md و.markdown و.html
                                      و.htm و.pdf و.docx و.epub). يُبحث في المجلدات بما فيها من
                                      مجلدات فرعية، وتُتخطى العناصر المخفية. يفتح الخيار --password
                                      ملفات PDF المشفرة.
  dossier export --out DIR [--article ID]… [--tag TAG] [--format md|json|csv] [--with-text]
                                      كتابة ملف Markdown لكل مقالة (كل المقالات، أو المسماة، أو
                                      الموسومة)؛ يضيف --with-text نص المقالة مع تمييز مقاطعها
                                      المظللة بـ ==…==. لا يُكتب فوق ملف تغيّر منذ آخر تصدير: تُكتب
                                      النسخة الجديدة بجانبه باسم NAME.dossier-conflict.md، وينتهي
                                      الأمر برمز الخروج 1.
                                      يكتب --format json الملف annotations.json (W3C Web Annotations)،
                                      ويكتب --format csv الملف highlights.csv، بدلًا من Markdown.
  dossier import-annotations FILE     استيراد تعليقات W3C (تصدير JSON من Dossier، أو تصدير من
                                      Hypothesis): تُطابق مع المقالات بعناوين URL، ويُعثر على مقاطعها من جديد.
  dossier list [--limit N]            سرد المقالات، الأحدث أولًا.
  dossier search "<query>" [--limit N]
                                      البحث في العناوين والنصوص والمقاطع المظللة والملاحظات؛ أفضل
                                      المقالات أولًا. كلمات، "عبارات"، بادئة*، OR، ‎-كلمة، tag: label:
                                      source: author: in:articles|highlights|notes before:/after:YYYY[-MM[-DD]]
                                      case:"الاسم" reliability:A-B credibility:1-2 ungraded.
  dossier backup [--list]             نسخ المكتبة احتياطيًا الآن (مع الاحتفاظ بآخر 7 نسخ)، أو سرد
                                      النسخ الاحتياطية.
  dossier restore [BACKUP]            استعادة نسخة احتياطية (اسم من backup --list، أو ملف؛ وافتراضيًا
                                      الأحدث). تُفحص أولًا، وتُحفظ المكتبة الحالية جانبًا.
  dossier trash [list | restore ID | empty --yes]
                                      محتويات سلة المهملات؛ استرجاع مقالة أو مقطع مظلل منها؛ إفراغها.
  dossier case create NAME [--description TEXT] | case list [--all] | case add CASE_ID ARTICLE_ID…
                                      القضايا تجمع المقالات (يمكن أن تكون المقالة في أكثر من قضية).
  dossier highlight ARTICLE_ID --quote "exact text" [--label NAME] [--note MARKDOWN]
                    [--credibility 1-6] [--occurrence N]
                                      تظليل مقطع؛ يُرفض إن لم يكن الاقتباس في المقالة، أو ورد فيها
                                      أكثر من مرة دون --occurrence.
  dossier source list | source grade SOURCE_ID A-F [--reason TEXT]
                                      المصادر ودرجة موثوقيتها على مقياس الأميرالية (A–F)؛ تقييم أحدها.
  dossier claim add CASE_ID "statement" [--supports ID…] [--contradicts ID…] [--context ID…]
  dossier claim list --case CASE_ID   الادعاءات مع عدد أدلتها وأفضل تقييم والتحذيرات.
  dossier verify                      التحقق من كل أصل محفوظ مقابل بصمة SHA-256 الخاصة به، ومن
                                      سلسلة بصمات سجل النشاط؛ ينتهي برمز الخروج 1 مع تسمية ما يفشل.
  dossier manifest --case CASE_ID --out FILE
                                      بيان أدلة القضية (‎.json، أو ‎.csv بحسب الامتداد).
  dossier entities [--type person|org|place|selector] [--article ID]
                                      الأشخاص والمنظمات والأماكن والمُعرِّفات مع أسمائها البديلة
                                      ومواضع ذكرها (تُفهرس أولًا المقالات التي لم تُفهرس بعد).
  dossier timeline [--article ID] [--case ID] [--format csv|md]
                                      الأحداث المؤرخة، الأقدم أولًا، مع جملها.
  dossier ach --case CASE_ID [--matrix ID]
                                      مصفوفة فرضيات (الأولى في القضية، أو المسماة): الفرضيات الأقل
                                      تعارضًا أولًا، وصفوف الأدلة مع تقييماتها وأوزانها وقدرتها
                                      التشخيصية والصفوف المحورية.
  dossier report --case CASE_ID --format md|docx|html --out FILE [--style CSL_FILE]
                                      موجز القضية مع توثيق كل اقتباس في حاشية (ملاحظات شيكاغو، أو
                                      نمط CSL المحدد) وبيان الأدلة ملحقًا؛ وإن لم يُكتب موجز بعد،
                                      فمسودة بادعاءات القضية ومقاطعها المظللة. يُحتفظ بالملف الذي
                                      تغيّر منذ آخر تصدير: ويُكتب الجديد بجانبه.
  dossier help | --help | -h          عرض هذه المساعدة.
  dossier --version | -v              عرض رقم الإصدار.

خيارات كل الأوامر:
  --db PATH    ملف المكتبة. الافتراضي: ‎$DOSSIER_DB، وإلا فمكتبة تطبيق سطح المكتب
               (Linux ~/.config/Dossier/dossier.sqlite، macOS ~/Library/Application Support/Dossier/،
               Windows %APPDATA%\\Dossier\\).
  --json       طباعة النتائج بصيغة JSON (وهي نفسها في كل اللغات).
  --lang LANG  لغة الرسائل: en أو fr أو ar أو ja. الافتراضي: ‎$LC_ALL أو ‎$LC_MESSAGES أو
               ‎$LANG (الإنجليزية لـ C)، وإلا فلغة النظام.

رمز الخروج: 0 عند النجاح؛ 1 عند رفض ملف أو فشل الأمر؛ 2 لأمر مكتوب بشكل خاطئ.
`
