//! Word lists the extractor relies on. Kept in one place so that a newcomer can see (and
//! extend) every piece of English the rules know.

/// Verbs that attribute words to a speaker, in the forms news writing uses.
pub const SAY_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "noted", "notes",
    "stated", "states", "explained", "explains", "remarked", "remarks", "tweeted", "tweets",
    "posted", "asked", "asks", "replied", "replies", "responded", "answered", "continued",
    "continues", "insisted", "insists", "argued", "argues", "claimed", "claims", "declared",
    "declares", "announced", "announces", "confirmed", "confirms", "emphasized", "emphasised",
    "emphasizes", "emphasises", "stressed", "stresses", "warned", "warns", "cautioned", "urged",
    "urges", "acknowledged", "admitted", "conceded", "observed", "recalled", "recalls",
    "predicted", "blamed", "accused", "denied", "denies", "described", "describes", "called",
    "calls", "characterized", "characterised", "reiterated", "maintained", "asserted",
    "revealed", "indicated", "testified", "quipped", "shouted", "directed", "ordered", "defines",
    "defined", "requires", "required", "wrote", "pledged", "promised", "vowed", "concluded",
    "alleged", "suggested", "complained", "boasted", "joked", "mused", "opined", "texted",
    "messaged", "contrasts", "reads", "read",
];

/// The subset of [`SAY_VERBS`] that introduces reported speech ("X confirmed that …").
pub const REPORT_VERBS: &[&str] = &[
    "said", "says", "told", "stated", "states", "emphasized", "emphasised", "emphasizes",
    "confirmed", "confirms", "noted", "added", "argued", "argues", "claimed", "claims",
    "insisted", "insists", "warned", "warns", "blamed", "accused", "denied", "denies",
    "announced", "announces", "explained", "acknowledged", "admitted", "asserted", "maintained",
    "reiterated", "stressed", "revealed", "cautioned", "urged", "recalled", "testified",
    "declared", "predicted", "alleged", "conceded", "pledged", "promised", "vowed",
    "complained", "reported",
];

/// Nouns for an utterance, used in "the Pentagon's request for "…"".
pub const SPEECH_NOUNS: &[&str] = &[
    "request", "statement", "words", "remarks", "assessment", "claim", "demand", "call",
    "pledge", "promise", "warning", "description", "definition", "order", "message", "post",
    "tweet", "letter", "interview", "announcement", "comments", "comment", "reply", "response",
    "testimony", "speech", "verdict", "ruling", "proclamation",
];

/// Adverbs and auxiliaries that may stand between a subject and its verb.
pub const VERB_FILLERS: &[&str] = &[
    "also", "further", "then", "later", "squarely", "repeatedly", "previously", "recently",
    "once", "had", "has", "have", "publicly", "additionally", "again", "first",
    "explicitly", "directly", "subsequently", "reportedly", "earlier", "quickly", "simply",
    "flatly", "privately", "bluntly", "clearly", "firmly", "openly", "initially", "finally",
    "famously", "angrily", "told", "personally", "proudly", "loudly", "immediately", "never",
    "often", "already", "both", "all",
];

/// Personal titles that precede a name ("Senator Cruz", "Interior Minister Joachim Brudziński").
pub const TITLES: &[&str] = &[
    "president", "vice", "prime", "minister", "secretary", "senator", "sen", "rep",
    "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "dr", "mr",
    "mrs", "ms", "miss", "prof", "professor", "general", "gen", "lt", "col", "colonel", "major",
    "captain", "capt", "sgt", "sergeant", "admiral", "adm", "chancellor", "king", "queen",
    "prince", "princess", "crown", "sheikh", "emir", "pope", "archbishop", "bishop", "cardinal",
    "rabbi", "imam", "judge", "justice", "chief", "director", "ambassador", "leader", "chairman",
    "chairwoman", "chair", "commissioner", "delegate", "prosecutor", "speaker", "ceo", "cfo",
    "coo", "cto", "founder", "deputy", "spokesman", "spokeswoman", "spokesperson", "officer",
    "attorney", "councillor", "councilor", "councilman", "premier", "sir", "dame", "lord",
    "lady", "inspector", "detective", "sheriff", "pastor", "rev", "reverend", "envoy",
    "president-elect", "secretary-general", "chief-of-staff", "minister-president", "ex-prime",
    "ex-president", "ex-minister", "chairperson", "lawmaker", "mp", "mep", "economist",
    "editor", "correspondent", "reporter", "analyst",
];

/// Lower-case nouns for people and bodies that can carry an utterance ("a senior official",
/// "the spokesperson") or sit before a name ("student protester Joshua Wong").
pub const ROLE_NOUNS: &[&str] = &[
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources",
    "officer", "diplomat", "analyst", "expert", "witness", "resident", "protester", "protestor",
    "aide", "adviser", "advisor", "minister", "lawmaker", "senator", "president", "journalist",
    "reporter", "correspondent", "editor", "columnist", "broadcaster", "activist", "student",
    "professor", "researcher", "scientist", "economist", "lawyer", "attorney", "prosecutor",
    "judge", "director", "chief", "executive", "leader", "founder", "member", "candidate",
    "fiancée", "fiancee", "wife", "husband", "mother", "father", "son", "daughter", "brother",
    "sister", "friend", "rapporteur", "envoy", "ambassador", "commander", "general", "secretary",
    "mayor", "governor", "premier", "chancellor", "ceo", "manager", "owner", "worker", "voter",
    "victim", "survivor", "doctor", "nurse", "teacher", "police", "company", "ministry",
    "government", "directive", "department", "agency", "committee", "court", "report",
    "statement", "administration", "campaign", "party", "council", "group", "union", "firm",
    "organization", "organisation", "spokespeople", "representative", "person", "man", "woman",
    "people", "user", "users", "critic", "critics", "supporter", "supporters", "insider",
    "negotiator", "historian", "author", "writer", "blogger", "host", "anchor", "president's",
];

/// Capitalised words that end the name of an organisation ("Amnesty International").
pub const ORG_WORDS: &[&str] = &[
    "international", "council", "party", "platform", "ministry", "department", "university",
    "institute", "institution", "agency", "association", "organization", "organisation",
    "committee", "commission", "court", "times", "post", "news", "journal", "network",
    "service", "administration", "bank", "group", "foundation", "society", "union", "company",
    "corporation", "corp", "inc", "ltd", "llc", "project", "office", "house", "senate",
    "congress", "parliament", "army", "navy", "force", "forces", "police", "program",
    "programme", "fund", "center", "centre", "school", "college", "hospital", "church",
    "archive", "orchestra", "charity", "club", "league", "federation", "authority", "board",
    "bureau", "guard", "command", "coalition", "alliance", "government", "republic", "kingdom",
    "states", "nations", "assembly", "cabinet", "kremlin", "pentagon", "treaty", "act",
    "directive", "order", "report", "review", "magazine", "press", "radio", "television", "tv",
    "library", "museum", "council", "tribunal", "embassy", "consulate", "region", "province",
    "city", "county", "airport", "station", "street", "square", "gazette", "herald", "tribune",
    "observer", "telegraph", "express", "daily", "weekly", "record", "archives", "security",
    "section", "article", "resolution", "bill", "law", "code", "constitution", "charter",
];

/// Capitalised words that begin sentences or headlines without being names.
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "my", "your", "in", "on", "at", "as", "after",
    "before", "while", "however", "but", "and", "or", "yet", "so", "if", "when", "although",
    "though", "because", "since", "despite", "according", "such", "both", "some", "many",
    "other", "another", "any", "each", "every", "one", "now", "then", "there", "here", "what",
    "why", "how", "who", "where", "which", "following", "during", "under", "over", "with",
    "without", "for", "from", "by", "to", "of", "also", "meanwhile", "yesterday", "today",
    "tomorrow", "last", "next", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "speaking", "asked", "most",
    "more", "all", "no", "not", "yes", "even", "still", "only", "just", "interestingly",
    "absolutely", "historically", "therefore", "thus", "instead", "moreover", "furthermore",
    "indeed", "perhaps", "possibly", "paradoxically", "whether", "unlike", "like", "until",
    "once", "earlier", "later", "finally", "first", "second", "third", "q", "mr", "mrs", "ms",
    "dr", "do", "does", "did", "is", "are", "was", "were", "can", "could", "would", "should",
    "will", "let", "should", "said", "says", "some", "several", "few", "much", "among", "within",
    "about", "above", "below", "between", "against", "toward", "towards", "upon", "into",
    "onto", "through", "throughout", "across", "along", "around", "behind", "beyond", "near",
    "up", "down", "out", "off", "again", "ago", "end", "related", "yeah", "ok", "okay", "well",
    "oh", "please", "thank", "thanks", "sir", "madam", "welcome", "everyone", "nobody",
    "somebody", "anyone", "someone", "everybody", "people", "note", "notes", "see",
];

/// Words that join the parts of a name ("Mohammad bin Salman", "Ursula von der Leyen").
pub const NAME_PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "al", "al-", "el", "de", "del", "della", "der", "den", "van", "von",
    "da", "di", "du", "dos", "das", "la", "le", "y", "ter", "abu", "ben",
];

/// Prepositions that make the noun phrase after them an object, not a subject.
pub const OBJECT_PREPOSITIONS: &[&str] = &[
    "to", "with", "of", "for", "from", "by", "at", "on", "in", "into", "about", "against",
    "between", "among", "toward", "towards", "than", "like", "over", "under", "alongside",
    "via", "through", "without",
];

/// Words that hedge a statement or mark it as opinion or prediction.
pub const HEDGES: &[&str] = &[
    "may", "might", "could", "would", "should", "must", "can", "will", "shall", "likely",
    "unlikely", "possibly", "perhaps", "probably", "maybe", "appears", "appear", "appeared",
    "seems", "seem", "seemed", "suggest", "suggests", "suggesting", "speculation",
    "speculations", "speculative", "speculate", "reportedly", "allegedly", "plausible",
    "arguably", "apparently", "presumably", "supposedly", "if", "unless", "whether", "believe",
    "believes", "think", "thinks", "opinion", "feel", "feels", "hope", "hopes", "wish",
    "potentially", "expected", "expect", "expects", "predict",
    "predicts", "seemingly", "rumored", "rumoured", "purportedly", "ostensibly", "i", "my",
    "me", "you", "your", "imagine", "let's", "ought", "indicate", "indicates", "tends", "tend",
];

/// Irregular past-tense verbs (regular ones end in -ed).
pub const IRREGULAR_PAST: &[&str] = &[
    "met", "led", "took", "made", "gave", "won", "lost", "held", "began", "became", "came",
    "went", "saw", "found", "left", "fell", "rose", "ran", "set", "sent", "spent", "paid",
    "sold", "built", "brought", "thought", "fought", "struck", "told", "said", "wrote", "put",
    "cut", "hit", "quit", "shot", "stood", "sat", "spoke", "broke", "chose", "drove", "flew",
    "grew", "knew", "threw", "wore", "beat", "bought", "caught", "taught", "dealt", "felt",
    "kept", "meant", "slept", "swept", "won", "withdrew", "overtook", "undertook", "arose",
    "forbade", "froze", "hid", "bit", "lit", "slid", "split", "spread", "sank", "sang", "swam",
    "drew", "ate", "forgot", "got", "underwent", "oversaw", "shut", "bore", "tore",
];

/// Forms of "to be" and "to have" and "to do" that carry tense.
pub const FINITE_AUX: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "did", "does", "do", "been",
];

pub fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}
