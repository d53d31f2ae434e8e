//! A deterministic synthetic news corpus for the extraction benchmark.
//!
//! Every article is built from invented prose by a small seeded PRNG (splitmix64), so the same
//! seed always gives the same bytes. Articles mix plain text and Markdown, the quotation styles
//! and attribution patterns the extractor handles, reported speech, factual and opinion
//! sentences, inline sources, Markdown links, reference lists and scraped page furniture.

use dossier::article::Format;

/// One generated article.
pub struct Doc {
    pub path: String,
    pub text: String,
    pub format: Format,
}

/// Generate articles until their total size reaches `target_bytes`.
pub fn generate(target_bytes: usize, seed: u64) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut total = 0;
    while total < target_bytes {
        let doc = article(seed, docs.len());
        total += doc.text.len();
        docs.push(doc);
    }
    docs
}

/// splitmix64: tiny, fast and good enough to vary templates.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64) / ((1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists (all invented for this benchmark).

const FIRST_F: &[&str] = &[
    "Clara",
    "Amara",
    "Imogen",
    "Rosa",
    "Nadia",
    "Helena",
    "Priya",
    "Ingrid",
    "Lucia",
    "Yara",
    "Mireille",
    "Tomoko",
    "Beatrix",
    "Odette",
    "Saoirse",
    "Fatima",
    "Greta",
    "Leonie",
    "Marisol",
    "Wen",
    "Zofia",
    "Ama",
    "Delphine",
    "Katarzyna",
];
const FIRST_M: &[&str] = &[
    "Tobias", "Rafael", "Kwame", "Anders", "Dmitri", "Hugo", "Idris", "Matthias", "Oisin", "Pavel",
    "Santiago", "Theo", "Viktor", "Jonah", "Emeka", "Lorenzo", "Arjun", "Casimir", "Bram", "Felix",
    "Joaquín", "Malik", "Stellan", "Cormac",
];
const SURNAMES: &[&str] = &[
    "Odum",
    "Lindqvist",
    "Hale",
    "Vance",
    "Okafor",
    "Marchetti",
    "Brennan",
    "Castellanos",
    "Nakamura",
    "Petrovic",
    "Achterberg",
    "Delacroix",
    "Fairweather",
    "Oyelaran",
    "Szabo",
    "Whitlock",
    "Haddad",
    "Kowalczyk",
    "Moreau",
    "Quint",
    "Rasmussen",
    "Thornbury",
    "Varga",
    "Yilmaz",
    "Abernathy",
    "Calloway",
    "Dunmore",
    "Eriksen",
    "Galloway",
    "Ishikawa",
    "Lachance",
    "Mbatha",
    "Nørgaard",
    "O'Hare",
    "Ferreira-Lund",
    "van der Berg",
    "Solberg",
    "Tremaine",
    "Uchenna",
    "Wexford",
    "Zielinski",
    "Bellamy",
    "Crowther",
    "Duarte",
];
const TITLES: &[&str] = &[
    "Finance Minister",
    "Deputy Mayor",
    "Mayor",
    "Senator",
    "Dr.",
    "Professor",
    "Councillor",
    "Police Chief",
    "Health Secretary",
    "Transport Minister",
    "Governor",
    "Commissioner",
    "Rep.",
    "Gen.",
    "Chief Executive",
    "Opposition leader",
];
const ROLES: &[&str] = &[
    "chief economist at {inst}",
    "a spokesperson for {org}",
    "director of {org}",
    "a senior analyst at {inst}",
    "who chairs the council's finance committee",
    "president of the {union}",
    "a resident of {town} for {n} years",
    "an engineer who worked on the {project}",
    "the {body}'s head of planning",
    "a researcher at {inst}",
    "who runs a bakery near the harbour",
    "a former adviser to the {body}",
];
const ORGS: &[&str] = &[
    "the Harbour Valley Water Authority",
    "the Ministry of Transport",
    "the Regional Health Board",
    "Calder & Finch Engineering",
    "the Port Ellery Chamber of Commerce",
    "the National Audit Office",
    "Meridian Rail",
    "the Coastal Fisheries Council",
    "Brightwater Energy",
    "the Office for Budget Review",
    "the Greyford Housing Trust",
    "Saltmarsh Logistics",
];
const INSTS: &[&str] = &[
    "the Northgate Institute",
    "Lindmoor University",
    "the Centre for Civic Data",
    "the Ashgrove Policy Forum",
    "Westhaven Business School",
];
const UNIONS: &[&str] = &[
    "Teachers' Federation",
    "Transport Workers' Union",
    "Nurses' Association",
    "Dockers' Guild",
];
const TOWNS: &[&str] = &[
    "Calverton",
    "Port Ellery",
    "Ashgrove",
    "Lindmoor",
    "Westhaven",
    "Marrow Bay",
    "Kettering Falls",
    "Saltmarsh",
    "Greyford",
    "Oakhollow",
    "New Amsel",
    "Dunmere",
    "Brackenridge",
    "Sorrel Point",
];
const OUTLETS: &[&str] = &[
    "Reuters",
    "the Associated Press",
    "Bloomberg",
    "the BBC",
    "The Guardian",
    "the Financial Times",
    "Politico",
    "Al Jazeera",
    "Le Monde",
    "the Port Ellery Gazette",
    "the Lindmoor Courier",
    "Coastline Radio",
];
const HOSTS: &[&str] = &[
    "www.reuters.com",
    "apnews.com",
    "www.bbc.co.uk",
    "www.theguardian.com",
    "www.ft.com",
    "www.politico.eu",
    "www.porterllerygazette.example",
    "lindmoorcourier.example.net",
    "data.civic-records.example.org",
    "www.audit-office.example.gov",
];
const JOURNALS: &[&str] = &[
    "Journal of Regional Economics",
    "Urban Infrastructure Review",
    "Public Health Quarterly",
    "Coastal Policy Studies",
    "Energy and Society",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

struct Topic {
    name: &'static str,
    projects: &'static [&'static str],
    issues: &'static [&'static str],
    metrics: &'static [&'static str],
    bodies: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        name: "water",
        projects: &[
            "reservoir upgrade",
            "treatment plant",
            "pipe replacement programme",
        ],
        issues: &["water bills", "leak rates", "drought restrictions"],
        metrics: &["households", "kilometres of pipe", "litres a day"],
        bodies: &["city council", "water authority", "regional assembly"],
    },
    Topic {
        name: "transport",
        projects: &["tram extension", "bus network redesign", "rail link"],
        issues: &["fares", "delays", "ridership figures"],
        metrics: &["passengers a day", "kilometres of track", "stations"],
        bodies: &["transport committee", "city council", "rail regulator"],
    },
    Topic {
        name: "housing",
        projects: &["social housing scheme", "rent cap", "zoning reform"],
        issues: &["rents", "waiting lists", "vacancy rates"],
        metrics: &["homes", "flats", "families"],
        bodies: &["housing board", "city council", "planning committee"],
    },
    Topic {
        name: "health",
        projects: &["hospital expansion", "night clinic", "staffing plan"],
        issues: &[
            "waiting times",
            "nurse shortages",
            "ambulance response times",
        ],
        metrics: &["beds", "nurses", "patients a week"],
        bodies: &["health board", "health ministry", "hospital trust"],
    },
    Topic {
        name: "energy",
        projects: &["offshore wind farm", "grid upgrade", "heat pump subsidy"],
        issues: &["power prices", "outages", "emissions"],
        metrics: &["megawatts", "households", "turbines"],
        bodies: &["energy regulator", "regional assembly", "grid operator"],
    },
    Topic {
        name: "trade",
        projects: &["tariff package", "export deal", "customs agreement"],
        issues: &["steel tariffs", "shipping costs", "import quotas"],
        metrics: &["containers", "tonnes of steel", "jobs"],
        bodies: &["trade ministry", "customs office", "parliament"],
    },
    Topic {
        name: "schools",
        projects: &["school budget", "curriculum review", "free meals programme"],
        issues: &["class sizes", "teacher pay", "exam results"],
        metrics: &["pupils", "teachers", "schools"],
        bodies: &["education board", "school district", "city council"],
    },
    Topic {
        name: "fisheries",
        projects: &["quota deal", "harbour dredging project", "marine reserve"],
        issues: &["catch limits", "fuel costs", "fish stocks"],
        metrics: &["boats", "tonnes of cod", "licences"],
        bodies: &["fisheries council", "harbour board", "marine agency"],
    },
];

const HEADLINES: &[&str] = &[
    "{Town} {project} faces fresh delays as costs climb",
    "Why {issue} in {town} are not coming down",
    "Inside the fight over the {project}",
    "{^body} backs {project} after {n}-hour debate",
    "What the {project} means for {town}",
    "Opinion: {town} deserves better than this {project}",
    "{^issue} hit a record as the {body} weighs its options",
    "Explainer: the {project}, in {n} numbers",
    "The quiet collapse of the {town} {project}",
    "{^body} under pressure over {issue}",
];

const FACTS: &[&str] = &[
    "The {body} approved {money} for the {project} on {date}.",
    "The {project} was first proposed in {year0}, and work began {n} months later.",
    "{Town} has about {big} {metric}, up from {big2} in {year0}.",
    "Figures released on {weekday} show {issue} rose {pct} percent in the year to {month}.",
    "According to the latest census, {pct}% of households in {town} rent their homes.",
    "The {body} met {n} times between {month} and {month2} {year}.",
    "By {date}, {big} {metric} had been affected.",
    "The previous plan, agreed in {year0}, was expected to cost {money}.",
    "{^org} employs {big} people across {n} sites.",
    "In {year0}, the same {body} rejected a similar proposal by {n} votes to {m}.",
    "Construction is due to finish in {month} {year1}, {n} months later than first planned.",
    "The region lost {big} {metric} between {year0} and {year}.",
    "About {pct} percent of the budget, or {money}, goes on maintenance.",
    "The last full review of {issue} took place in {year0}.",
    "On {date}, the {body} published a {n}-page summary of its findings.",
    "{Town2} introduced a similar scheme in {year0} at a cost of {money}.",
    "Turnout at the {month} consultation was {pct} percent, the lowest since {year0}.",
    "The {body} has {n} members, {m} of whom were elected in {year}.",
    "Spending on {issue} fell from {money} in {year0} to {money} last year.",
    "{^org} signed the contract on {date} after {n} rounds of bidding.",
    "Only {m} of the {big} promised {metric} had been delivered by the end of {year}.",
    "The average household in {town} now pays {money} a year, {pct}% more than in {year0}.",
];

const OPINIONS: &[&str] = &[
    "It is difficult to see how this ends well for {town}.",
    "Frankly, the {body} should have acted years ago.",
    "This is, in our view, a mistake the region will come to regret.",
    "Nobody should pretend the {project} is a bargain.",
    "The whole episode feels like a missed opportunity.",
    "Critics will say the plan goes too far; they are probably wrong.",
    "Surely voters deserve a clearer answer than this.",
    "There is something admirable about the ambition, if not the execution.",
    "Perhaps the most troubling part is how little anyone seems to mind.",
    "What {town} needs now is honesty, not another consultation.",
    "It would be generous to call the rollout chaotic.",
    "One can only hope the next {body} learns from this.",
    "The {body} owes {town} an apology, and a plan.",
    "To be blunt, nobody comes out of this well.",
    "It is hard to imagine a worse way to spend {money}.",
    "Residents have every right to be angry.",
    "The {project} was always more about headlines than {issue}.",
    "We should be wary of anyone promising quick fixes.",
    "This newspaper has long argued that {issue} deserve more attention.",
    "In truth, the problem was never money; it was nerve.",
    "Whatever one thinks of the {project}, the process was a disgrace.",
    "It is time the {body} stopped hiding behind consultants.",
    "Sadly, the people of {town2} know exactly how this story ends.",
    "That is not leadership; it is drift.",
];

const CLAUSES: &[&str] = &[
    "the {project} would be finished by {month} {year1}",
    "{issue} had risen faster than expected",
    "talks with {org} had stalled over the summer",
    "about {big} {metric} could be affected",
    "the {body} had no plans to revisit {issue}",
    "an independent review would report in {month}",
    "the budget for the {project} had grown by {pct} percent",
    "the figures were {oq}broadly accurate{cq} but incomplete",
    "{n} contractors had withdrawn from the tender",
    "the {body} would publish the full costings before {month}",
    "earlier estimates had understated {issue} by roughly {money}",
    "the scheme had already saved {money} since {year0}",
    "a second phase was under consideration",
    "the deadline of {date} would not be met",
    "the {body} had underestimated demand from the start",
    "{n} staff had been moved to other projects",
    "the contract with {org} would be renegotiated",
    "residents of {town2} would be consulted first",
    "no decision would be taken before the {month} elections",
];

const SPEECH: &[&str] = &[
    "We are not going to walk away from the {project}",
    "Nobody in {town} should have to wait {n} years for this",
    "I think the numbers speak for themselves",
    "This is the most important decision the {body} will make this decade",
    "Frankly, we were never given the full picture",
    "If the money isn't there, it isn't there",
    "People here are tired of promises",
    "We have asked for the data {n} times and we're still waiting",
    "It's not a perfect plan, but it's a plan",
    "I've lived in {town} for {n} years and I've never seen anything like it",
    "There is no version of this where {issue} go down next year",
    "Our members voted for this, and we'll see it through",
    "The {project} will pay for itself within a decade",
    "We owe it to the next generation to get this right",
    "Anyone who tells you this is simple hasn't read the report",
    "We expected {big} {metric}, and we got less than half of that",
    "I don't accept that {issue} are out of our control",
    "The {body} has been clear from the start",
    "We knew the risks and we went ahead anyway",
    "Every week of delay costs this town money",
    "My grandmother remembers the last time they promised this",
    "Nobody from the {body} has been down here to see it",
    "You can't run a {project} on goodwill alone",
    "The figures we were shown in {year0} were simply wrong",
    "If they had listened to us, we wouldn't be here",
    "We'll keep going until the last {metric} are counted",
];

const QUESTIONS: &[&str] = &[
    "Who is going to pay for it",
    "Why should {town} trust them now",
    "What happens when the money runs out",
    "How many more reviews do we need",
];

const VERBS: &[&str] = &[
    "said",
    "confirmed",
    "announced",
    "warned",
    "argued",
    "insisted",
    "claimed",
    "acknowledged",
    "suggested",
    "noted",
    "estimated",
    "told reporters",
    "pointed out",
    "admitted",
];

const AFTER_VERBS: &[&str] = &[
    "said",
    "said",
    "said",
    "added",
    "told reporters",
    "noted",
    "warned",
    "explained",
];

const ANON: &[&str] = &[
    "one official, who asked not to be named",
    "a senior aide familiar with the talks",
    "a person close to the negotiations",
    "one council member",
];

const REF_HEADINGS: &[&str] = &[
    "References",
    "Sources",
    "Notes",
    "Footnotes",
    "Further reading",
    "Bibliography",
];

const SECTIONS: &[&str] = &[
    "News", "Local", "Politics", "Business", "Opinion", "Region", "World",
];

const SUBHEADS: &[&str] = &[
    "What happens next",
    "A long history of delays",
    "The numbers behind the {project}",
    "Who pays?",
    "Reaction in {town}",
    "The view from the {body}",
    "Why it matters",
    "Background",
];

const SUPERSCRIPTS: &[&str] = &["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum QuoteStyle {
    Straight,
    Curly,
    Guillemet,
    Mixed,
}

#[derive(Clone, Copy, PartialEq)]
enum RefStyle {
    Numbered,
    Bracketed,
    Apa,
    Footnote,
}

struct Person {
    first: &'static str,
    last: &'static str,
    /// 0 she, 1 he, 2 they.
    gender: u8,
    title: Option<&'static str>,
    role: String,
    mentioned: bool,
}

/// The state of one article being written.
struct Writer {
    rng: Rng,
    md: bool,
    style: QuoteStyle,
    topic: &'static Topic,
    town: &'static str,
    project: &'static str,
    body: &'static str,
    paper: String,
    year: i64,
    cast: Vec<Person>,
    last: Option<usize>,
    refs: usize,
    ref_style: RefStyle,
    /// Templates used lately, to keep an article from repeating itself.
    recent: Vec<&'static str>,
    /// Multiplies the body's target length (1.0 for the benchmark corpus).
    scale: f64,
    /// The current quote's marks (set by `marks`).
    oq: &'static str,
    cq: &'static str,
}

/// Article number `index` of the corpus for `seed`.
pub fn article(seed: u64, index: usize) -> Doc {
    article_scaled(seed, index, 1.0)
}

/// The same article with a body `scale` times as long (same headline, cast and style; at 1.0
/// exactly `article`).
pub fn article_scaled(seed: u64, index: usize, scale: f64) -> Doc {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    rng.next_u64();
    let md = rng.chance(0.4);
    let style = match rng.below(10) {
        0..=3 => QuoteStyle::Straight,
        4..=7 => QuoteStyle::Curly,
        8 => QuoteStyle::Guillemet,
        _ => QuoteStyle::Mixed,
    };
    let topic = rng.pick(TOPICS);
    let town = *rng.pick(TOWNS);
    let project = *rng.pick(topic.projects);
    let body = *rng.pick(topic.bodies);
    let paper = match rng.below(3) {
        0 => format!("The {town} Herald"),
        1 => format!("{town} Daily"),
        _ => "Coastline News".to_string(),
    };
    let year = rng.range(2016, 2025);
    let refs = if rng.chance(0.6) {
        rng.range(2, 8) as usize
    } else {
        0
    };
    let ref_style = match rng.below(4) {
        0 => RefStyle::Numbered,
        1 => RefStyle::Bracketed,
        2 => RefStyle::Apa,
        _ => RefStyle::Footnote,
    };
    let mut w = Writer {
        rng,
        md,
        style,
        topic,
        town,
        project,
        body,
        paper,
        year,
        cast: Vec::new(),
        last: None,
        refs,
        ref_style,
        recent: Vec::new(),
        scale,
        oq: "\"",
        cq: "\"",
    };
    w.cast_people();
    let text = w.write();
    let (ext, format) = if md {
        ("md", Format::Markdown)
    } else {
        ("txt", Format::Text)
    };
    Doc {
        path: format!("articles/bench-{index:06}.{ext}"),
        text,
        format,
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Hard-wrap prose at `width` columns, as text copied from e-mail or PDF often is.
fn wrap(block: &str, width: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    for word in block.split(' ') {
        let n = word.chars().count();
        if col > 0 && col + 1 + n > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += n;
    }
    out
}

impl Writer {
    fn cast_people(&mut self) {
        let n = self.rng.range(2, 4) as usize;
        let mut surnames: Vec<&'static str> = SURNAMES.to_vec();
        self.rng.shuffle(&mut surnames);
        for &last in surnames.iter().take(n) {
            let gender = match self.rng.below(9) {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            };
            let first = if gender == 0 || (gender == 2 && self.rng.chance(0.5)) {
                *self.rng.pick(FIRST_F)
            } else {
                *self.rng.pick(FIRST_M)
            };
            let (title, role) = if self.rng.chance(0.5) {
                (Some(*self.rng.pick(TITLES)), String::new())
            } else {
                let r = *self.rng.pick(ROLES);
                (None, self.fill(r))
            };
            self.cast.push(Person {
                first,
                last,
                gender,
                title,
                role,
                mentioned: false,
            });
        }
    }

    /// A template from `list`, avoiding the ones used lately when it can.
    fn template(&mut self, list: &[&'static str]) -> &'static str {
        let mut t = *self.rng.pick(list);
        for _ in 0..4 {
            if !self.recent.contains(&t) {
                break;
            }
            t = *self.rng.pick(list);
        }
        if self.recent.len() >= 24 {
            self.recent.remove(0);
        }
        self.recent.push(t);
        t
    }

    /// Choose the quotation marks for the next quotation.
    fn marks(&mut self) {
        let style = if self.style == QuoteStyle::Mixed {
            *self.rng.pick(&[
                QuoteStyle::Straight,
                QuoteStyle::Curly,
                QuoteStyle::Guillemet,
            ])
        } else {
            self.style
        };
        (self.oq, self.cq) = match style {
            QuoteStyle::Curly => ("\u{201c}", "\u{201d}"),
            QuoteStyle::Guillemet if self.rng.chance(0.3) => ("\u{ab}\u{a0}", "\u{a0}\u{bb}"),
            QuoteStyle::Guillemet => ("\u{ab}", "\u{bb}"),
            _ => ("\"", "\""),
        };
    }

    fn date(&mut self) -> String {
        let m = *self.rng.pick(MONTHS);
        let d = self.rng.range(1, 28);
        let y = self.year - self.rng.range(0, 1);
        if self.rng.chance(0.5) {
            format!("{m} {d}, {y}")
        } else {
            format!("{d} {m} {y}")
        }
    }

    fn money(&mut self) -> String {
        let cur = *self.rng.pick(&["$", "£", "€"]);
        match self.rng.below(4) {
            0 => format!("{cur}{}", thousands(self.rng.range(12, 990) * 1000)),
            1 => format!(
                "{cur}{}.{} million",
                self.rng.range(1, 480),
                self.rng.range(1, 9)
            ),
            2 => format!(
                "{cur}{}.{} billion",
                self.rng.range(1, 12),
                self.rng.range(1, 9)
            ),
            _ => format!("{} million euros", self.rng.range(2, 300)),
        }
    }

    /// Replace `{key}` placeholders; `{^key}` capitalises the value.
    fn fill(&mut self, tpl: &str) -> String {
        let mut out = String::with_capacity(tpl.len() + 32);
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("unclosed placeholder");
            let key = &rest[open + 1..close];
            let (upper, key) = match key.strip_prefix('^') {
                Some(k) => (true, k),
                None => (false, key),
            };
            let value = self.slot(key);
            if upper {
                out.push_str(&cap(&value));
            } else {
                out.push_str(&value);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn slot(&mut self, key: &str) -> String {
        let r = &mut self.rng;
        match key {
            "town" | "Town" => self.town.to_string(),
            "town2" | "Town2" => r.pick(TOWNS).to_string(),
            "project" => {
                if r.chance(0.8) {
                    self.project.to_string()
                } else {
                    r.pick(self.topic.projects).to_string()
                }
            }
            "issue" => r.pick(self.topic.issues).to_string(),
            "metric" => r.pick(self.topic.metrics).to_string(),
            "body" => self.body.to_string(),
            "org" => r.pick(ORGS).to_string(),
            "inst" => r.pick(INSTS).to_string(),
            "union" => r.pick(UNIONS).to_string(),
            "outlet" => r.pick(OUTLETS).to_string(),
            "n" => r.range(2, 30).to_string(),
            "m" => r.range(1, 9).to_string(),
            "big" | "big2" => thousands(r.range(120, 250_000)),
            "pct" => {
                if r.chance(0.3) {
                    format!("{}.{}", r.range(1, 60), r.range(1, 9))
                } else {
                    r.range(2, 85).to_string()
                }
            }
            "money" => self.money(),
            "year" => self.year.to_string(),
            "year0" => (self.year - r.range(1, 8)).to_string(),
            "year1" => (self.year + r.range(1, 4)).to_string(),
            "month" | "month2" => r.pick(MONTHS).to_string(),
            "weekday" => r.pick(WEEKDAYS).to_string(),
            "date" => self.date(),
            "oq" => self.oq.to_string(),
            "cq" => self.cq.to_string(),
            "paper" => self.paper.clone(),
            other => panic!("unknown placeholder {other}"),
        }
    }

    fn pronoun(&self, i: usize) -> &'static str {
        match self.cast[i].gender {
            0 => "she",
            1 => "he",
            _ => "they",
        }
    }

    /// How the article refers to person `i` here: full name with title or role on first
    /// mention, then the surname (keeping "Dr."/"Professor"), or a pronoun right after them.
    fn who(&mut self, i: usize, capital: bool, allow_pronoun: bool) -> String {
        let p = &self.cast[i];
        let s = if !p.mentioned {
            match p.title {
                Some(t) => format!("{t} {} {}", p.first, p.last),
                None => format!("{} {}, {},", p.first, p.last, p.role),
            }
        } else if allow_pronoun && self.last == Some(i) && self.rng.chance(0.45) {
            self.pronoun(i).to_string()
        } else {
            match p.title {
                Some(t @ ("Dr." | "Professor" | "Senator" | "Mayor")) if self.rng.chance(0.5) => {
                    format!("{t} {}", p.last)
                }
                _ => p.last.to_string(),
            }
        };
        self.cast[i].mentioned = true;
        self.last = Some(i);
        if capital {
            cap(&s)
        } else {
            s
        }
    }

    /// A person to quote or report: usually one of the cast, sometimes the previous speaker.
    fn someone(&mut self) -> usize {
        match self.last {
            Some(i) if self.rng.chance(0.35) => i,
            _ => self.rng.below(self.cast.len()),
        }
    }

    fn speech(&mut self) -> String {
        let n = if self.rng.chance(0.3) { 2 } else { 1 };
        let mut parts = Vec::new();
        for _ in 0..n {
            let t = self.template(SPEECH);
            parts.push(self.fill(t));
        }
        parts.join(". ")
    }

    fn lower_start(s: &str) -> String {
        if s.starts_with("I ") || s.starts_with("I'") {
            return s.to_string();
        }
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    }

    fn cite(&mut self) -> String {
        if self.refs == 0 || !self.rng.chance(0.35) {
            return String::new();
        }
        let k = self.rng.range(1, self.refs as i64) as usize;
        match (self.ref_style, self.md) {
            (RefStyle::Footnote, true) => format!("[^{k}]"),
            (RefStyle::Footnote, false) if k <= SUPERSCRIPTS.len() => SUPERSCRIPTS[k - 1].into(),
            (RefStyle::Apa, _) => {
                let who = *self.rng.pick(SURNAMES);
                format!(" ({who}, {})", self.year - self.rng.range(0, 5))
            }
            _ => format!(" [{k}]"),
        }
    }

    /// A factual sentence, perhaps with a citation marker before its full stop.
    fn fact(&mut self) -> String {
        let t = self.template(FACTS);
        let s = self.fill(t);
        let c = self.cite();
        if c.is_empty() {
            s
        } else {
            format!("{}{c}.", &s[..s.len() - 1])
        }
    }

    fn opinion(&mut self) -> String {
        let t = self.template(OPINIONS);
        self.fill(t)
    }

    fn clause(&mut self) -> String {
        self.marks();
        let t = self.template(CLAUSES);
        self.fill(t)
    }

    fn url(&mut self, title: &str) -> String {
        let host = *self.rng.pick(HOSTS);
        let sec = self.rng.pick(SECTIONS).to_ascii_lowercase();
        let m = self.rng.range(1, 12);
        let d = self.rng.range(1, 28);
        let id = self.rng.range(1000, 99999);
        format!(
            "https://{host}/{sec}/{}/{m:02}/{d:02}/{}-{id}",
            self.year,
            slug(title)
        )
    }

    /// Reported speech: "X confirmed that ...", "According to X, ...", inline sources.
    fn reported(&mut self) -> String {
        let c = self.clause();
        match self.rng.below(9) {
            0 | 1 => {
                let i = self.someone();
                let s = self.who(i, true, true);
                let v = *self.rng.pick(VERBS);
                format!("{s} {v} that {c}.")
            }
            2 => {
                let i = self.someone();
                let s = self.who(i, true, true);
                let v = *self.rng.pick(VERBS);
                let d = *self.rng.pick(WEEKDAYS);
                format!("{s} {v} on {d} that {c}.")
            }
            3 => {
                let i = self.someone();
                let s = self.who(i, false, false);
                format!("According to {}, {c}.", s.trim_end_matches(','))
            }
            4 => {
                let i = self.someone();
                let s = self.who(i, false, true);
                format!("{}, {s} said.", cap(&c))
            }
            5 => {
                let o = *self.rng.pick(ORGS);
                format!("In a statement, {o} said that {c}.")
            }
            6 => {
                let o = *self.rng.pick(OUTLETS);
                let o = cap(o);
                let d = *self.rng.pick(WEEKDAYS);
                format!("{o} reported on {d} that {c}.")
            }
            7 => {
                let o = *self.rng.pick(OUTLETS);
                format!("{}, according to a report by {o}.", cap(&c))
            }
            _ => {
                let o = *self.rng.pick(OUTLETS);
                if self.md && self.rng.chance(0.6) {
                    let text = format!("first reported by {o}");
                    let u = self.url(&c);
                    format!("As [{text}]({u}), {c}.")
                } else {
                    format!("As first reported by {o}, {c}.")
                }
            }
        }
    }

    /// A sentence or two with a quotation, attributed in one of the common ways.
    fn quote(&mut self) -> String {
        self.marks();
        let (oq, cq) = (self.oq, self.cq);
        let q = self.speech();
        match self.rng.below(11) {
            0 | 1 => {
                let i = self.someone();
                let s = self.who(i, false, true);
                let v = *self.rng.pick(AFTER_VERBS);
                format!("{oq}{q},{cq} {s} {v}.")
            }
            2 => {
                let i = self.someone();
                let s = self.who(i, false, false);
                format!("{oq}{q},{cq} said {}.", s.trim_end_matches(','))
            }
            3 => {
                // Split around the attribution, continuing the same sentence or a new one.
                let i = self.someone();
                let s = self.who(i, false, true);
                let t = self.template(SPEECH);
                let q2 = self.fill(t);
                if self.rng.chance(0.5) {
                    format!("{oq}{q},{cq} {s} said, {oq}{}.{cq}", Self::lower_start(&q2))
                } else {
                    format!("{oq}{q},{cq} {s} said. {oq}{q2}.{cq}")
                }
            }
            4 => {
                let i = self.someone();
                let s = self.who(i, true, true);
                if self.rng.chance(0.5) {
                    format!("{s} said: {oq}{q}.{cq}")
                } else {
                    format!("{s} said, {oq}{q}.{cq}")
                }
            }
            5 => {
                let i = self.someone();
                let s = self.who(i, true, false);
                let o = *self.rng.pick(OUTLETS);
                format!("{s} told {o}: {oq}{q}.{cq}")
            }
            6 => {
                let i = self.someone();
                let s = self.who(i, false, true);
                let t = self.template(QUESTIONS);
                let qq = self.fill(t);
                format!("{oq}{qq}?{cq} {s} asked.")
            }
            7 => {
                // A fragment inside a sentence of the writer's own.
                let i = self.someone();
                let s = self.who(i, true, true);
                let frag = *self.rng.pick(&[
                    "a bargain nobody asked for",
                    "the right thing at the wrong time",
                    "long overdue",
                    "a mess of the council's own making",
                ]);
                format!("{s} described the {} as {oq}{frag}{cq}.", self.project)
            }
            8 => {
                let a = *self.rng.pick(ANON);
                format!("{oq}{q},{cq} said {a}.")
            }
            9 => {
                // Nested quotation.
                let (io, ic) = match self.oq {
                    "\"" => ("'", "'"),
                    "\u{201c}" => ("\u{2018}", "\u{2019}"),
                    _ => ("\u{201c}", "\u{201d}"),
                };
                let i = self.someone();
                let s = self.who(i, false, true);
                format!("{oq}They told us, {io}we'll see,{ic} and then nothing happened for {} months,{cq} {s} said.", self.rng.range(3, 20))
            }
            _ => {
                let i = self.someone();
                let s = self.who(i, false, true);
                let v = *self.rng.pick(AFTER_VERBS);
                let d = *self.rng.pick(WEEKDAYS);
                format!("{oq}{q},{cq} {s} {v} on {d}.")
            }
        }
    }

    /// A colon-introduced block quotation: two blocks.
    fn block_quote(&mut self, out: &mut Vec<String>) {
        let i = self.someone();
        let intro = match self.rng.below(3) {
            0 => {
                let s = self.who(i, true, false);
                format!("{s} said in a statement:")
            }
            1 => {
                let s = self.who(i, false, false);
                let o = *self.rng.pick(OUTLETS);
                format!("As {} wrote in {o}:", s.trim_end_matches(','))
            }
            _ => {
                let s = self.who(i, false, false);
                format!(
                    "According to {}'s recent interview:",
                    s.trim_end_matches(',')
                )
            }
        };
        out.push(intro);
        self.marks();
        let q = self.speech();
        let t = self.template(SPEECH);
        let q2 = self.fill(t);
        if self.md && self.rng.chance(0.6) {
            out.push(format!("> {q}. {q2}."));
        } else {
            out.push(format!("{}{q}. {q2}.{}", self.oq, self.cq));
        }
    }

    /// A quotation running over two paragraphs: the first is left open.
    fn multi_paragraph_quote(&mut self, out: &mut Vec<String>) {
        self.marks();
        let i = self.someone();
        let s = self.who(i, false, true);
        let q = self.speech();
        let q2 = self.speech();
        out.push(format!(
            "{}{q},{} {s} said. {}{q2}.",
            self.oq, self.cq, self.oq
        ));
        let q3 = self.speech();
        out.push(format!("{}{q3}.{}", self.oq, self.cq));
    }

    fn paragraph(&mut self) -> String {
        let n = self.rng.range(2, 4);
        let mut kinds: Vec<usize> = (0..n).map(|_| self.rng.below(10)).collect();
        if self.rng.chance(0.15) {
            kinds.push(10);
        }
        self.rng.shuffle(&mut kinds);
        let mut s = Vec::new();
        for k in kinds {
            s.push(match k {
                0..=3 => self.fact(),
                4..=5 => self.opinion(),
                6..=7 => self.reported(),
                8 | 9 => self.quote(),
                _ => self.link_sentence(),
            });
        }
        s.join(" ")
    }

    fn link_sentence(&mut self) -> String {
        let title = self.fill("{^issue} in {town}: the {year} review");
        let u = self.url(&title);
        if self.md {
            match self.rng.below(3) {
                0 => format!(
                    "A [report by {}]({u}) found that {}.",
                    self.rng.pick(OUTLETS),
                    self.clause()
                ),
                1 => format!(
                    "The {} published [its own figures]({u}) on {}.",
                    self.body,
                    self.rng.pick(WEEKDAYS)
                ),
                _ => format!("(See also: [{title}]({u}).)"),
            }
        } else {
            format!("The full report is available at {u}.")
        }
    }

    fn list(&mut self) -> String {
        let n = self.rng.range(3, 5);
        let numbered = self.rng.chance(0.5);
        let mut items = Vec::new();
        for k in 1..=n {
            let t = self.template(CLAUSES);
            self.marks();
            let item = format!("{}.", cap(&self.fill(t)));
            items.push(match (numbered, self.md) {
                (true, true) => format!("{k}. {item}"),
                (true, false) => format!("  {k}. {item}"),
                (false, true) => format!("- {item}"),
                (false, false) => format!("\u{2022} {item}"),
            });
        }
        items.join(if self.md || self.rng.chance(0.5) {
            "\n"
        } else {
            "\n\n"
        })
    }

    fn heading(&self, text: &str, level: usize) -> String {
        if self.md {
            format!("{} {text}", "#".repeat(level))
        } else {
            text.to_string()
        }
    }

    fn headline(&mut self) -> String {
        let t = *self.rng.pick(HEADLINES);
        self.fill(t)
    }

    fn teaser(&mut self) -> (String, String) {
        let title = self.headline();
        let lead = match self.rng.below(3) {
            0 => self.fill(
                "The row over the {project} in {town2} took another turn on {weekday} when the",
            ),
            1 => self.fill("In what officials are calling a turning point for {issue}, the"),
            _ => self
                .fill("{Town2}, {month} {m} \u{2014} After {n} years of argument, the {body} has"),
        };
        (title, format!("{lead}..."))
    }

    fn top_noise(&mut self, out: &mut Vec<String>, title: &str) {
        let d = *self.rng.pick(WEEKDAYS);
        let m = *self.rng.pick(MONTHS);
        let day = self.rng.range(1, 28);
        if self.rng.chance(0.5) {
            out.push(format!("{d}, {m} {day}, {}", self.year));
        }
        let sec = *self.rng.pick(SECTIONS);
        out.push(match (self.md, self.rng.below(3)) {
            (true, _) => format!(
                "[Home](/) \u{203a} [{sec}](/{}) \u{203a} {title}",
                sec.to_ascii_lowercase()
            ),
            (false, 0) => format!("Home > {sec} > {}", self.town),
            (false, 1) => format!("Home / {sec} / {title}"),
            _ => format!("HomeLatest{title}"),
        });
        if self.rng.chance(0.3) {
            out.push(
                "We use cookies to make this site work and to understand how it is used. \
                 You can change your choices at any time. Manage settings | Accept all"
                    .to_string(),
            );
        }
        if self.rng.chance(0.5) {
            out.push("Related stories".to_string());
            for _ in 0..self.rng.range(2, 5) {
                let (t, l) = self.teaser();
                out.push(t);
                out.push(l);
            }
            out.push("ADVERTISEMENT".to_string());
        }
    }

    fn bottom_noise(&mut self, out: &mut Vec<String>) {
        if self.rng.chance(0.5) {
            out.push("Share this story: Facebook | X | LinkedIn | WhatsApp | Email".to_string());
        }
        if self.rng.chance(0.4) {
            let i = self.rng.pick(self.topic.issues).to_string();
            out.push(format!("Tags: {i}, {}, {}", self.town, self.topic.name));
        }
        if self.rng.chance(0.4) {
            out.push("More from this section".to_string());
            for _ in 0..self.rng.range(2, 4) {
                let (t, l) = self.teaser();
                out.push(t);
                out.push(l);
            }
        }
        if self.rng.chance(0.45) {
            out.push("LEAVE A REPLY".to_string());
            out.push("Cancel reply".to_string());
            out.push("Write your comment here".to_string());
            out.push("Name *\nEmail *\nWebsite".to_string());
            out.push("Remember my name and email on this device for next time.".to_string());
            out.push("Post Comment".to_string());
        }
        if self.rng.chance(0.3) {
            out.push(
                "Get the morning briefing in your inbox. Enter your email address | Sign up"
                    .to_string(),
            );
        }
        out.push(format!(
            "\u{a9} {} {}. All rights reserved. | Contact us | Privacy policy | Terms of use",
            self.year, self.paper
        ));
    }

    fn ref_entry(&mut self, k: usize) -> String {
        let last = *self.rng.pick(SURNAMES);
        let last2 = *self.rng.pick(SURNAMES);
        let f = self.rng.pick(FIRST_F)[..1].to_string();
        let g = self.rng.pick(FIRST_M)[..1].to_string();
        let y = self.year - self.rng.range(0, 6);
        let title = match self.rng.below(4) {
            0 => self.fill("{^issue} in {town}: a review of {year0} data"),
            1 => self.fill("Annual report of the {body}, {year0}"),
            2 => self.fill("The true cost of the {project}"),
            _ => self.fill("Why {issue} keep rising in {town2}"),
        };
        let u = self.url(&title);
        let outlet = cap(self.rng.pick(OUTLETS).trim_start_matches("the "));
        self.marks();
        let (oq, cq) = (self.oq, self.cq);
        match self.ref_style {
            RefStyle::Numbered => format!("{k}. {last}, {f}. ({y}). {title}. {outlet}. {u}"),
            RefStyle::Bracketed => {
                let org = cap(self.rng.pick(ORGS).trim_start_matches("the "));
                let m = *self.rng.pick(MONTHS);
                format!("[{k}] {org}, {oq}{title},{cq} {m} {y}. Available at: {u}")
            }
            RefStyle::Apa => {
                let j = *self.rng.pick(JOURNALS);
                let vol = self.rng.range(3, 40);
                let iss = self.rng.range(1, 6);
                let p1 = self.rng.range(10, 400);
                let p2 = p1 + self.rng.range(5, 30);
                let doi = format!(
                    "https://doi.org/10.{}/{}.{y}.{}",
                    self.rng.range(1000, 99999),
                    slug(j).split('-').next().unwrap_or("j"),
                    self.rng.range(100, 9999)
                );
                let journal = if self.md {
                    format!("*{j}*")
                } else {
                    j.to_string()
                };
                if self.rng.chance(0.5) {
                    format!("{last}, {f}. {g}., & {last2}, {g}. ({y}). {title}. {journal}, {vol}({iss}), {p1}\u{2013}{p2}. {doi}")
                } else {
                    format!(
                        "{outlet}. ({y}, {} {}). {title}. Retrieved from {u}",
                        self.rng.pick(MONTHS),
                        self.rng.range(1, 28)
                    )
                }
            }
            RefStyle::Footnote => {
                let date = self.date();
                if self.md {
                    format!("[^{k}]: {outlet}, {oq}{title}{cq}, {date}, <{u}>")
                } else {
                    format!("{k} {title}, {outlet}, accessed {date}. {u}")
                }
            }
        }
    }

    fn references(&mut self, out: &mut Vec<String>) {
        if self.refs == 0 {
            return;
        }
        let h = *self.rng.pick(REF_HEADINGS);
        let h = self.heading(h, 2);
        out.push(h);
        let mut entries = Vec::new();
        for k in 1..=self.refs {
            entries.push(self.ref_entry(k));
        }
        if self.ref_style == RefStyle::Apa {
            entries.sort();
        }
        if self.md && self.ref_style == RefStyle::Footnote {
            out.extend(entries);
        } else if self.rng.chance(0.5) {
            out.push(entries.join("\n"));
        } else {
            out.extend(entries);
        }
    }

    fn write(&mut self) -> String {
        let target = (self.rng.range(2000, 7000) as f64 * self.scale) as usize;
        let mut out: Vec<String> = Vec::new();
        let title = self.headline();
        let noisy = if self.md {
            self.rng.chance(0.25)
        } else {
            self.rng.chance(0.6)
        };
        if noisy {
            self.top_noise(&mut out, &title);
        }
        let h = self.heading(&title, 1);
        out.push(h);
        let by = self.fill("{^town2}");
        let reporter = format!("{} {}", self.rng.pick(FIRST_F), self.rng.pick(SURNAMES));
        out.push(match self.rng.below(3) {
            0 => format!("By {reporter}"),
            1 => format!("By {reporter} | {}", self.date()),
            _ if self.md => format!("*By {reporter}, {by} correspondent*"),
            _ => format!("{reporter}\n{}", self.date()),
        });
        // Lead paragraph with a dateline.
        let lead_fact = self.fact();
        let lead_rep = self.reported();
        let dl = if self.rng.chance(0.5) {
            self.town.to_uppercase()
        } else {
            self.town.to_string()
        };
        out.push(format!("{dl} \u{2014} {lead_fact} {lead_rep}"));

        let start = out.iter().map(|s| s.len() + 2).sum::<usize>();
        let mut size = start;
        while size < start + target {
            let before = out.len();
            match self.rng.below(20) {
                0..=8 => {
                    let p = self.paragraph();
                    out.push(p);
                }
                9..=11 => {
                    let q = self.quote();
                    let extra = if self.rng.chance(0.5) {
                        format!(" {}", self.fact())
                    } else {
                        String::new()
                    };
                    out.push(format!("{q}{extra}"));
                }
                12 => self.block_quote(&mut out),
                13 => self.multi_paragraph_quote(&mut out),
                14 | 15 => {
                    let t = *self.rng.pick(SUBHEADS);
                    let t = self.fill(t);
                    let h = self.heading(&t, 2);
                    out.push(h);
                }
                16 => {
                    let intro = self
                        .rng
                        .pick(&[
                            "Other contributing factors:",
                            "Key points:",
                            "The main concerns raised at the meeting:",
                            "What we know so far:",
                            "The report's findings include the following:",
                        ])
                        .to_string();
                    out.push(intro);
                    let l = self.list();
                    out.push(l);
                }
                17 => {
                    let r = self.reported();
                    let r2 = self.reported();
                    out.push(format!("{r} {r2}"));
                }
                18 if noisy => {
                    let (t, _) = self.teaser();
                    out.push(if self.md {
                        format!("**Read more:** [{t}]({})", self.url(&t))
                    } else {
                        format!("Also read: {t}")
                    });
                }
                _ => {
                    let o = self.opinion();
                    let o2 = self.opinion();
                    out.push(format!("{o} {o2}"));
                }
            }
            size += out[before..].iter().map(|s| s.len() + 2).sum::<usize>();
        }
        self.references(&mut out);
        if noisy {
            self.bottom_noise(&mut out);
        }
        if !self.md && self.rng.chance(0.15) {
            for block in out.iter_mut() {
                if block.len() > 80 && !block.contains('\n') {
                    *block = wrap(block, 72);
                }
            }
        }
        let mut text = out.join("\n\n");
        text.push('\n');
        if self.style == QuoteStyle::Curly {
            text = text.replace('\'', "\u{2019}");
        }
        text
    }
}
