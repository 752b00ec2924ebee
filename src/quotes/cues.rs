//! The words of news attribution: reporting verbs (said, told, added, argued…), the phrases that
//! introduce a source (according to), and the small words a speaker phrase never crosses.

use crate::text::fasthash::FastSet as HashSet;
use std::sync::OnceLock;

/// Reporting verbs in every inflection a news story uses, lower-case. Speech and writing first,
/// then the stance verbs that carry a quoted phrase (called it a “disaster”, vowed to “win”).
pub const REPORTING_VERBS: &[&str] = &[
    // say, tell, add, write, ask
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "write", "writes", "wrote", "writing", "written", "ask", "asks", "asked", "asking",
    // argue, warn, insist, note, explain, continue
    "argue", "argues", "argued", "arguing", "warn", "warns", "warned", "insist", "insists",
    "insisted", "insisting", "noted", "noting", "explain", "explains", "explained", "explaining",
    "continue", "continues", "continued", "continuing",
    // state, declare, claim, reply, respond, answer, comment
    "commented", "commenting", "stated", "declare", "declares", "declared", "declaring", "claimed", "claiming", "replies",
    "replied", "replying", "respond", "responds", "responded", "responding", "answers", "answered",
    "answering",
    // recall, acknowledge, admit, announce, suggest, report
    "recall", "recalls", "recalled", "recalling", "acknowledge", "acknowledges", "acknowledged",
    "acknowledging", "admit", "admits", "admitted", "admitting", "announce", "announces",
    "announced", "announcing", "suggest", "suggests", "suggested", "suggesting", "reports",
    "reported", "reporting",
    // tweet, post, post on social media
    "tweeted", "tweeting", "posted", "posting",
    // complain, predict, promise, vow, urge, quip, joke
    "complain", "complains", "complained", "complaining", "predict", "predicts", "predicted",
    "predicting", "promised", "promising", "vowed", "vowing", "urged", "urging", "quipped", "joked",
    "joking",
    // concede, counter, observe, remark, emphasise, stress
    "concedes", "conceded", "conceding", "countered", "observed", "remarked", "emphasize",
    "emphasizes", "emphasized", "emphasise", "emphasised", "stressed", "stressing",
    // caution, charge, contend, maintain, muse, lament, boast, brag
    "cautioned", "charged", "contend", "contends", "contended", "maintain", "maintains",
    "maintained", "mused", "lamented", "boasted", "bragged",
    // shout, yell, scream, chant, whisper, cry, plead, demand, proclaim
    "shouted", "yelled", "screamed", "chanted", "chanting", "whispered", "cried", "pleaded", "pled",
    "demanded", "proclaim", "proclaimed", "proclaims",
    // assert, allege, agree, conclude, testify, confirm, deny, reiterate, recount
    "assert", "asserted", "asserting", "allege", "alleges", "alleged", "agreed", "conclude",
    "concludes", "concluded", "testified", "confirm", "confirms", "confirmed", "deny", "denies",
    "denied", "reiterate", "reiterated", "reiterates", "recounted", "describe", "describes",
    "described", "describing", "began", "opine", "opined", "retort", "retorted", "interject",
    "interjected", "sighed", "snapped", "thundered", "exclaim", "exclaimed", "muttered", "repeat",
    "repeated", "repeats", "pledged", "propose", "proposed", "proposes", "pointed",
    // stance verbs that carry a quoted phrase
    "calls", "called", "calling", "dub", "dubbed", "dubs", "labeled", "labelled", "branded",
    "termed", "refer", "referred", "refers", "referring", "accuse", "accused", "accuses",
    "accusing", "blamed", "slammed", "praised", "criticize", "criticized", "criticizes",
    "criticise", "criticised", "attacked", "mocked", "denounce", "denounced", "denounces", "touted",
    "hailed", "decried", "characterize", "characterized",
];

/// Verbs of speech and writing proper, preferred over stance verbs when a sentence has both
/// ("Park said Kim's state is “spiraling”", "she said she recalls him being “confused”").
pub fn is_speech_verb(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]),
        "say" | "says" | "said" | "saying" | "tell" | "tells" | "told" | "telling" | "add" | "adds"
            | "added" | "adding" | "write" | "writes" | "wrote" | "writing" | "ask" | "asks"
            | "asked" | "asking" | "tweeted" | "posted" | "stated" | "declared" | "announced"
            | "reported" | "reports" | "explained" | "argued" | "argues" | "warned" | "warns"
            | "insisted" | "insists" | "noted" | "claimed" | "replied" | "responded"
    )
}

/// True for a reporting verb (case-insensitive).
pub fn is_reporting_verb(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| REPORTING_VERBS.iter().copied().collect()).contains(lower(word, &mut [0; 24]))
}

/// `word` lower-cased (ASCII) into `buf` without allocating; a word longer than the buffer (no
/// word of these lists is) comes back empty.
pub fn lower<'b>(word: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    let b = word.as_bytes();
    if b.len() > buf.len() {
        return "";
    }
    // most words have no capital: they are their own lower-case form (no copy, no UTF-8 check)
    if !b.iter().any(u8::is_ascii_uppercase) {
        return word;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).unwrap_or("")
}

/// Verbs that are too often nouns to trust before a quote ("the statement", "his claims") but are
/// plain verbs right after a speaker at the end of a quote: `“…,” the message reads`.
pub fn is_verb_after_speaker(word: &str) -> bool {
    matches!(
        word,
        "reads" | "read" | "notes" | "states" | "claims" | "posts" | "tweets" | "boomed" | "quips"
            | "jokes" | "cautions" | "observes" | "laments" | "boasts" | "hopes" | "thinks" | "believes"
            | "shouts" | "yells" | "screams" | "whispers" | "sang" | "sings" | "chants" | "muses"
            | "concedes" | "counters" | "replies" | "answers" | "remarks" | "vows" | "pledges"
            | "promises" | "charges" | "recounts" | "grumbled" | "scoffed" | "gushed" | "riffed"
            | "confessed" | "interrupted" | "interjected" | "explains" | "concluded" | "explained"
    )
}

/// Verbs whose inverted form ("said Lee", "added the spokesman") reads naturally; the full list
/// works after a speaker ("Lee argued"), only these before one. Not "told": the name after it is
/// the listener ("Butz, 49, told The Huffington Post").
pub fn inverts(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]),
        "said" | "says" | "added" | "adds" | "asked" | "asks" | "wrote" | "writes" | "continued"
            | "continues" | "explained" | "noted" | "recalled" | "argued" | "warned" | "insisted"
            | "replied" | "responded" | "answered" | "observed" | "remarked" | "quipped" | "joked"
            | "countered" | "declared" | "stated" | "conceded" | "cautioned" | "concluded"
            | "tweeted" | "according" | "reported" | "reports" | "acknowledged"
            | "admitted" | "claimed" | "contended" | "mused" | "lamented" | "boasted" | "exclaimed"
            | "retorted" | "opined" | "stressed" | "emphasized" | "predicted" | "suggested"
    )
}

/// Auxiliaries and adverbs that may stand between a speaker and the verb: "Trump has said",
/// "Lee also told", "she later wrote".
pub fn is_verb_filler(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]),
        "has" | "have" | "had" | "also" | "later" | "then" | "previously" | "once" | "recently"
            | "again" | "repeatedly" | "reportedly" | "would" | "will" | "could" | "might" | "did"
            | "does" | "do" | "often" | "frequently" | "earlier" | "first" | "simply" | "just"
            | "even" | "flatly" | "privately" | "publicly" | "famously" | "bluntly" | "quickly"
            | "angrily" | "told" | "has since" | "since" | "only" | "still" | "further" | "went"
            | "openly" | "finally" | "immediately" | "subsequently" | "already" | "never"
            | "always" | "ultimately" | "not" | "may" | "must" | "should"
    )
}

/// Forms of "be": "would be announced" is passive, its subject is not the speaker.
pub fn is_be(word: &str) -> bool {
    matches!(lower(word, &mut [0; 24]), "be" | "is" | "was" | "were" | "are" | "been" | "being" | "am")
}

/// Personal pronouns that can be a speaker.
pub fn is_pronoun(word: &str) -> bool {
    matches!(lower(word, &mut [0; 24]), "he" | "she" | "they" | "we" | "i" | "it" | "you")
}

/// Words that open a speaker description: "the spokesman", "a source", "two officials".
pub fn is_determiner(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "another" | "two" | "three"
            | "several" | "some" | "many" | "other" | "both" | "our" | "my" | "this" | "that"
            | "these" | "those" | "no" | "each" | "most" | "few"
    )
}

/// Function words a speaker phrase never contains (compared lower-case).
pub fn is_stop(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]),
        "and" | "but" | "or" | "nor" | "so" | "yet" | "that" | "which" | "who" | "whom" | "whose"
            | "when" | "where" | "while" | "as" | "because" | "if" | "though" | "although"
            | "after" | "before" | "since" | "until" | "than" | "in" | "on" | "at" | "to"
            | "from" | "with" | "by" | "about" | "into" | "over" | "under" | "during" | "about."
            | "not" | "also" | "then" | "there" | "here" | "what" | "how" | "why" | "said"
            | "says" | "is" | "was" | "were" | "are" | "be" | "been" | "has" | "have" | "had"
            | "will" | "would" | "can" | "could" | "should" | "may" | "might" | "must" | "do"
            | "does" | "did" | "this" | "these" | "those" | "him" | "them" | "us" | "me"
            | "of" | "for" | "like" | "unlike" | "even" | "just" | "only" | "however" | "yes"
            | "no" | "now" | "today" | "tonight" | "yesterday" | "tomorrow" | "ago" | "more"
            | "most" | "very" | "all" | "any" | "every" | "such" | "again" | "later" | "well"
            | "instead" | "according" | "without" | "against" | "between" | "among" | "through"
            | "whether" | "then," | "too" | "either" | "neither" | "once" | "why," | "meanwhile"
    )
}

/// Words that open a subordinate clause, whose subject is not the sentence's.
pub fn is_subordinator(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]),
        "as" | "when" | "while" | "if" | "because" | "after" | "before" | "since" | "although"
            | "though" | "until" | "that" | "which" | "who" | "whom" | "whether" | "once" | "unless"
    )
}

/// Prepositions that open a phrase standing between a speaker and the verb.
pub fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "at" | "in" | "on" | "during" | "after" | "before" | "with" | "for" | "in," | "over" | "from"
            | "since" | "through" | "throughout" | "last" | "by" | "earlier" | "later"
    )
}

/// Prepositions proper (compared lower-case): the noun phrase after one is its object, never the
/// subject of a sentence ("In response to the filings, Cruz's lawyers relied …").
pub fn is_preposition_word(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]),
        "in" | "on" | "at" | "to" | "from" | "with" | "by" | "about" | "into" | "over" | "under"
            | "during" | "of" | "for" | "like" | "unlike" | "without" | "against" | "between"
            | "among" | "through" | "toward" | "towards" | "upon" | "onto" | "across" | "behind"
    )
}

/// Nouns for what somebody said, owned by the speaker: "Trump's claim that “…”".
pub fn is_speech_noun(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]),
        "claim" | "claims" | "assertion" | "statement" | "remark" | "remarks" | "comment" | "comments"
            | "warning" | "call" | "promise" | "pledge" | "vow" | "description" | "accusation"
            | "words" | "argument" | "insistence" | "suggestion" | "tweet" | "message" | "boast"
            | "charge" | "quip" | "declaration" | "prediction" | "demand" | "plea" | "slogan"
    )
}

/// Day and month names, which are capitalised but are not speakers ("said Monday").
pub fn is_calendar_word(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]).trim_end_matches('.'),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            | "january" | "february" | "march" | "april" | "june" | "july" | "august"
            | "september" | "october" | "november" | "december" | "jan" | "feb" | "mar" | "apr"
            | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
    )
}

/// Titles before a name, dropped when the name is resolved ("Mr. Lu" → "Lu Kang").
pub fn is_title(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]).trim_end_matches('.'),
        "mr" | "mrs" | "ms" | "miss" | "dr" | "prof" | "professor" | "sen" | "senator" | "rep"
            | "representative" | "gov" | "governor" | "president" | "vice" | "secretary" | "gen"
            | "general" | "lt" | "col" | "sgt" | "capt" | "adm" | "maj" | "rev" | "judge"
            | "justice" | "mayor" | "chairman" | "chairwoman" | "speaker" | "leader" | "minister"
            | "prime" | "sir" | "lord" | "lady" | "dame" | "king" | "queen" | "prince" | "princess"
            | "pope" | "father" | "sister" | "brother" | "chancellor" | "ambassador" | "attorney"
            | "former" | "candidate" | "nominee" | "spokesman" | "spokeswoman" | "spokesperson"
            | "sheriff" | "chief" | "commissioner" | "councilman" | "councilwoman" | "deputy"
            | "assistant" | "director" | "coach" | "host" | "anchor" | "pollster" | "strategist"
            | "gop" | "democratic" | "republican" | "democrat" | "longtime" | "st"
    )
}

/// Lower-case nouns that may follow a name inside a speaker phrase: "the Clinton campaign",
/// "Clinton campaign spokesman Brian Fallon", "a Trump aide".
pub fn is_head_noun(word: &str) -> bool {
    is_person_noun(word)
        || matches!(
            word,
            "campaign" | "aide" | "aides" | "officials" | "administration" | "team" | "staff" | "office"
                | "department" | "supporters" | "supporter" | "advisers" | "leaders" | "source"
                | "sources" | "ad" | "ads" | "statement" | "report" | "website" | "editorial" | "poll"
                | "survey" | "letter" | "lawyers" | "members" | "voters" | "spokespeople" | "camp"
                | "senators" | "lawmakers" | "critics" | "allies" | "surrogate" | "surrogates"
                | "transition" | "committee" | "group" | "organization" | "foundation" | "memo"
                | "filing" | "lawsuit" | "complaint" | "study" | "analysis" | "people"
        )
}

/// Head nouns of a description that names a person: "the spokesman", "the North Korean leader".
pub fn is_person_noun(word: &str) -> bool {
    matches!(
        lower(word, &mut [0; 24]),
        "spokesman" | "spokeswoman" | "spokesperson" | "leader" | "president" | "senator"
            | "candidate" | "nominee" | "minister" | "official" | "governor" | "secretary"
            | "chairman" | "chairwoman" | "mayor" | "congressman" | "congresswoman" | "businessman"
            | "billionaire" | "mogul" | "democrat" | "republican" | "professor" | "director"
            | "lawmaker" | "host" | "ambassador" | "diplomat" | "general" | "premier" | "envoy"
            | "chief" | "executive" | "adviser" | "advisor" | "aide" | "manager" | "lawyer"
            | "attorney" | "judge" | "former" | "man" | "woman" | "star" | "king" | "queen"
            | "prince" | "dictator" | "ruler" | "chancellor" | "economist" | "analyst" | "expert"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verbs_cover_the_issue_list() {
        for v in ["said", "says", "told", "added", "argued", "warned", "insisted", "noted", "asked", "wrote", "tweeted"] {
            assert!(is_reporting_verb(v), "{v}");
        }
        assert!(is_reporting_verb("Said"));
        assert!(!is_reporting_verb("table"));
        assert!(inverts("said") && inverts("added") && !inverts("called"));
    }

    #[test]
    fn small_word_classes() {
        assert!(is_pronoun("He") && is_pronoun("they") && !is_pronoun("the"));
        assert!(is_determiner("another") && is_stop("which") && is_calendar_word("Monday"));
        assert!(is_title("Mr.") && is_title("Sen.") && !is_title("Lu"));
        assert!(is_be("would") == false && is_be("be") && is_verb_filler("also"));
        assert!(is_person_noun("spokesman") && !is_person_noun("car"));
    }
}
