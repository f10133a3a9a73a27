//! Tests of the rewrite templates: every placeholder filled, verb repairs
//! chosen by their object, and the measure examples offered.

use super::*;

#[test]
fn bundled_templates_parse_and_fill_every_placeholder_they_use() {
    let t = Templates::bundled();
    let fills = t.fills();
    let mut texts: Vec<&str> = t.verb_repairs.iter().map(|r| r.action.as_str()).collect();
    texts.extend(t.provisions.iter().map(|p| p.action.as_str()));
    texts.extend([
        t.assembly.time.as_str(),
        t.assembly.method.as_str(),
        t.assembly.quantity.as_str(),
        t.assembly.amount_outcome.as_str(),
        t.assembly.who.as_str(),
        t.assembly.fallback.as_str(),
        t.assembly.fallback_instead.as_str(),
        t.assembly.fallback_compared.as_str(),
        t.assembly.fallback_habit.as_str(),
        t.assembly.replaced_compared.as_str(),
        t.assembly.comparative_up_money.as_str(),
        t.assembly.comparative_up_time.as_str(),
        t.assembly.comparative_up_duration.as_str(),
        t.assembly.comparative_down_duration.as_str(),
        t.assembly.comparative_down_time.as_str(),
        t.assembly.comparative_down_money.as_str(),
        t.assembly.habit_time.as_str(),
        t.assembly.skill.as_str(),
        t.assembly.skill_unaided.as_str(),
        t.assembly.skill_occasions.as_str(),
        t.assembly.mobility.as_str(),
        t.assembly.counted.as_str(),
        t.assembly.counted_things.as_str(),
        t.assembly.safety_time.as_str(),
        t.assembly.safety_method.as_str(),
        t.assembly.condition_method.as_str(),
        t.assembly.symptom_free.as_str(),
        t.assembly.reduction.as_str(),
        t.assembly.increase.as_str(),
        t.assembly.change_felt.as_str(),
        t.assembly.reduction_time.as_str(),
        t.assembly.increase_time.as_str(),
        t.assembly.reduction_money.as_str(),
        t.assembly.increase_money.as_str(),
        t.assembly.reduction_amount.as_str(),
        t.assembly.increase_amount.as_str(),
        t.assembly.comparative_down.as_str(),
        t.assembly.comparative_down_times.as_str(),
        t.assembly.comparative_felt.as_str(),
        t.assembly.comparative_up.as_str(),
        t.assembly.comparative_up_count.as_str(),
        t.assembly.comparative_up_portions.as_str(),
        t.assembly.comparative_other.as_str(),
        t.assembly.comparative_measured.as_str(),
        t.assembly.reached_state.as_str(),
        t.assembly.comparative_time.as_str(),
        t.assembly.night_habit.as_str(),
        t.assembly.night_habit_bare.as_str(),
        t.assembly.measured_level.as_str(),
    ]);
    for text in texts {
        for piece in super::super::draft::template(text) {
            if let super::super::draft::Piece::Placeholder { label, .. } = piece {
                assert!(
                    fills.get(&label).is_some(),
                    "no stand-in for [{label}] in '{text}'"
                );
            }
        }
    }
}

#[test]
fn a_missing_required_stand_in_is_an_error_naming_the_file() {
    let text = BUNDLED.replace("\"by when\" = \"31 March 2027\"\n", "");
    let err = Templates::from_toml("custom.toml", &text)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("custom.toml") && err.contains("by when"),
        "{err}"
    );
}

#[test]
fn an_open_measure_gets_the_example_for_its_outcome() {
    let t = Templates::bundled();
    let action = "improve {object} from [baseline] to [target] on [which measure]";
    // The longest entry whose words run whole in the outcome wins.
    assert_eq!(
        t.with_measure_example(action, "his reading fluency"),
        "improve {object} from [baseline] to [target] on [which measure, such as a one-minute timed reading]"
    );
    assert!(t
        .with_measure_example(action, "her reading")
        .ends_with("[which measure, such as the school's reading assessment]"));
    // What follows a preposition is not what is measured.
    assert_eq!(t.with_measure_example(action, "attitude to maths"), action);
    assert!(t
        .with_measure_example(action, "confidence in maths")
        .ends_with("[which measure, such as a self-rating from one to ten]"));
    // Two things measured differently get no one example.
    assert_eq!(
        t.with_measure_example(action, "phonics and reading"),
        action
    );
    // An empty entry says a longer key has no example of its own.
    assert!(t
        .with_measure_example(action, "her wellbeing")
        .ends_with("[which measure, such as the Warwick-Edinburgh Mental Wellbeing Scale]"));
    assert_eq!(
        t.with_measure_example(action, "his physical wellbeing"),
        action
    );
    // Whole words only: "imbalance" is not "balance".
    assert_eq!(t.with_measure_example(action, "the imbalance"), action);
    // An outcome with no entry, or an action with no open measure, is left alone.
    assert_eq!(t.with_measure_example(action, "her attitude"), action);
    let scale = "keep {object} at [target] or below on [which scale]";
    assert_eq!(t.with_measure_example(scale, "sleep"), scale);
    assert!(t
        .with_measure_example(
            "get fit, scoring [target] on [which measure of fitness]",
            "fitness"
        )
        .ends_with("[which measure of fitness, such as a timed one-mile walk]"));
}

#[test]
fn verb_repairs_depend_on_the_object() {
    let t = Templates::bundled();
    let school = t
        .verb_repair(
            |v| v == "understand",
            &["importance".into(), "school".into()],
        )
        .unwrap();
    assert!(school.action.contains("attend school"), "{}", school.action);
    let risk = t
        .verb_repair(|v| v == "understand", &["risks".into()])
        .unwrap();
    assert!(!risk.action.contains("attend school"), "{}", risk.action);
    assert!(t.verb_repair(|v| v == "paint", &[]).is_none());
}

#[test]
fn a_routine_repair_needs_routine_as_the_head_noun() {
    let t = Templates::bundled();
    let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
    let night = t
        .verb_repair(|v| v == "set up", &words("an evening routine"))
        .unwrap();
    assert!(
        night.action.contains("nights each week"),
        "{}",
        night.action
    );
    let day = t
        .verb_repair(|v| v == "set up", &words("a school routine"))
        .unwrap();
    assert!(day.action.contains("days each week"), "{}", day.action);
    assert!(t
        .verb_repair(|v| v == "set up", &words("routine dental checks"))
        .is_none());
    // The head ends at a preposition other than "of".
    let skills = t
        .verb_repair(|v| v == "improve", &words("coping skills for exam stress"))
        .unwrap();
    assert!(skills.action.contains("which one of"), "{}", skills.action);
    let whole = t
        .verb_repair(|v| v == "improve", &words("my overall health"))
        .unwrap();
    assert!(whole.action.contains("which aspect of"), "{}", whole.action);
}
