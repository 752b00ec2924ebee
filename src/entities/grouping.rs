//! Grouping of entity mentions into entities with a canonical name (the fullest form in the text).
//!
//! Rules, in order, for each mention (titles such as `Mr.` and a leading `the` are ignored):
//! 1. a known short form joins its long form (`US`, `U.S.`, `America` → `United States`);
//! 2. the same name (case- and punctuation-insensitive) joins the same group;
//! 3. a person's partial name joins the full name that contains its words in order (`Kim` →
//!    `Kim Jong-un`, `Mr. Trump` → `Donald Trump`); an organisation's leading words or acronym join
//!    the full name (`Yonhap` → `Yonhap News Agency`, `KCNA` → `Korean Central News Agency`);
//! 4. when a partial name fits several people (`Kim` with `Kim Jong-un` and `Kim Yo-jong`), it goes
//!    to the one mentioned most recently before it (else the nearest after it); if both were last
//!    mentioned in the same sentence, to the one mentioned more often; if that ties too, it stays a
//!    group of its own (ambiguous).

use crate::text::fasthash::FastMap as HashMap;

use crate::model::{Entity, Group, Label};
use crate::text::{tokenize, Doc};

/// Short forms and their canonical names (newsmark authors' list).
const ALIASES: &[(&str, &str)] = &[
    ("us", "United States"),
    ("u s", "United States"),
    ("usa", "United States"),
    ("u s a", "United States"),
    ("america", "United States"),
    ("united states of america", "United States"),
    ("uk", "United Kingdom"),
    ("u k", "United Kingdom"),
    ("britain", "United Kingdom"),
    ("great britain", "United Kingdom"),
    ("un", "United Nations"),
    ("u n", "United Nations"),
    ("eu", "European Union"),
    ("dprk", "North Korea"),
    ("democratic people s republic of korea", "North Korea"),
    ("republic of korea", "South Korea"),
    ("prc", "China"),
    ("people s republic of china", "China"),
    ("russian federation", "Russia"),
    ("uae", "United Arab Emirates"),
    ("nato", "NATO"),
    ("north atlantic treaty organization", "NATO"),
    ("imf", "International Monetary Fund"),
    ("who", "World Health Organization"),
];

/// Words dropped from the front of a person's name.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "gen", "general", "sen",
    "senator", "rep", "gov", "governor", "king", "queen", "prince", "princess", "pope", "sir", "lord",
    "lady", "premier", "chancellor", "minister", "secretary", "ambassador", "judge", "justice",
    "chairman", "spokesman", "spokeswoman", "leader", "col", "lt", "capt", "sgt", "adm", "rev",
];

/// A mention's name as lower-case words without punctuation (`Jong-un` → `jong`, `un`).
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in tokenize(text) {
        let s = &text[t.start..t.end];
        for part in s.split(|c: char| !c.is_alphanumeric()) {
            if !part.is_empty() {
                out.push(part.to_lowercase());
            }
        }
    }
    out
}

/// Words of the name with possessives, a leading `the` and (for people) titles removed.
fn name_words(text: &str, label: Label) -> Vec<String> {
    let mut w = words(text);
    while w.len() > 1 && w.last().map_or(false, |s| s == "s") && (text.ends_with("'s") || text.ends_with("’s")) {
        w.pop();
    }
    if w.len() > 1 && w[0] == "the" {
        w.remove(0);
    }
    if label == Label::PER {
        while w.len() > 1 && TITLES.contains(&w[0].as_str()) {
            w.remove(0);
        }
    }
    w
}

/// `short` occurs in `long` as an ordered subsequence of whole words (and is shorter).
fn contained(short: &[String], long: &[String]) -> bool {
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}

/// The initials of a name's capitalised words (`Korean Central News Agency` → `kcna`).
fn initials(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A group being built.
struct Building {
    label: Label,
    /// Number of words of the form the name was taken from.
    words: usize,
    /// Display form of the fullest mention.
    name: String,
    /// The name is the canonical name of a short form (a later full mention may replace it).
    alias_name: bool,
    /// Full-form mentions (sorted while grouping; partial mentions are added at the end).
    mentions: Vec<usize>,
    /// Latest partial mention assigned so far, and how many.
    last_partial: Option<usize>,
    count: usize,
}

/// What grouping needs of one distinct mention text and label, worked out once.
struct FormInfo {
    words: Vec<String>,
    /// The words joined by spaces.
    joined: String,
    alias: Option<&'static str>,
    /// The longer forms that contain this one (their first mentions), computed on first use.
    containers: Option<Vec<usize>>,
    /// Its group when it is a full form (the same key, the same group).
    group: Option<usize>,
    /// Its display name (`display_name` of its text), computed on first use.
    display: Option<String>,
}

fn is_alias_name(name: &str) -> bool {
    ALIASES.iter().any(|(_, v)| *v == name)
}

/// Group mentions of the same entity; sets each mention's `group` and returns the groups.
///
/// Mentions repeat, so everything that depends only on a mention's text and label (its words,
/// short-form reading, containing forms, full-form group, display name) is worked out once per
/// distinct text and label; the result is that of the per-mention rules (`group_plain` in tests).
pub fn group(doc: &Doc, entities: &mut [Entity]) -> Vec<Group> {
    let n = entities.len();
    if n == 0 {
        return Vec::new();
    }
    // sentence index of each mention (for the "same sentence" tie rule)
    let sent_of = |byte: usize| -> usize {
        doc.sentences
            .partition_point(|s| s.first < doc.tokens.len() && doc.tokens[s.first].start <= byte)
    };
    let mention_sent: Vec<usize> = entities.iter().map(|e| sent_of(e.start)).collect();
    // names repeat: each distinct (text, label) is worked out once
    let mut forms: Vec<FormInfo> = Vec::with_capacity(n);
    let form_of: Vec<usize> = {
        let mut memo: HashMap<(&str, Label), usize> = HashMap::with_capacity_and_hasher(n, Default::default());
        entities
            .iter()
            .map(|e| {
                *memo.entry((e.text.as_str(), e.label)).or_insert_with(|| {
                    let words = name_words(&e.text, e.label);
                    let joined = words.join(" ");
                    let alias = ALIASES.iter().find(|(k, _)| *k == joined).map(|(_, v)| *v);
                    forms.push(FormInfo { words, joined, alias, containers: None, group: None, display: None });
                    forms.len() - 1
                })
            })
            .collect()
    };

    // distinct forms, indexed by word (and ORG initials) so look-ups stay linear in practice;
    // the first mention of each form stands for it
    let mut form_index: HashMap<(Label, &str), Vec<usize>> =
        HashMap::with_capacity_and_hasher(2 * forms.len(), Default::default());
    let mut initials_index: HashMap<String, Vec<usize>> = HashMap::default();
    {
        let mut seen_form: HashMap<(Label, &str), usize> = HashMap::with_capacity_and_hasher(forms.len(), Default::default());
        let mut form_done = vec![false; forms.len()];
        for i in 0..n {
            let f = form_of[i];
            if std::mem::replace(&mut form_done[f], true) {
                continue;
            }
            let w = &forms[f].words;
            if w.len() < 2 || forms[f].alias.is_some() {
                continue;
            }
            let label = entities[i].label;
            if seen_form.insert((label, forms[f].joined.as_str()), i).is_some() {
                continue;
            }
            let mut uniq: Vec<&str> = w.iter().map(String::as_str).collect();
            uniq.sort_unstable();
            uniq.dedup();
            for x in uniq {
                form_index.entry((label, x)).or_default().push(i);
            }
            if label == Label::ORG {
                initials_index.entry(initials(&entities[i].text)).or_default().push(i);
            }
        }
    }
    // the longer forms that contain form f's words (for places and works: none)
    let containers = |f: usize, label: Label| -> Vec<usize> {
        let (w, alias) = (&forms[f].words, forms[f].alias);
        if alias.is_some() || w.is_empty() || matches!(label, Label::LOC | Label::MISC) {
            return Vec::new();
        }
        let mut out: Vec<usize> = form_index
            .get(&(label, w[0].as_str()))
            .map_or(&[][..], |v| v.as_slice())
            .iter()
            .copied()
            .filter(|&j| {
                let wj = &forms[form_of[j]].words;
                contained(w, wj) && (label == Label::PER || wj.starts_with(w))
            })
            .collect();
        if label == Label::ORG && w.len() == 1 && w[0].chars().count() >= 2 {
            out.extend_from_slice(initials_index.get(&w[0]).map_or(&[], |v| v.as_slice()));
        }
        out
    };
    // (a form's label is that of each of its mentions: the label is part of the form)
    let mut conts: Vec<Option<Vec<usize>>> = vec![None; forms.len()];
    for i in 0..n {
        let f = form_of[i];
        if conts[f].is_none() {
            conts[f] = Some(containers(f, entities[i].label));
        }
    }
    for (fi, c) in forms.iter_mut().zip(conts) {
        fi.containers = c;
    }

    // 1. full forms: mentions whose words are not contained in a longer same-label mention's
    let mut groups: Vec<Building> = Vec::new();
    let mut by_key: HashMap<(Label, String), usize> = HashMap::with_capacity_and_hasher(forms.len(), Default::default());
    let mut assigned: Vec<Option<usize>> = vec![None; n];
    let mut partials: Vec<usize> = Vec::new();
    for i in 0..n {
        let label = entities[i].label;
        let f = form_of[i];
        let form = &mut forms[f];
        if form.words.is_empty() {
            continue;
        }
        if form.containers.as_ref().map_or(false, |c| !c.is_empty()) {
            partials.push(i);
            continue;
        }
        let g = match form.group {
            Some(g) => g,
            None => {
                let key = match form.alias {
                    Some(canon) => canon.to_lowercase(),
                    None => form.joined.clone(),
                };
                // alias groups may mix LOC and ORG readings of a country (`US` tagged ORG in one place)
                let lkey = if form.alias.is_some() && label != Label::PER { Label::LOC } else { label };
                let g = *by_key.entry((lkey, key)).or_insert_with(|| {
                    groups.push(Building {
                        label,
                        words: form.words.len(),
                        name: String::new(),
                        alias_name: false,
                        mentions: Vec::new(),
                        last_partial: None,
                        count: 0,
                    });
                    groups.len() - 1
                });
                form.group = Some(g);
                g
            }
        };
        let c = &mut groups[g];
        match form.alias {
            Some(canon) => {
                if c.name.is_empty() {
                    c.name = canon.to_string();
                    c.alias_name = is_alias_name(&c.name);
                }
            }
            None => {
                if c.name.is_empty() || form.words.len() > c.words || c.alias_name {
                    let d = form.display.get_or_insert_with(|| display_name(&entities[i].text, label));
                    c.name.clone_from(d);
                    c.alias_name = is_alias_name(&c.name);
                    c.words = form.words.len();
                }
            }
        }
        c.mentions.push(i);
        assigned[i] = Some(g);
    }

    // 2. partial names join a full form (mentions in text order)
    let mut extra: Vec<(usize, usize)> = Vec::new();
    let mut fits: Vec<usize> = Vec::new();
    for i in partials {
        let label = entities[i].label;
        let form = &forms[form_of[i]];
        fits.clear();
        fits.extend(form.containers.iter().flatten().filter_map(|&j| assigned[j]));
        fits.sort_unstable();
        fits.dedup();
        let last_before = |g: &Building| -> Option<usize> {
            let k = g.mentions.partition_point(|&m| m < i);
            let full = if k > 0 { Some(g.mentions[k - 1]) } else { None };
            full.max(g.last_partial)
        };
        let first_after = |g: &Building| -> Option<usize> {
            let k = g.mentions.partition_point(|&m| m < i);
            g.mentions.get(k).copied()
        };
        let chosen = match fits.len() {
            0 => None,
            1 => Some(fits[0]),
            _ => {
                // most recent mention before i, else nearest after
                let mut ranked: Vec<(usize, usize, usize)> = fits
                    .iter()
                    .map(|&g| {
                        let c = &groups[g];
                        let (dist, sent) = match last_before(c) {
                            Some(m) => (i - m, mention_sent[m]),
                            None => match first_after(c) {
                                Some(m) => (n + m - i, mention_sent[m]),
                                None => (usize::MAX, usize::MAX),
                            },
                        };
                        (g, dist, sent)
                    })
                    .collect();
                ranked.sort_by_key(|r| r.1);
                let (a, b) = (ranked[0], ranked[1]);
                if a.2 != b.2 {
                    Some(a.0)
                } else {
                    let (ca, cb) = (groups[a.0].count, groups[b.0].count);
                    let (ca, cb) = (ca + groups[a.0].mentions.len(), cb + groups[b.0].mentions.len());
                    if ca > cb {
                        Some(a.0)
                    } else if cb > ca {
                        Some(b.0)
                    } else {
                        None
                    }
                }
            }
        };
        let g = match chosen {
            Some(g) => g,
            None => {
                let key = (label, format!("\u{0}ambiguous {}", form.joined));
                *by_key.entry(key).or_insert_with(|| {
                    let name = display_name(&entities[i].text, label);
                    let alias_name = is_alias_name(&name);
                    groups.push(Building { label, words: form.words.len(), name, alias_name, mentions: Vec::new(), last_partial: None, count: 0 });
                    groups.len() - 1
                })
            }
        };
        groups[g].last_partial = Some(i);
        groups[g].count += 1;
        extra.push((g, i));
        assigned[i] = Some(g);
    }
    for (g, i) in extra {
        groups[g].mentions.push(i);
    }
    // mentions with no words at all (punctuation only) get their own group
    for i in 0..n {
        if assigned[i].is_none() {
            groups.push(Building {
                label: entities[i].label,
                words: 0,
                name: entities[i].text.clone(),
                alias_name: false,
                mentions: vec![i],
                last_partial: None,
                count: 0,
            });
            assigned[i] = Some(groups.len() - 1);
        }
    }

    // number groups by first mention
    let mut order: Vec<usize> = (0..groups.len()).filter(|&g| !groups[g].mentions.is_empty()).collect();
    for g in &mut groups {
        g.mentions.sort_unstable();
    }
    order.sort_by_key(|&g| groups[g].mentions[0]);
    let mut out = Vec::with_capacity(order.len());
    for (id, &g) in order.iter().enumerate() {
        let c = &mut groups[g];
        for &m in &c.mentions {
            entities[m].group = id;
        }
        out.push(Group { id, name: std::mem::take(&mut c.name), label: c.label, mentions: std::mem::take(&mut c.mentions) });
    }
    out
}

#[cfg(test)]
struct Cand {
    label: Label,
    words: Vec<String>,
    /// Display form of the fullest mention.
    name: String,
    /// Full-form mentions (sorted while grouping; partial mentions are added at the end).
    mentions: Vec<usize>,
    /// Latest partial mention assigned so far, and how many.
    last_partial: Option<usize>,
    count: usize,
}

/// The plain version of [`group`] (every step per mention): the oracle its tests compare with.
#[cfg(test)]
fn group_plain(doc: &Doc, entities: &mut [Entity]) -> Vec<Group> {
    let n = entities.len();
    if n == 0 {
        return Vec::new();
    }
    // sentence index of each mention (for the "same sentence" tie rule)
    let sent_of = |byte: usize| -> usize {
        doc.sentences
            .partition_point(|s| s.first < doc.tokens.len() && doc.tokens[s.first].start <= byte)
    };
    let mention_sent: Vec<usize> = entities.iter().map(|e| sent_of(e.start)).collect();
    // names repeat: each distinct (text, label) is split into words once
    let mut forms: Vec<Vec<String>> = Vec::new();
    let form_of: Vec<usize> = {
        let mut memo: HashMap<(&str, Label), usize> = HashMap::default();
        entities
            .iter()
            .map(|e| {
                *memo.entry((e.text.as_str(), e.label)).or_insert_with(|| {
                    forms.push(name_words(&e.text, e.label));
                    forms.len() - 1
                })
            })
            .collect()
    };
    let wordss: Vec<&Vec<String>> = form_of.iter().map(|&k| &forms[k]).collect();
    let alias: Vec<Option<&str>> = wordss
        .iter()
        .map(|w| {
            let key = w.join(" ");
            ALIASES.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
        })
        .collect();

    // distinct forms, indexed by word (and ORG initials) so look-ups stay linear in practice
    let mut form_index: HashMap<(Label, &str), Vec<usize>> = HashMap::default();
    let mut initials_index: HashMap<String, Vec<usize>> = HashMap::default();
    let mut seen_form: HashMap<(Label, String), usize> = HashMap::default();
    for i in 0..n {
        let w = &wordss[i];
        if w.len() < 2 || alias[i].is_some() {
            continue;
        }
        let label = entities[i].label;
        if seen_form.insert((label, w.join(" ")), i).is_some() {
            continue;
        }
        let mut uniq: Vec<&str> = w.iter().map(String::as_str).collect();
        uniq.sort_unstable();
        uniq.dedup();
        for x in uniq {
            form_index.entry((label, x)).or_default().push(i);
        }
        if label == Label::ORG {
            initials_index.entry(initials(&entities[i].text)).or_default().push(i);
        }
    }
    let acronym_of = |i: usize| -> &[usize] {
        let w = &wordss[i];
        if entities[i].label == Label::ORG && w.len() == 1 && w[0].chars().count() >= 2 {
            initials_index.get(&w[0]).map_or(&[], |v| v.as_slice())
        } else {
            &[]
        }
    };
    // the longer forms that contain mention i's words (for places and works: none)
    let containers = |i: usize| -> Vec<usize> {
        let (label, w) = (entities[i].label, &wordss[i]);
        if alias[i].is_some() || w.is_empty() || matches!(label, Label::LOC | Label::MISC) {
            return Vec::new();
        }
        let mut out: Vec<usize> = form_index
            .get(&(label, w[0].as_str()))
            .map_or(&[][..], |v| v.as_slice())
            .iter()
            .copied()
            .filter(|&j| contained(w, &wordss[j]) && (label == Label::PER || wordss[j].starts_with(w)))
            .collect();
        out.extend_from_slice(acronym_of(i));
        out
    };

    // 1. full forms: mentions whose words are not contained in a longer same-label mention's
    let mut groups: Vec<Cand> = Vec::new();
    let mut by_key: HashMap<(Label, String), usize> = HashMap::default();
    let mut assigned: Vec<Option<usize>> = vec![None; n];
    let mut partials: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..n {
        let (label, w) = (entities[i].label, &wordss[i]);
        if w.is_empty() {
            continue;
        }
        let cont = containers(i);
        if !cont.is_empty() {
            partials.push((i, cont));
            continue;
        }
        let key = match alias[i] {
            Some(canon) => canon.to_lowercase(),
            None => w.join(" "),
        };
        // alias groups may mix LOC and ORG readings of a country (`US` tagged ORG in one place)
        let lkey = if alias[i].is_some() && label != Label::PER { Label::LOC } else { label };
        let g = *by_key.entry((lkey, key)).or_insert_with(|| {
            groups.push(Cand { label, words: w.to_vec(), name: String::new(), mentions: Vec::new(), last_partial: None, count: 0 });
            groups.len() - 1
        });
        let c = &mut groups[g];
        match alias[i] {
            Some(canon) => {
                if c.name.is_empty() {
                    c.name = canon.to_string();
                }
            }
            None => {
                if c.name.is_empty() || w.len() > c.words.len() || ALIASES.iter().any(|(_, v)| *v == c.name) {
                    c.name = display_name(&entities[i].text, label);
                    c.words = w.to_vec();
                }
            }
        }
        c.mentions.push(i);
        assigned[i] = Some(g);
    }

    // 2. partial names join a full form (mentions in text order)
    let mut extra: Vec<(usize, usize)> = Vec::new();
    for (i, cont) in partials {
        let label = entities[i].label;
        let mut fits: Vec<usize> = cont.iter().filter_map(|&j| assigned[j]).collect();
        fits.sort_unstable();
        fits.dedup();
        let last_before = |g: &Cand| -> Option<usize> {
            let k = g.mentions.partition_point(|&m| m < i);
            let full = if k > 0 { Some(g.mentions[k - 1]) } else { None };
            full.max(g.last_partial)
        };
        let first_after = |g: &Cand| -> Option<usize> {
            let k = g.mentions.partition_point(|&m| m < i);
            g.mentions.get(k).copied()
        };
        let chosen = match fits.len() {
            0 => None,
            1 => Some(fits[0]),
            _ => {
                // most recent mention before i, else nearest after
                let mut ranked: Vec<(usize, usize, usize)> = fits
                    .iter()
                    .map(|&g| {
                        let c = &groups[g];
                        let (dist, sent) = match last_before(c) {
                            Some(m) => (i - m, mention_sent[m]),
                            None => match first_after(c) {
                                Some(m) => (n + m - i, mention_sent[m]),
                                None => (usize::MAX, usize::MAX),
                            },
                        };
                        (g, dist, sent)
                    })
                    .collect();
                ranked.sort_by_key(|r| r.1);
                let (a, b) = (ranked[0], ranked[1]);
                if a.2 != b.2 {
                    Some(a.0)
                } else {
                    let (ca, cb) = (groups[a.0].count, groups[b.0].count);
                    let (ca, cb) = (ca + groups[a.0].mentions.len(), cb + groups[b.0].mentions.len());
                    if ca > cb {
                        Some(a.0)
                    } else if cb > ca {
                        Some(b.0)
                    } else {
                        None
                    }
                }
            }
        };
        let g = match chosen {
            Some(g) => g,
            None => {
                let w = wordss[i].clone();
                let key = (label, format!("\u{0}ambiguous {}", w.join(" ")));
                *by_key.entry(key).or_insert_with(|| {
                    groups.push(Cand { label, words: w, name: display_name(&entities[i].text, label), mentions: Vec::new(), last_partial: None, count: 0 });
                    groups.len() - 1
                })
            }
        };
        groups[g].last_partial = Some(i);
        groups[g].count += 1;
        extra.push((g, i));
        assigned[i] = Some(g);
    }
    for (g, i) in extra {
        groups[g].mentions.push(i);
    }
    // mentions with no words at all (punctuation only) get their own group
    for i in 0..n {
        if assigned[i].is_none() {
            groups.push(Cand {
                label: entities[i].label,
                words: Vec::new(),
                name: entities[i].text.clone(),
                mentions: vec![i],
                last_partial: None,
                count: 0,
            });
            assigned[i] = Some(groups.len() - 1);
        }
    }

    // number groups by first mention
    let mut order: Vec<usize> = (0..groups.len()).filter(|&g| !groups[g].mentions.is_empty()).collect();
    for g in &mut groups {
        g.mentions.sort_unstable();
    }
    order.sort_by_key(|&g| groups[g].mentions[0]);
    let mut out = Vec::with_capacity(order.len());
    for (id, &g) in order.iter().enumerate() {
        let c = &groups[g];
        for &m in &c.mentions {
            entities[m].group = id;
        }
        out.push(Group { id, name: c.name.clone(), label: c.label, mentions: c.mentions.clone() });
    }
    out
}

/// How a full form is shown: possessive and (for people) titles dropped, original spelling kept.
fn display_name(text: &str, label: Label) -> String {
    let mut s = text.trim();
    for p in ["'s", "’s"] {
        if let Some(x) = s.strip_suffix(p) {
            s = x.trim_end();
        }
    }
    if let Some(x) = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")) {
        if !x.is_empty() {
            s = x;
        }
    }
    if label == Label::PER {
        loop {
            let Some((first, rest)) = s.split_once(' ') else { break };
            let w = first.trim_end_matches('.').to_lowercase();
            if TITLES.contains(&w.as_str()) && !rest.trim().is_empty() {
                s = rest.trim_start();
            } else {
                break;
            }
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Build entities from (text, label) pairs found in order in `text`.
    fn ents(text: &str, spec: &[(&str, Label)]) -> Vec<Entity> {
        let mut from = 0;
        spec.iter()
            .map(|&(s, label)| {
                let start = from + text[from..].find(s).expect("mention in text");
                from = start + s.len();
                Entity { start, end: from, text: s.to_string(), label, group: usize::MAX }
            })
            .collect()
    }

    fn names(text: &str, spec: &[(&str, Label)]) -> Vec<String> {
        Doc::with(text, |doc| {
            let mut e = ents(text, spec);
            let g = group(doc, &mut e);
            for (i, m) in e.iter().enumerate() {
                assert!(g[m.group].mentions.contains(&i));
            }
            e.iter().map(|m| g[m.group].name.clone()).collect()
        })
    }

    use Label::*;

    #[test]
    fn partial_names_join_the_full_name() {
        let text = "Kim visits. Kim Jong-un met Xi Jinping. Xi said. Mr. Trump and Donald Trump. Lu Kang spoke. Lu said.";
        let got = names(
            text,
            &[("Kim", PER), ("Kim Jong-un", PER), ("Xi Jinping", PER), ("Xi", PER), ("Mr. Trump", PER), ("Donald Trump", PER), ("Lu Kang", PER), ("Lu", PER)],
        );
        assert_eq!(got, ["Kim Jong-un", "Kim Jong-un", "Xi Jinping", "Xi Jinping", "Donald Trump", "Donald Trump", "Lu Kang", "Lu Kang"]);
    }

    #[test]
    fn short_forms_join_the_country() {
        let text = "the US and the United States and U.S. troops. Britain";
        let got = names(text, &[("US", LOC), ("United States", LOC), ("U.S.", LOC), ("Britain", LOC)]);
        assert_eq!(got, ["United States", "United States", "United States", "United Kingdom"]);
    }

    #[test]
    fn shared_surname_goes_to_the_most_recent_person() {
        let text = "Kim Jong-un arrived. Kim said. Later Kim Yo-jong spoke. Kim added. Kim Jong-un and Kim Yo-jong left. Kim waved.";
        let got = names(
            text,
            &[("Kim Jong-un", PER), ("Kim", PER), ("Kim Yo-jong", PER), ("Kim", PER), ("Kim Jong-un", PER), ("Kim Yo-jong", PER), ("Kim", PER)],
        );
        assert_eq!(got[1], "Kim Jong-un");
        assert_eq!(got[3], "Kim Yo-jong");
        // both last mentioned in the same sentence, each twice: ambiguous, a group of its own
        assert_eq!(got[6], "Kim");
    }

    #[test]
    fn organisations_by_leading_words_and_acronym() {
        let text = "Korean Central News Agency said. KCNA added. Yonhap News Agency reported. Yonhap said.";
        let got = names(text, &[("Korean Central News Agency", ORG), ("KCNA", ORG), ("Yonhap News Agency", ORG), ("Yonhap", ORG)]);
        assert_eq!(got, ["Korean Central News Agency", "Korean Central News Agency", "Yonhap News Agency", "Yonhap News Agency"]);
    }

    #[test]
    fn places_are_not_merged_by_containment() {
        let text = "South Korea and North Korea and Korea";
        let got = names(text, &[("South Korea", LOC), ("North Korea", LOC), ("Korea", LOC)]);
        assert_eq!(got, ["South Korea", "North Korea", "Korea"]);
    }

    #[test]
    fn grouping_once_per_form_equals_the_plain_rules() {
        // a tagged text with repeated, partial, aliased, ambiguous and acronym mentions
        let text = "Kim Jong-un met Xi Jinping. Kim said the U.S. and the United States differ. Mr. Trump \
            and Donald Trump spoke; Trump left. Kim Yo-jong and Kim Jong-un arrived. Kim waved. Kim Jong-un, Kim \
            Yo-jong. Kim nodded. Korean Central News Agency said; KCNA added. Yonhap News Agency and Yonhap. US \
            officials in America, Britain and the UK. The United States Congress met. Xi spoke. Lu Kang and Lu.";
        let ents = Doc::with(text, crate::entities::tag);
        let spec: Vec<(&str, Label)> = ents.iter().map(|e| (&text[e.start..e.end], e.label)).collect();
        assert!(spec.len() > 25, "{spec:?}");
        let mut labels = [Label::PER, Label::ORG, Label::LOC, Label::MISC].iter().cycle();
        // the tagger's labels, then the same mentions with labels mixed up (other rules fire)
        for relabel in [false, true] {
            Doc::with(text, |doc| {
                let mut a = ents.clone();
                if relabel {
                    for e in &mut a {
                        e.label = *labels.next().unwrap();
                    }
                }
                let mut b = a.clone();
                let (ga, gb) = (group(doc, &mut a), group_plain(doc, &mut b));
                assert_eq!(format!("{ga:?}"), format!("{gb:?}"));
                assert_eq!(format!("{a:?}"), format!("{b:?}"));
            });
        }
    }

    #[test]
    fn odd_mentions_do_not_panic() {
        let text = "— ’s";
        let got = names(text, &[("—", MISC), ("’s", PER)]);
        assert_eq!(got.len(), 2);
        Doc::with("", |doc| assert!(group(doc, &mut []).is_empty()));
    }
}
