//! The NLP layer: runs nlprule over an objective and keeps, per token, its text,
//! byte span, lemmas, part-of-speech tags and chunk, in a form the rules can query.

use nlprule::Tokenizer;
use std::ops::Range;

/// The kind of phrase chunk nlprule's chunker put a token in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkKind {
    Noun,
    Verb,
    Prep,
    Adverb,
    Adjective,
    Other,
}

/// One analysed token.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte span in the objective's text.
    pub span: Range<usize>,
    /// The surface text, lowercased.
    pub lower: String,
    /// Lowercased lemmas of every reading nlprule kept.
    pub lemmas: Vec<String>,
    /// POS tags of every reading nlprule kept (Penn Treebank style, e.g. `VB`, `NNS`).
    /// Interned: the tag set is small and every token of every memoised analysis
    /// would otherwise carry its own copies.
    pub tags: Vec<&'static str>,
    /// The tag chosen as most likely, using the chunk to break ties.
    pub pos: &'static str,
    pub chunk: ChunkKind,
    /// True when this token starts its chunk (`B-`).
    pub chunk_start: bool,
    /// Index of the sentence this token belongs to.
    pub sentence: usize,
    /// For the first word of a sentence: the dictionary has a verb reading for it,
    /// even if disambiguation dropped it ("exercise daily", "track medication use").
    pub can_be_verb: bool,
}

impl Token {
    pub fn has_tag(&self, prefix: &str) -> bool {
        self.tags.iter().any(|t| t.starts_with(prefix))
    }
    pub fn is_verb(&self) -> bool {
        self.pos.starts_with("VB")
    }
    pub fn is_noun(&self) -> bool {
        self.pos.starts_with("NN")
    }
    pub fn is_proper_noun(&self) -> bool {
        self.pos.starts_with("NNP")
    }
    pub fn is_number(&self) -> bool {
        self.pos == "CD"
    }
    /// The possessive marker: "'s" in "Maisie's communication".
    pub fn is_possessive(&self) -> bool {
        self.pos == "POS" || self.lower == "'s"
    }
    /// True when every reading is a verb and one is its base form
    /// ("encourage", "help"): the word cannot name who acts.
    pub fn is_only_a_verb(&self) -> bool {
        self.tags.contains(&"VB") && self.tags.iter().all(|t| t.starts_with("VB"))
    }
    pub fn is_punct(&self) -> bool {
        self.lower.chars().all(|c| !c.is_alphanumeric())
    }
    /// True when the surface form or any lemma equals `word` (lowercase).
    pub fn is(&self, word: &str) -> bool {
        self.lower == word || self.lemmas.iter().any(|l| l == word)
    }
    /// The lemma that goes with the chosen tag, else the surface form.
    pub fn lemma(&self) -> &str {
        self.lemma_for(self.pos).unwrap_or(&self.lower)
    }
    /// The lemma that goes with `tag`, if the word has that reading. Of two
    /// for the same tag, the shorter: "putting" is "put", not "putt".
    pub fn lemma_for(&self, tag: &str) -> Option<&str> {
        self.lemmas
            .iter()
            .zip(&self.tags)
            .filter(|(_, t)| **t == tag)
            .map(|(l, _)| l.as_str())
            .min_by_key(|l| l.len())
    }
    pub fn starts_uppercase(&self, text: &str) -> bool {
        text[self.span.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// Particles that make a phrasal verb with the verb before them.
const PARTICLES: &[&str] = &[
    "off", "up", "out", "down", "in", "on", "away", "back", "over",
];

/// The phrasal verb of a hyphenated word ("turn-off" → "turn off") when its
/// first part has a verb reading and its second is a particle.
fn hyphenated_phrasal_verb(tokenizer: &Tokenizer, surface: &str) -> Option<String> {
    let lower = surface.to_lowercase();
    let (verb, particle) = lower.split_once('-')?;
    if !PARTICLES.contains(&particle) {
        return None;
    }
    tokenizer
        .tagger()
        .get_tags(verb)
        .any(|d| d.pos().as_str() == "VB")
        .then(|| format!("{verb} {particle}"))
}

/// The lemma of a "self-" compound whose second part is a gerund
/// ("self-administering" -> "self-administer"); none for any other word.
fn self_gerund(tokenizer: &Tokenizer, surface: &str) -> Option<String> {
    let lower = surface.to_lowercase();
    let rest = lower.strip_prefix("self-").filter(|r| r.ends_with("ing"))?;
    tokenizer
        .tagger()
        .get_tags(rest)
        .find(|d| d.pos().as_str() == "VBG")
        .map(|d| format!("self-{}", d.lemma().as_str().to_lowercase()))
}

/// An objective after tagging and chunking.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub text: String,
    pub tokens: Vec<Token>,
    /// Every surface form and lemma of `tokens`, built on the first phrase
    /// search: most of a word list's phrases start with a word the objective
    /// does not have, and one lookup here rules each of them out. (Built from
    /// `tokens` as they are then; the analysis is not changed after it is made.)
    words: std::sync::OnceLock<std::collections::HashSet<String>>,
}

impl Analysis {
    fn from_tokens(text: String, tokens: Vec<Token>) -> Self {
        Analysis {
            text,
            tokens,
            words: std::sync::OnceLock::new(),
        }
    }

    /// True when some token's surface form or lemma is `word`.
    fn has_word(&self, word: &str) -> bool {
        self.words
            .get_or_init(|| {
                self.tokens
                    .iter()
                    .flat_map(|t| std::iter::once(&t.lower).chain(&t.lemmas))
                    .cloned()
                    .collect()
            })
            .contains(word)
    }

    /// Tags and chunks `text` with nlprule.
    pub fn new(tokenizer: &Tokenizer, text: &str) -> Self {
        let mut tokens = Vec::new();
        for (index, sentence) in tokenizer.pipe(text).enumerate() {
            let mut first = true;
            for token in sentence.tokens() {
                let span = token.span().byte().clone();
                let surface = &text[span.clone()];
                if surface.trim().is_empty() {
                    continue;
                }
                let mut lemmas = Vec::new();
                let mut tags = Vec::new();
                for data in token.word().tags() {
                    let pos = data.pos().as_str();
                    if pos.is_empty() || pos == "SENT_END" || pos == "SENT_START" {
                        continue;
                    }
                    tags.push(intern_tag(pos));
                    lemmas.push(data.lemma().as_str().to_lowercase());
                }
                // "turn-off", "check-in", "sign-up": a hyphenated verb and
                // particle the dictionary does not know is read as the verb.
                if tags.iter().all(|t| *t == "UNKNOWN") {
                    if let Some(verb) = hyphenated_phrasal_verb(tokenizer, surface) {
                        tags = vec![intern_tag("VB")];
                        lemmas = vec![verb];
                    }
                }
                // "self-administering": the gerund of "self-administer", though
                // the dictionary knows only the adjective.
                if !tags.iter().any(|t| t.starts_with("VB")) {
                    if let Some(lemma) = self_gerund(tokenizer, surface) {
                        tags.push(intern_tag("VBG"));
                        lemmas.push(lemma);
                    }
                }
                let (chunk, chunk_start) = parse_chunk(token.chunks());
                let pos = choose_pos(&tags, chunk);
                let can_be_verb = tags.iter().any(|t| t.starts_with("VB"))
                    || (first
                        && tokenizer
                            .tagger()
                            .get_tags(&surface.to_lowercase())
                            .any(|d| d.pos().as_str().starts_with("VB")));
                first = false;
                tokens.push(Token {
                    span,
                    lower: surface.to_lowercase(),
                    lemmas,
                    tags,
                    pos,
                    chunk,
                    chunk_start,
                    sentence: index,
                    can_be_verb,
                });
            }
        }
        Analysis::from_tokens(text.to_string(), super::contractions::rebuild(tokens))
    }

    /// The analysis of `text` put together from analyses of its consecutive
    /// pieces: `pieces[i]` is the analysis of `text[cuts[i - 1]..cuts[i]]`
    /// (from 0 and to the end). Token spans are moved to their place in `text`;
    /// a piece continues the last sentence of the piece before it. The tagger
    /// sees each piece without its neighbours, so a tag at a seam can differ from
    /// tagging the whole text at once; `tests/audit.rs` measures how often that
    /// changes a judgment.
    pub fn join(text: &str, cuts: &[usize], pieces: &[&Analysis]) -> Analysis {
        debug_assert_eq!(cuts.len() + 1, pieces.len());
        let mut tokens = Vec::new();
        let mut sentence_base = 0;
        for (i, piece) in pieces.iter().enumerate() {
            let offset = if i == 0 { 0 } else { cuts[i - 1] };
            for (k, t) in piece.tokens.iter().enumerate() {
                let mut t = t.clone();
                t.span = t.span.start + offset..t.span.end + offset;
                t.sentence += sentence_base;
                if i > 0 && k == 0 && t.sentence == sentence_base {
                    // Not the first word of a sentence here: no dictionary-only verb reading.
                    t.can_be_verb = t.tags.iter().any(|g| g.starts_with("VB"));
                }
                tokens.push(t);
            }
            sentence_base = tokens.last().map_or(sentence_base, |t| t.sentence);
        }
        Analysis::from_tokens(text.to_string(), tokens)
    }

    /// The analysis of `text[from..]`, dropping the tokens before byte `from`:
    /// `text[..from]` was context for the tagger only.
    pub fn after(&self, from: usize) -> Analysis {
        let base = self
            .tokens
            .iter()
            .find(|t| t.span.start >= from)
            .map_or(0, |t| t.sentence);
        let tokens = self
            .tokens
            .iter()
            .filter(|t| t.span.start >= from)
            .map(|t| {
                let mut t = t.clone();
                t.span = t.span.start - from..t.span.end - from;
                t.sentence -= base;
                t
            })
            .collect();
        Analysis::from_tokens(self.text.get(from..).unwrap_or("").to_string(), tokens)
    }

    /// The source text of tokens `range` (inclusive of what lies between them).
    pub fn slice(&self, range: Range<usize>) -> &str {
        if range.is_empty() || range.end > self.tokens.len() {
            return "";
        }
        &self.text[self.tokens[range.start].span.start..self.tokens[range.end - 1].span.end]
    }

    /// Byte span covering tokens `range`.
    pub fn byte_span(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() || range.end > self.tokens.len() {
            return 0..0;
        }
        self.tokens[range.start].span.start..self.tokens[range.end - 1].span.end
    }

    /// The byte where the last word ends: after the last token that is not
    /// punctuation (the text's length when there is none).
    pub fn words_end(&self) -> usize {
        self.tokens
            .iter()
            .rposition(|t| !t.is_punct())
            .map_or(self.text.len(), |k| self.tokens[k].span.end)
    }

    /// Index of the token that contains byte offset `at`, if any.
    pub fn token_at(&self, at: usize) -> Option<usize> {
        self.tokens
            .iter()
            .position(|t| t.span.start <= at && at < t.span.end)
    }

    /// Finds every occurrence of `phrase` (lowercase words, space-separated) where
    /// each word matches a token's surface form or lemma. Returns token ranges.
    pub fn find_phrase(&self, phrase: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        if phrase
            .split_whitespace()
            .next()
            .is_some_and(|first| !self.has_word(first))
        {
            return found;
        }
        let mut i = 0;
        while i < self.tokens.len() {
            match self.phrase_len_at(phrase, i) {
                Some(len) if len > 0 => {
                    found.push(i..i + len);
                    i += len;
                }
                _ => i += 1,
            }
        }
        found
    }

    /// How many tokens `phrase` covers when it starts at token `at`. Checks
    /// word by word and stops at the first that differs, so the many phrases
    /// of a word list cost little where they do not start.
    pub fn phrase_len_at(&self, phrase: &str, at: usize) -> Option<usize> {
        let mut len = 0;
        for word in phrase.split_whitespace() {
            if !self.tokens.get(at + len)?.is(word) {
                return None;
            }
            len += 1;
        }
        Some(len)
    }
}

fn parse_chunk(chunks: &[String]) -> (ChunkKind, bool) {
    let Some(first) = chunks.first() else {
        return (ChunkKind::Other, false);
    };
    let start = chunks.iter().any(|c| c.starts_with("B-"));
    let kind = if first.contains("-NP") {
        ChunkKind::Noun
    } else if first.contains("-VP") {
        ChunkKind::Verb
    } else if first.contains("-PP") {
        ChunkKind::Prep
    } else if first.contains("-ADVP") {
        ChunkKind::Adverb
    } else if first.contains("-ADJP") {
        ChunkKind::Adjective
    } else {
        ChunkKind::Other
    };
    (kind, start)
}

/// Picks the reading that fits the chunk: verbs in verb chunks, nouns in noun chunks.
/// The one shared copy of a POS tag. nlprule's tag set has a few dozen
/// members, so the interned set stays that small.
pub(super) fn intern_tag(tag: &str) -> &'static str {
    static TAGS: std::sync::OnceLock<std::sync::Mutex<std::collections::HashSet<&'static str>>> =
        std::sync::OnceLock::new();
    let mut set = TAGS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(t) = set.get(tag) {
        return t;
    }
    let leaked: &'static str = Box::leak(tag.to_string().into_boxed_str());
    set.insert(leaked);
    leaked
}

fn choose_pos(tags: &[&'static str], chunk: ChunkKind) -> &'static str {
    let prefer: &[&str] = match chunk {
        ChunkKind::Verb => &["MD", "TO", "VB", "RB"],
        ChunkKind::Noun => &["PRP", "CD", "DT", "NNP", "NN", "JJ", "POS"],
        ChunkKind::Prep => &["IN", "TO"],
        ChunkKind::Adverb => &["RB", "WRB"],
        ChunkKind::Adjective => &["JJ"],
        ChunkKind::Other => &[],
    };
    for p in prefer {
        if let Some(t) = tags.iter().find(|t| t.starts_with(p)) {
            return t;
        }
    }
    tags.iter()
        .find(|t| !matches!(**t, "PCT" | "UNKNOWN"))
        .or_else(|| tags.first())
        .copied()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::Analysis;
    use crate::testing::checker;

    #[test]
    fn a_self_compound_of_a_gerund_reads_as_the_gerund() {
        let tokenizer = checker().tokenizer();
        let a = Analysis::new(tokenizer, "Self-catheterising twice a day");
        let t = &a.tokens[0];
        assert!(t.has_tag("VBG"), "{t:?}");
        assert!(t.lemmas.iter().any(|l| l == "self-catheterise"), "{t:?}");
        // A "self-" noun is left as the dictionary reads it.
        let a = Analysis::new(tokenizer, "Self-care daily");
        assert!(!a.tokens[0].has_tag("VBG"), "{:?}", a.tokens[0]);
    }

    #[test]
    fn joined_pieces_point_into_the_whole_text() {
        let tokenizer = checker().tokenizer();
        let text = "Mum will walk Amy to school every Monday, measured by the register";
        let cuts = [
            text.find(" every").unwrap(),
            text.find(", measured").unwrap(),
        ];
        let first = Analysis::new(tokenizer, &text[..cuts[0]]);
        let lead = "They will do it";
        let second = Analysis::new(tokenizer, &format!("{lead}{}", &text[cuts[0]..cuts[1]]))
            .after(lead.len());
        let third =
            Analysis::new(tokenizer, &format!("{lead}{}", &text[cuts[1]..])).after(lead.len());
        let joined = Analysis::join(text, &cuts, &[&first, &second, &third]);
        let whole = Analysis::new(tokenizer, text);
        let words = |a: &Analysis| -> Vec<String> {
            a.tokens
                .iter()
                .map(|t| text[t.span.clone()].to_string())
                .collect()
        };
        assert_eq!(words(&joined), words(&whole));
        assert!(joined.tokens.iter().all(|t| t.sentence == 0));
        // "every" follows a verb phrase here, not the start of a sentence.
        let every = joined.tokens.iter().find(|t| t.lower == "every").unwrap();
        assert!(!every.can_be_verb);
    }
}
