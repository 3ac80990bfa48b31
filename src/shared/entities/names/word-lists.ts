// Closed word lists the name rules read. Lower-case; compared with a word's lower-case form.

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/))

/** Titles and ranks fused to a person's name: kept as the role, not the name. */
export const TITLE_WORDS = set(`
  president vice prime deputy minister ministers secretary foreign defence defense interior finance
  justice economy trade energy health chief general gen lieutenant lt colonel col major maj captain capt
  commander admiral adm sergeant sgt corporal private marshal brigadier field senator sen representative
  rep congressman congresswoman governor gov mayor ambassador envoy judge justice prosecutor attorney
  chancellor king queen prince princess sheikh emir sultan pope cardinal bishop archbishop father rev
  reverend imam rabbi dr doctor professor prof mr mrs ms miss sir dame lord lady chairman chairwoman
  chairperson chair ceo cfo coo spokesman spokeswoman spokesperson director commissioner inspector
  detective officer agent premier speaker leader head acting former late state assistant under senior
  junior first second executive managing federal national regional interim special presidential
  national security adviser advisor counsel councillor councilor mp mep deputy-minister
`)

/** Title words that describe another title and are no title alone ("Deputy", "Foreign"). */
export const TITLE_MODIFIERS = set(`
  vice prime deputy foreign defence defense interior finance justice economy trade energy health chief
  acting former late state assistant under senior junior first second executive managing federal
  national regional interim special presidential security field lieutenant brigadier
`)

/** Words whose presence at the end makes a name an organisation ("Caspian Horizon Shipping Ltd"). */
export const ORG_SUFFIXES = set(`
  ltd ltd. limited llc llp inc inc. incorporated corp corp. corporation co co. company companies group
  holding holdings gmbh ag sa s.a. plc nv bv ab as asa oy spa srl oao ooo zao pjsc jsc ojsc pao sarl
  bank banks ministry agency council committee commission service services party army forces navy
  university college institute association union organisation organization front authority court
  parliament assembly federation foundation fund police guard guards brigade battalion regiment division
  office department bureau directorate network airlines airways shipping maritime marine tankers freight aviation lines logistics energy
  petroleum oil gas motors industries industry telecom media press club church movement alliance
  coalition centre center board tribunal senate congress cabinet commission secretariat consortium
  trust partners capital ventures investments securities exchange insurance systems technologies
  labs laboratories pharmaceuticals trading resources mining steel chemicals enterprises
  unit units squad taskforce corps command fleet brigades militia cartel syndicate gang mission embassy consulate observatory
  times post news journal herald gazette tribune telegraph guardian reuters agencies radio television tv
  school academy hospital clinic society council league federation confederation
`)

/** Words that open an organisation's name and take "of": "Ministry of Foreign Affairs". */
export const ORG_HEADS = set(`
  ministry department bank university office council committee commission institute organisation
  organization federation union league court agency service board embassy bureau directorate
  party church academy school college society association chamber house senate army navy
  fund foundation secretariat cabinet government
`)

/** Words that make a name a place: "Donetsk Region", "Gulf of Aden", "Black Sea". */
export const PLACE_SUFFIXES = set(`
  province region oblast krai raion district county state city town village river sea ocean strait
  gulf bay island islands isles peninsula mountains mountain valley desert lake canal port harbour
  harbor airport airbase base border crossing square street avenue road bridge dam plant field
  governorate prefecture municipality territory territories republic emirate heights strip bank corridor
`)
export const PLACE_HEADS = set(`gulf sea strait bay isle island islands lake port city republic kingdom state county mount cape`)

/** Lower-case particles inside a person's name: "Ursula von der Leyen", "Mohammed bin Salman". */
export const NAME_PARTICLES = set(`de da di del della van von der den du la le bin ibn bint al el ben dos das do y`)

/** Prepositions after which a lone unknown capitalised word is a place: "fighting in Bakhmut". */
export const PLACE_PREPOSITIONS = set(`in near outside across around towards toward into from through via inside`)

/** Words after a name that say it is a person: "Kaya said", "Petrova, who". */
export const PERSON_VERBS = set(`said says told added wrote argued insisted denied admitted recalled explained warned claimed asked replied noted stressed`)

/** All-capital words that are not organisations. */
export const NOT_ACRONYMS = set(`
  ceo cfo coo cto gdp am pm tv ok id pdf usd eur gbp rub uah utc gmt est pst cet ii iii iv vi vii viii
  ix xi xii xx xxi ai it hq vip dna rna ufo faq ngo ngos mp mps mep meps covid q1 q2 q3 q4 no vs
  a i ad bc op ed oped vat kg km mw gw kw lng lpg cctv gps sms url ip isbn imo iban uk us usa uae eu
`)

/** Capitalised words that open sentences in other languages and are no names. */
export const SENTENCE_WORDS = set(`
  le la les un une des du de dans en selon mais pour après avant lors ce cette ces il elle ils elles
  on nous vous sur par au aux et ou si comme depuis pendant quand alors puis ainsi
  der die das ein eine einer im in am an auf nach laut aber und oder mit bei für wie wenn dann als es er sie wir
  el los las una en según por para con pero y o desde tras durante cuando como lo
  в на по как это но и однако он она они мы при после до за из от для что когда также так его её их
  у к с о об а же ещё уже тогда ранее позже сейчас сегодня вчера
  a o e os as um uma em no na nos nas segundo mas com
  il lo gli nel nella secondo ma con per dopo prima
`)

/** Words that make a capitalised name an organisation in other languages. */
export const FOREIGN_ORG_WORDS = set(`
  ministère banque agence conseil commission union parti armée cour tribunal assemblée fondation
  société groupe compagnie université institut organisation fédération office direction service
  ministerium bank agentur rat kommission partei armee gericht bundestag stiftung gesellschaft gruppe
  universität institut verband bundesamt behörde
  ministerio banco agencia consejo comisión partido ejército corte tribunal asamblea fundación
  sociedad grupo compañía universidad instituto organización federación
  министерство банк агентство совет комиссия партия армия суд фонд компания группа университет
  институт организация федерация служба управление
`)

/** Titles before a name in other languages: "M. Macron", "ministre Lavrov". */
export const FOREIGN_TITLES = set(`
  m. mme mlle président présidente ministre général colonel maire ambassadeur porte-parole
  herr frau präsident präsidentin minister ministerin kanzler kanzlerin bürgermeister general
  señor señora presidente presidenta ministro ministra general alcalde embajador portavoz
  президент министр генерал глава мэр посол премьер-министр депутат губернатор
`)
