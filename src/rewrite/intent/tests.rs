//! The intent gate's and the risk gate's examples: a goal word, comparative,
//! number or negation a rewrite drops is lost; a risk topic it brings in is refused.
use super::*;
use crate::rewrite::draft::{render, Piece};

fn goal_of(text: &str) -> Goal {
    let x = crate::testing::checker().analyse(&crate::Objective::new(text));
    IntentLists::bundled().goal(&x, &[])
}

fn lost(original: &str, rewrite: &[Piece]) -> Vec<String> {
    let lists = IntentLists::bundled();
    lists.lost(&goal_of(original), &render(rewrite))
}

#[test]
fn the_goal_holds_objects_comparatives_and_numbers() {
    let g = goal_of("Mum and Dad to have fewer arguments");
    assert!(g.words.contains(&"arguments".to_string()), "{g:?}");
    assert_eq!(g.comparatives, vec!["fewer".to_string()]);
    let g = goal_of("Attendance to reach 100% by July 2027");
    assert!(
        g.numbers.contains(&"100".to_string()) || g.numbers.contains(&"100%".to_string()),
        "{g:?}"
    );
    assert!(g.words.contains(&"attendance".to_string()), "{g:?}");
}

#[test]
fn manner_and_insight_frame_the_goal_without_carrying_it() {
    // "well" says how, as "effectively" does; "gain insight into" is
    // "understand": an exemplar that shows the rest shows them too.
    // (The tagger reads this "well" as a noun.)
    let g = goal_of("Mum will manage the money well");
    assert!(g.words.contains(&"money".to_string()), "{g:?}");
    assert!(!g.words.contains(&"well".to_string()), "{g:?}");
    let g = goal_of("Mum will gain insight into her low mood");
    assert!(g.words.contains(&"mood".to_string()), "{g:?}");
    assert!(!g.words.contains(&"insight".to_string()), "{g:?}");
}

#[test]
fn a_topic_with_no_verb_is_the_goal() {
    // With no verb the missing time marks the whole topic; its words are
    // still the goal, which a rewrite may not swap ("tablets" for "stoma").
    let g = goal_of("Self-changing stoma bags");
    assert!(g.words.contains(&"stoma".to_string()), "{g:?}");
    assert!(g.words.contains(&"bags".to_string()), "{g:?}");
    // A provision's frame ("opportunities for") is not: the breaks are.
    let g = goal_of("Regular opportunities for quiet time");
    assert!(!g.words.contains(&"opportunities".to_string()), "{g:?}");
}

#[test]
fn a_dropped_goal_word_or_number_is_lost() {
    assert_eq!(
        lost(
            "Mum and Dad to have fewer arguments",
            &[
                Piece::kept("Mum and Dad"),
                Piece::added("will have arguments")
            ]
        ),
        vec!["fewer".to_string()]
    );
    assert!(lost(
        "Mum and Dad to have fewer arguments",
        &[
            Piece::kept("Mum and Dad"),
            Piece::added("will have no more than"),
            Piece::placeholder("N"),
            Piece::added("arguments a week")
        ]
    )
    .is_empty());
    assert!(!lost(
        "Attendance to reach 100%",
        &[
            Piece::placeholder("who"),
            Piece::added("will raise attendance")
        ]
    )
    .is_empty());
}

#[test]
fn the_negation_is_of_the_verb_after_going_to_and_of_what_is_had() {
    // "never going to shout" negates "shout", as "will never shout" does.
    let g = goal_of("Sam is never going to shout at his sister");
    assert_eq!(g.negation, Some(("never".to_string(), "shout".to_string())));
    assert_eq!(g.negated_thing, None);
    // With a verb of having, what must not happen is the thing had.
    let g = goal_of("Dad will not have a seizure at work");
    assert_eq!(g.negation, Some(("not".to_string(), "have".to_string())));
    assert_eq!(g.negated_thing, Some("seizure".to_string()));
}

#[test]
fn a_negation_dropped_from_its_own_verb_is_lost() {
    let shout = |words: &str| vec![Piece::kept("Sam"), Piece::added(words)];
    // The writer's verb kept without its "never" asks for the opposite.
    assert_eq!(
        lost(
            "Sam will never shout at his sister",
            &shout("will shout at his sister on [N of M] days")
        ),
        vec!["never".to_string()]
    );
    // Kept as a limit, or replaced by a positive action, it is not.
    assert!(lost(
        "Sam will never shout at his sister",
        &shout("will shout at his sister on no more than [N] days a week")
    )
    .is_empty());
    assert!(lost(
        "Sam will never shout at his sister",
        &shout("will speak calmly to his sister")
    )
    .is_empty());
    // A limit on where is a negation kept: "not smoke in the house".
    assert!(lost(
        "Dad will not smoke in the house",
        &[
            Piece::kept("Dad"),
            Piece::added("will smoke only outside the house")
        ]
    )
    .is_empty());
    // A stop said of nowhere in particular is not kept by a limit on where:
    // "stop smoking" is not "smoke only outside"; "stay smoke-free" keeps it.
    let smoke = |words: &str| vec![Piece::kept("Priya"), Piece::added(words)];
    assert_eq!(
        lost(
            "Priya will stop smoking",
            &smoke("will smoke only outside and away from her brother")
        ),
        vec!["stop".to_string()]
    );
    assert!(lost("Priya will stop smoking", &smoke("will stay smoke-free")).is_empty());
    assert!(lost(
        "Priya will stop smoking in her bedroom",
        &smoke("will smoke only outside her bedroom")
    )
    .is_empty());
    // A stop is of the verb right after it: "stop her friends from smoking"
    // holds no negation of the writer's own smoking.
    assert!(goal_of("Priya will stop her friends from smoking")
        .negation
        .is_none());
    // Kept, it is not counted in how often.
    assert!(!lost(
        "Sam will never shout at his sister",
        &shout("will never shout at his sister [how often]")
    )
    .is_empty());
}

#[test]
fn a_figure_with_its_unit_kept_apart_is_kept() {
    let smaller = |figure: &str| {
        vec![
            Piece::placeholder("who"),
            Piece::added("will lose"),
            Piece::placeholder(format!("a smaller step than {figure}")),
            Piece::added("kg in 2 weeks"),
        ]
    };
    assert!(lost("lose 8kg in 2 weeks", &smaller("8")).is_empty());
    // Another figure is not the writer's.
    assert_eq!(
        lost("lose 8kg in 2 weeks", &smaller("18")),
        vec!["8kg".to_string()]
    );
}

#[test]
fn a_placeholder_naming_the_goal_keeps_it() {
    assert!(lost(
        "Jake will become calmer",
        &[
            Piece::kept("Jake"),
            Piece::added("will"),
            Piece::placeholder("observable action that shows: become calmer"),
        ]
    )
    .is_empty());
}

#[test]
fn forms_and_related_words_keep_a_word() {
    assert!(same_word("attendance", "attend"));
    // American and British spellings of one word.
    assert!(same_word("organized", "organised"));
    assert!(same_word("behavioral", "behavioural"));
    assert!(same_word("prioritize", "prioritise"));
    assert!(!same_word("size", "sise"));
    // A final f or fe becomes ves in the plural.
    assert!(same_word("life", "lives"));
    assert!(!same_word("life", "lines"));
    assert!(same_word("behaviour", "behave"));
    assert!(same_word("children", "child"));
    assert!(!same_word("reading", "writing"));
    assert!(!same_word("arguments", "agreements"));
    assert!(!same_word("home", "homework"));
    // Three letters in common is not one word.
    assert!(!same_word("money", "month"));
    assert!(!same_word("money", "months"));
    assert!(same_word("study", "studies"));
    assert!(same_word("read", "reading"));
    assert!(same_word("hit", "hitting"));
    assert!(same_word("hit", "hits"));
    assert!(same_word("cry", "cried"));
    assert!(same_word("eat", "eating"));
    // A final "e" dropped before "-ing", and "ie" made "y".
    assert!(same_word("make", "making"));
    assert!(same_word("use", "using"));
    assert!(same_word("lie", "lying"));
    assert!(same_word("tie", "tying"));
    assert!(!same_word("use", "usual"));
    assert!(!same_word("hope", "hopping"));
    assert!(!same_word("car", "care"));
    assert!(!same_word("hit", "hitch"));
    assert!(!same_word("car", "card"));
}

#[test]
fn a_risk_topic_the_input_never_named_is_refused() {
    let lists = IntentLists::bundled();
    let suggested = [Piece::Suggested {
        text: "take a breath test at each visit".into(),
        exemplar: "x".into(),
    }];
    assert_eq!(
        lists.risks_introduced("Mum to make her children her priority", None, &suggested),
        vec!["alcohol".to_string()]
    );
    assert!(lists
        .risks_introduced("Dad to address his drinking", None, &suggested)
        .is_empty());
    assert!(lists
        .risks_introduced(
            "Mum to keep the children safe",
            Some("Mum's alcohol use"),
            &suggested
        )
        .is_empty());
    assert!(!lists.safe_to_offer(
        "drug and alcohol service test results",
        "Mum to engage with services",
        None
    ));
    // Smoking is a topic of its own: a goal about gambling is not about it.
    let quit_date = [Piece::Suggested {
        text: "set a quit date with the stop smoking service".into(),
        exemplar: "x".into(),
    }];
    assert_eq!(
        lists.risks_introduced("Mum will stop betting online", None, &quit_date),
        vec!["smoking and vaping".to_string()]
    );
    assert!(lists
        .risks_introduced("Dad will stop smoking in the house", None, &quit_date)
        .is_empty());
}

#[test]
fn an_exemplar_set_elsewhere_does_not_fit_an_objective_that_names_its_setting() {
    let lists = IntentLists::bundled();
    let action = "follow the first instruction from the teacher in [N of M] lessons each day";
    // The objective names another setting: the action would move it.
    assert!(!lists.fits_the_setting(action, "Zac to behave better at playtime"));
    // The same setting, or none named: it fits.
    assert!(lists.fits_the_setting(action, "Zac to behave better in class"));
    assert!(lists.fits_the_setting(action, "Zac to behave better"));
    // Standing in for the writer's own comparative, it must be set where the
    // objective is: none named is not "in lessons".
    assert!(!lists.sets_nowhere_else(action, "Zac to behave better"));
    assert!(lists.sets_nowhere_else(action, "Zac to behave better in class"));
    // An action set nowhere fits anywhere.
    assert!(lists.fits_the_setting(
        "name three feelings on the chart",
        "Zac to be calmer at home"
    ));
}

#[test]
fn sharing_only_a_setting_is_not_sharing_what() {
    let lists = IntentLists::bundled();
    assert!(!lists.share_what(
        "Zac to behave better at home",
        "Improve the home conditions"
    ));
    assert!(lists.share_what("Zac to behave better in lessons", "Behave better in class"));
}

#[test]
fn a_comparative_is_kept_by_its_word_or_its_measurable_form() {
    let lists = IntentLists::bundled();
    assert!(lists.compared_alike("fewer", "no more than [n] a week"));
    assert!(lists.compared_alike("better", "on [n of m] occasions, up from [baseline]"));
    assert!(lists.compared_alike("better", "behave better in class"));
    assert!(!lists.compared_alike("fewer", "on [n of m] occasions, up from [baseline]"));
    // A word is matched whole: "betterment" is not "better".
    assert!(!lists.compared_alike("better", "the betterment of the home"));
}

#[test]
fn a_topic_word_next_to_another_sense_does_not_name_the_topic() {
    let lists = IntentLists::bundled();
    let units = [Piece::Suggested {
        text: "drink no more than [N] units of alcohol a week".into(),
        exemplar: "x".into(),
    }];
    // Another drink is named: alcohol is not.
    assert_eq!(
        lists.risks_introduced("Kayden will stop drinking energy drinks", None, &units),
        vec!["alcohol".to_string()]
    );
    // Drinking with nothing else named is.
    assert!(lists
        .risks_introduced("Kayden's dad will stop drinking", None, &units)
        .is_empty());
    // And an added drink of water brings no alcohol in.
    let water = [Piece::Suggested {
        text: "drink water or milk with meals".into(),
        exemplar: "x".into(),
    }];
    assert!(lists
        .risks_introduced("Mia will eat more fruit", None, &water)
        .is_empty());
}
