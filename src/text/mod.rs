//! Tokens and sentences shared by every layer. One pass, byte offsets, no allocation per token
//! beyond the token list itself. The rules follow news writing: abbreviations keep their period
//! (`Mr.`, `U.S.`, `Jan.`), a possessive `'s` is its own token (as in CoNLL-2003), numbers keep their
//! inner separators (`1,000`, `3.5`, `10:30`, `1/7/2019`), hyphenated names stay whole (`Kim Jong-un`).

pub mod fasthash;
mod tokenize;

pub use tokenize::{sentences, tokenize, Sentence, TokKind, Token};

/// A text with its tokens and sentences: what every layer reads.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
}

impl<'a> Doc<'a> {
    /// Build tokens and sentences and hand a `Doc` to `f` (handy in tests).
    pub fn with<R>(text: &str, f: impl FnOnce(&Doc) -> R) -> R {
        let tokens = tokenize(text);
        let sentences = sentences(text, &tokens);
        f(&Doc { text, tokens: &tokens, sentences: &sentences })
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }
}
