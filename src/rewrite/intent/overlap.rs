//! How far two texts are about the same thing: shared content words, the
//! setting each names, and whether an exemplar was written for a goal.

use super::{lower_words, Goal, IntentLists};

impl IntentLists {
    /// True when `a` and `b` share a content word: the same word, another form
    /// of it, or a word of the same group.
    pub fn share_a_content_word(&self, a: &str, b: &str) -> bool {
        // Names say who, not what: "Kai" in two objectives is not one goal.
        let (wa, wb) = (self.content_words(a), self.content_words(b));
        wa.iter()
            .any(|x| wb.iter().any(|y| self.same_or_related(x, y)))
    }

    /// True when the group word `group` ("parents") covers `person` ("mum").
    pub fn same_person_group(&self, group: &str, person: &str) -> bool {
        self.person_groups
            .get(group)
            .is_some_and(|members| members.iter().any(|m| m == person))
    }

    /// True when `a` and `b` share a content word that is not a setting:
    /// "behave better at home" and "Improve the home conditions" share only
    /// where, not what.
    pub fn share_what(&self, a: &str, b: &str) -> bool {
        self.share_a_content_word(&self.without_settings(a), &self.without_settings(b))
    }

    /// True when `a` and `b` share what they are about beyond the words in
    /// `beyond` and the words that frame a goal ("value", "positive"): "seek
    /// help with debt" and "Get help with debts" share "debt".
    pub fn shares_more_than(&self, a: &str, beyond: &[String], b: &str) -> bool {
        let rest: Vec<String> = lower_words(a)
            .into_iter()
            .filter(|w| !beyond.contains(w) && !self.frame_words.contains(w))
            .collect();
        self.share_what(&rest.join(" "), b)
    }

    /// True when `action` is set nowhere `given` does not allow: when the
    /// objective names a setting ("on the playground"), an exemplar set in
    /// another ("in [N of M] lessons") would move it there.
    pub fn fits_the_setting(&self, action: &str, given: &str) -> bool {
        let g = lower_words(given);
        let given_any = self
            .settings
            .iter()
            .any(|s| g.iter().any(|w| s.contains(w)));
        !given_any || self.sets_nowhere_else(action, given)
    }

    /// True when `action` names no setting that `given` does not: stricter
    /// than `fits_the_setting`, for an exemplar that stands in for the
    /// writer's own comparative ("behave better" said of no place is not
    /// "behave better in lessons").
    pub fn sets_nowhere_else(&self, action: &str, given: &str) -> bool {
        let (a, g) = (lower_words(action), lower_words(given));
        let named = |ws: &[String], group: &[String]| ws.iter().any(|w| group.contains(w));
        self.settings.iter().all(|s| !named(&a, s) || named(&g, s))
    }

    /// True when an exemplar (its vague side `vague`, its action `action`) was
    /// written for the goal of `given`: `given` covers the vague side or shares
    /// more with it than a general word or a comparative ("skills", "less");
    /// `given` names nothing the vague side does not ("healthier weight" is
    /// not "Be healthier", whose action is walking); the action is the
    /// writer's own act if they named one (`action_shares`; "eat healthier" is
    /// not walking either); and it is set nowhere `given` is not.
    pub fn written_for_the_goal(
        &self,
        goal: &Goal,
        given: &str,
        vague: &str,
        action: &str,
        action_shares: bool,
    ) -> bool {
        let same_act = goal.act.as_deref().is_none_or(|act| {
            !self.names_what(act) || action_shares || self.share_a_content_word(act, vague)
        });
        let beyond: Vec<String> = goal
            .general
            .iter()
            .chain(&goal.comparatives)
            .cloned()
            .collect();
        (self.covers(given, vague) || self.shares_more_than(given, &beyond, vague))
            && self.names_nothing_beyond(given, &beyond, vague)
            && same_act
            && self.sets_nowhere_else(action, given)
    }

    /// True when every content word of the exemplar's vague side `vague` but
    /// the words that frame a goal is in `given` too: the exemplar was written
    /// for this goal or a wider one ("Improve reading" covers "Leo will get
    /// better at reading"; "Improve social skills" does not cover "improve my
    /// skills", nor "Engage with health services" "improve my health").
    pub fn covers(&self, given: &str, vague: &str) -> bool {
        let ours = self.content_words(&self.without_settings(given));
        let theirs: Vec<String> = self
            .content_words(&self.without_settings(vague))
            .into_iter()
            .filter(|w| !self.frame_words.contains(w))
            .collect();
        !theirs.is_empty()
            && theirs
                .iter()
                .all(|y| ours.iter().any(|x| self.same_or_related(x, y)))
    }

    /// True when every word of `given` that says what it is about, but for
    /// names, settings, frame words and the words in `beyond`, is in `vague`
    /// too: "healthier weight" names weight, which "Be healthier" does not.
    fn names_nothing_beyond(&self, given: &str, beyond: &[String], vague: &str) -> bool {
        let theirs = self.content_words(&self.without_settings(vague));
        let unnamed: Vec<&str> = given
            .split_whitespace()
            .filter(|w| !w.starts_with(char::is_uppercase))
            .collect();
        self.content_words(&self.without_settings(&unnamed.join(" ")))
            .into_iter()
            .filter(|w| !beyond.contains(w) && !self.frame_words.contains(w))
            // "reading skills" names reading, as "Improve reading" does.
            .filter(|w| !super::SKILL_WORDS.contains(&w.as_str()))
            .all(|w| theirs.iter().any(|y| self.same_or_related(&w, y)))
    }

    /// True when `w` says what a text is about: not a general verb ("improve")
    /// or a stop word.
    fn names_what(&self, w: &str) -> bool {
        !self.content_words(w).is_empty()
    }

    /// The words of `t` that say what it is about: no names (but the first
    /// word), no stop words, none of two letters or fewer.
    fn content_words(&self, t: &str) -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .enumerate()
            .filter(|(i, w)| *i == 0 || !w.starts_with(char::is_uppercase))
            .map(|(_, w)| w.to_lowercase())
            .filter(|w| w.len() > 2 && !self.stop_words.iter().any(|s| s == w))
            .collect()
    }

    /// Two words that are one word in two forms, or of one group.
    fn same_or_related(&self, x: &str, y: &str) -> bool {
        same_word(x, y)
            || self
                .related
                .iter()
                .any(|g| g.iter().any(|w| w == x) && g.iter().any(|w| w == y))
    }

    /// `t` in lower case without the words that name a setting.
    fn without_settings(&self, t: &str) -> String {
        lower_words(t)
            .into_iter()
            .filter(|w| !self.settings.iter().any(|s| s.contains(w)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Two spellings of one word: equal, a plural, or forms sharing a stem
/// ("attend" and "attendance", "behave" and "behaviour").
pub(super) fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // "organized" and "organised", "behavior" and "behaviour".
    let (a, b) = (&one_spelling(a), &one_spelling(b));
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if drops_its_e(short, long) || f_becomes_ves(short, long) {
        return true;
    }
    if short.len() < 4 {
        return short_word_form(short, long);
    }
    let common = short
        .chars()
        .zip(long.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let (s, l) = (short.chars().count(), long.chars().count());
    if s == 4 {
        // "read" and "reading", but not "home" and "homework".
        return common == 4 && l - 4 <= 3;
    }
    // "happy" and "happiness", but not "money" and "month": four letters
    // shared at least.
    common >= 4 && common + 2 >= s && l - common <= 4
}

/// `word` in British spelling where American spelling differs only in an
/// ending: "-ize" ("organize", "organization"), "-yze" ("analyze") and
/// "-ior" ("behavior", "behavioral"). Short words ("size", "prize") are left.
fn one_spelling(word: &str) -> String {
    let mut w = word.to_string();
    if w.len() >= 6 {
        for (us, gb) in [("iz", "is"), ("yz", "ys")] {
            if let Some(at) = w.rfind(us) {
                let rest = &w[at + 2..];
                if ["e", "es", "ed", "ing", "er", "ers", "ation", "ations"].contains(&rest) {
                    w.replace_range(at..at + 2, gb);
                }
            }
        }
    }
    if let Some(at) = w.rfind("ior") {
        if ["", "s", "al", "ally"].contains(&&w[at + 3..]) && at >= 3 {
            w.replace_range(at..at + 3, "iour");
        }
    }
    w
}

/// A verb ending in "e" and its "-ing" form: "make" and "making", "use" and
/// "using", "lie" and "lying" (the "ie" becomes "y").
fn drops_its_e(short: &str, long: &str) -> bool {
    let Some(stem) = short.strip_suffix('e').filter(|s| s.len() >= 2) else {
        return false;
    };
    long.strip_prefix(stem).is_some_and(|r| r == "ing")
        || stem
            .strip_suffix('i')
            .is_some_and(|s| long.strip_prefix(s).is_some_and(|r| r == "ying"))
}

/// A word ending in "f" or "fe" and its plural in "ves": "life" and "lives",
/// "half" and "halves".
fn f_becomes_ves(short: &str, long: &str) -> bool {
    short
        .strip_suffix("fe")
        .or_else(|| short.strip_suffix('f'))
        .is_some_and(|stem| long.strip_prefix(stem) == Some("ves"))
}

/// A short word and one of its inflections: "hit" and "hits" or "hitting",
/// "cry" and "cried", "eat" and "eating"; never a longer word ("car", "care").
fn short_word_form(short: &str, long: &str) -> bool {
    let Some(rest) = long.strip_prefix(short) else {
        // "cry" and "cries": a final y becomes i.
        return short.strip_suffix('y').is_some_and(|stem| {
            long.strip_prefix(stem)
                .is_some_and(|r| r == "ies" || r == "ied")
        });
    };
    let last = short.chars().last();
    let doubled = last.and_then(|c| rest.strip_prefix(c));
    let ends = |set: &str| last.is_some_and(|c| set.contains(c));
    matches!(rest, "s" | "ing" | "ed")
        || (rest == "es" && ends("sxzho"))
        || (rest == "d" && ends("e"))
        || doubled.is_some_and(|r| r == "ing" || r == "ed")
}
