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
        lower_b(word, &mut [0; 24]),
        b"say" | b"says" | b"said" | b"saying" | b"tell" | b"tells" | b"told" | b"telling" | b"add" | b"adds"
            | b"added" | b"adding" | b"write" | b"writes" | b"wrote" | b"writing" | b"ask" | b"asks"
            | b"asked" | b"asking" | b"tweeted" | b"posted" | b"stated" | b"declared" | b"announced"
            | b"reported" | b"reports" | b"explained" | b"argued" | b"argues" | b"warned" | b"warns"
            | b"insisted" | b"insists" | b"noted" | b"claimed" | b"replied" | b"responded"
    )
}

/// True for a reporting verb (case-insensitive).
pub fn is_reporting_verb(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static [u8]>> = OnceLock::new();
    SET.get_or_init(|| REPORTING_VERBS.iter().map(|w| w.as_bytes()).collect()).contains(lower_b(word, &mut [0; 24]))
}

/// `word` lower-cased (ASCII) into `buf` without allocating; a word longer than the buffer (no
/// word of these lists is) comes back empty. [`lower_b`] as a string.
pub fn lower<'b>(word: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    let b = lower_b(word, buf);
    // most words have no capital: they come back as themselves (no UTF-8 check)
    if b.as_ptr() == word.as_ptr() {
        return word;
    }
    std::str::from_utf8(b).unwrap_or("")
}

/// `word` lower-cased (ASCII) as bytes into `buf` (the word itself when it has no capital): the
/// word lists below are matched as bytes, with no UTF-8 check.
#[inline]
pub fn lower_b<'b>(word: &'b str, buf: &'b mut [u8; 24]) -> &'b [u8] {
    let b = word.as_bytes();
    if b.len() > buf.len() {
        return b"";
    }
    if !b.iter().any(u8::is_ascii_uppercase) {
        return b;
    }
    let out = &mut buf[..b.len()];
    for (d, s) in out.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    out
}

/// `w` without trailing periods.
#[inline]
fn trim_dots(mut w: &[u8]) -> &[u8] {
    while let [rest @ .., b'.'] = w {
        w = rest;
    }
    w
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
        lower_b(word, &mut [0; 24]),
        b"said" | b"says" | b"added" | b"adds" | b"asked" | b"asks" | b"wrote" | b"writes" | b"continued"
            | b"continues" | b"explained" | b"noted" | b"recalled" | b"argued" | b"warned" | b"insisted"
            | b"replied" | b"responded" | b"answered" | b"observed" | b"remarked" | b"quipped" | b"joked"
            | b"countered" | b"declared" | b"stated" | b"conceded" | b"cautioned" | b"concluded"
            | b"tweeted" | b"according" | b"reported" | b"reports" | b"acknowledged"
            | b"admitted" | b"claimed" | b"contended" | b"mused" | b"lamented" | b"boasted" | b"exclaimed"
            | b"retorted" | b"opined" | b"stressed" | b"emphasized" | b"predicted" | b"suggested"
    )
}

/// Auxiliaries and adverbs that may stand between a speaker and the verb: "Trump has said",
/// "Lee also told", "she later wrote".
pub fn is_verb_filler(word: &str) -> bool {
    matches!(
        lower_b(word, &mut [0; 24]),
        b"has" | b"have" | b"had" | b"also" | b"later" | b"then" | b"previously" | b"once" | b"recently"
            | b"again" | b"repeatedly" | b"reportedly" | b"would" | b"will" | b"could" | b"might" | b"did"
            | b"does" | b"do" | b"often" | b"frequently" | b"earlier" | b"first" | b"simply" | b"just"
            | b"even" | b"flatly" | b"privately" | b"publicly" | b"famously" | b"bluntly" | b"quickly"
            | b"angrily" | b"told" | b"has since" | b"since" | b"only" | b"still" | b"further" | b"went"
            | b"openly" | b"finally" | b"immediately" | b"subsequently" | b"already" | b"never"
            | b"always" | b"ultimately" | b"not" | b"may" | b"must" | b"should"
    )
}

/// Forms of "be": "would be announced" is passive, its subject is not the speaker.
pub fn is_be(word: &str) -> bool {
    matches!(
        lower_b(word, &mut [0; 24]), b"be" | b"is" | b"was" | b"were" | b"are" | b"been" | b"being" | b"am")
}

/// Personal pronouns that can be a speaker.
pub fn is_pronoun(word: &str) -> bool {
    matches!(
        lower_b(word, &mut [0; 24]), b"he" | b"she" | b"they" | b"we" | b"i" | b"it" | b"you")
}

/// Words that open a speaker description: "the spokesman", "a source", "two officials".
pub fn is_determiner(word: &str) -> bool {
    matches!(
        lower_b(word, &mut [0; 24]),
        b"the" | b"a" | b"an" | b"his" | b"her" | b"their" | b"its" | b"one" | b"another" | b"two" | b"three"
            | b"several" | b"some" | b"many" | b"other" | b"both" | b"our" | b"my" | b"this" | b"that"
            | b"these" | b"those" | b"no" | b"each" | b"most" | b"few"
    )
}

/// Function words a speaker phrase never contains (compared lower-case).
pub fn is_stop(word: &str) -> bool {
    matches!(
        lower_b(word, &mut [0; 24]),
        b"and" | b"but" | b"or" | b"nor" | b"so" | b"yet" | b"that" | b"which" | b"who" | b"whom" | b"whose"
            | b"when" | b"where" | b"while" | b"as" | b"because" | b"if" | b"though" | b"although"
            | b"after" | b"before" | b"since" | b"until" | b"than" | b"in" | b"on" | b"at" | b"to"
            | b"from" | b"with" | b"by" | b"about" | b"into" | b"over" | b"under" | b"during" | b"about."
            | b"not" | b"also" | b"then" | b"there" | b"here" | b"what" | b"how" | b"why" | b"said"
            | b"says" | b"is" | b"was" | b"were" | b"are" | b"be" | b"been" | b"has" | b"have" | b"had"
            | b"will" | b"would" | b"can" | b"could" | b"should" | b"may" | b"might" | b"must" | b"do"
            | b"does" | b"did" | b"this" | b"these" | b"those" | b"him" | b"them" | b"us" | b"me"
            | b"of" | b"for" | b"like" | b"unlike" | b"even" | b"just" | b"only" | b"however" | b"yes"
            | b"no" | b"now" | b"today" | b"tonight" | b"yesterday" | b"tomorrow" | b"ago" | b"more"
            | b"most" | b"very" | b"all" | b"any" | b"every" | b"such" | b"again" | b"later" | b"well"
            | b"instead" | b"according" | b"without" | b"against" | b"between" | b"among" | b"through"
            | b"whether" | b"then," | b"too" | b"either" | b"neither" | b"once" | b"why," | b"meanwhile"
    )
}

/// Words that open a subordinate clause, whose subject is not the sentence's.
pub fn is_subordinator(word: &str) -> bool {
    matches!(
        lower_b(word, &mut [0; 24]),
        b"as" | b"when" | b"while" | b"if" | b"because" | b"after" | b"before" | b"since" | b"although"
            | b"though" | b"until" | b"that" | b"which" | b"who" | b"whom" | b"whether" | b"once" | b"unless"
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
        lower_b(word, &mut [0; 24]),
        b"in" | b"on" | b"at" | b"to" | b"from" | b"with" | b"by" | b"about" | b"into" | b"over" | b"under"
            | b"during" | b"of" | b"for" | b"like" | b"unlike" | b"without" | b"against" | b"between"
            | b"among" | b"through" | b"toward" | b"towards" | b"upon" | b"onto" | b"across" | b"behind"
    )
}

/// Nouns for what somebody said, owned by the speaker: "Trump's claim that “…”".
pub fn is_speech_noun(word: &str) -> bool {
    matches!(
        lower_b(word, &mut [0; 24]),
        b"claim" | b"claims" | b"assertion" | b"statement" | b"remark" | b"remarks" | b"comment" | b"comments"
            | b"warning" | b"call" | b"promise" | b"pledge" | b"vow" | b"description" | b"accusation"
            | b"words" | b"argument" | b"insistence" | b"suggestion" | b"tweet" | b"message" | b"boast"
            | b"charge" | b"quip" | b"declaration" | b"prediction" | b"demand" | b"plea" | b"slogan"
    )
}

/// Day and month names, which are capitalised but are not speakers ("said Monday").
pub fn is_calendar_word(word: &str) -> bool {
    matches!(
        trim_dots(lower_b(word, &mut [0; 24])),
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday" | b"sunday"
            | b"january" | b"february" | b"march" | b"april" | b"june" | b"july" | b"august"
            | b"september" | b"october" | b"november" | b"december" | b"jan" | b"feb" | b"mar" | b"apr"
            | b"jun" | b"jul" | b"aug" | b"sep" | b"sept" | b"oct" | b"nov" | b"dec"
    )
}

/// Titles before a name, dropped when the name is resolved ("Mr. Lu" → "Lu Kang").
pub fn is_title(word: &str) -> bool {
    matches!(
        trim_dots(lower_b(word, &mut [0; 24])),
        b"mr" | b"mrs" | b"ms" | b"miss" | b"dr" | b"prof" | b"professor" | b"sen" | b"senator" | b"rep"
            | b"representative" | b"gov" | b"governor" | b"president" | b"vice" | b"secretary" | b"gen"
            | b"general" | b"lt" | b"col" | b"sgt" | b"capt" | b"adm" | b"maj" | b"rev" | b"judge"
            | b"justice" | b"mayor" | b"chairman" | b"chairwoman" | b"speaker" | b"leader" | b"minister"
            | b"prime" | b"sir" | b"lord" | b"lady" | b"dame" | b"king" | b"queen" | b"prince" | b"princess"
            | b"pope" | b"father" | b"sister" | b"brother" | b"chancellor" | b"ambassador" | b"attorney"
            | b"former" | b"candidate" | b"nominee" | b"spokesman" | b"spokeswoman" | b"spokesperson"
            | b"sheriff" | b"chief" | b"commissioner" | b"councilman" | b"councilwoman" | b"deputy"
            | b"assistant" | b"director" | b"coach" | b"host" | b"anchor" | b"pollster" | b"strategist"
            | b"gop" | b"democratic" | b"republican" | b"democrat" | b"longtime" | b"st"
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
        lower_b(word, &mut [0; 24]),
        b"spokesman" | b"spokeswoman" | b"spokesperson" | b"leader" | b"president" | b"senator"
            | b"candidate" | b"nominee" | b"minister" | b"official" | b"governor" | b"secretary"
            | b"chairman" | b"chairwoman" | b"mayor" | b"congressman" | b"congresswoman" | b"businessman"
            | b"billionaire" | b"mogul" | b"democrat" | b"republican" | b"professor" | b"director"
            | b"lawmaker" | b"host" | b"ambassador" | b"diplomat" | b"general" | b"premier" | b"envoy"
            | b"chief" | b"executive" | b"adviser" | b"advisor" | b"aide" | b"manager" | b"lawyer"
            | b"attorney" | b"judge" | b"former" | b"man" | b"woman" | b"star" | b"king" | b"queen"
            | b"prince" | b"dictator" | b"ruler" | b"chancellor" | b"economist" | b"analyst" | b"expert"
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
