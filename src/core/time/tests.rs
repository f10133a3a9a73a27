//! Tests of the time recogniser: each family of time expression, vague stand-ins
//! and lookalikes that are not timescales.

use super::*;

fn kinds(text: &str) -> Vec<(TimeKind, String)> {
    let r = TimeRecogniser::new(&Lexicon::bundled());
    r.recognise(text)
        .into_iter()
        .map(|t| (t.kind, text[t.span].to_string()))
        .collect()
}

fn has(text: &str, kind: TimeKind) -> bool {
    kinds(text).iter().any(|(k, _)| *k == kind)
}

fn concrete(text: &str) -> bool {
    kinds(text).iter().any(|(k, _)| k.is_concrete())
}

#[test]
fn absolute_dates_in_uk_and_us_forms() {
    for text in [
        "beginning on 1st July",
        "before the core group on 12 March",
        "by 12/03/2025",
        "by 2025-03-12",
        "By June 1st, 2024, I will walk",
        "by Oct. 1, six months from now",
        "before the 27th of February 2012",
        "by March 2026",
    ] {
        assert!(
            has(text, TimeKind::Date)
                || has(text, TimeKind::Deadline)
                || has(text, TimeKind::Start),
            "{text}: {:?}",
            kinds(text)
        );
    }
}

#[test]
fn deadlines_periods_starts_and_recurrences() {
    for (text, kind) in [
        ("by end December", TimeKind::Deadline),
        ("by the end of the Spring Term", TimeKind::Deadline),
        ("by next term", TimeKind::Deadline),
        ("by year 6", TimeKind::Deadline),
        ("by the next core group", TimeKind::Deadline),
        ("by the next coaching session", TimeKind::Deadline),
        ("in 2 weeks' time", TimeKind::Period),
        ("in 2 weeks’ time", TimeKind::Period),
        ("within six weeks", TimeKind::Period),
        ("in the next 8 weeks", TimeKind::Period),
        ("in 16 months' time", TimeKind::Period),
        ("this term", TimeKind::Period),
        ("beginning on 1st July", TimeKind::Start),
        ("starting Monday", TimeKind::Start),
        ("weekly for 6 weeks", TimeKind::Recurrence),
        ("every Monday", TimeKind::Recurrence),
        ("go swimming Tuesdays and Thursday", TimeKind::Recurrence),
        ("three times a week", TimeKind::Recurrence),
        ("5,000 steps each day", TimeKind::Recurrence),
        ("start school in September", TimeKind::Period),
        ("when he wants to ask a question", TimeKind::Occasion),
        ("before bed", TimeKind::Occasion),
        ("after school", TimeKind::Occasion),
        ("at lunchtime", TimeKind::Occasion),
        ("by 7:45", TimeKind::ClockTime),
        ("in bed by 10 p.m", TimeKind::ClockTime),
    ] {
        assert!(
            has(text, kind),
            "{text}: expected {kind:?}, got {:?}",
            kinds(text)
        );
    }
}

#[test]
fn hours_intervals_windows_and_sessions_are_timescales() {
    for (text, kind) in [
        (
            "report a pain level of 3 or less within 24 hours",
            TimeKind::Period,
        ),
        (
            "cough and deep breathe every two hours",
            TimeKind::Recurrence,
        ),
        // A nursing shift is a period and a unit of recurrence.
        ("sit out in the chair twice this shift", TimeKind::Period),
        (
            "record the fluid balance once per shift",
            TimeKind::Recurrence,
        ),
        ("check the pressure areas each shift", TimeKind::Recurrence),
        (
            "check the dressing every 3 hours during the day",
            TimeKind::Recurrence,
        ),
        ("take the tablets every other day", TimeKind::Recurrence),
        ("practise at least 4 days/week", TimeKind::Recurrence),
        ("walk 3x/week after lunch", TimeKind::Recurrence),
        ("for 2 days this week", TimeKind::Recurrence),
        (
            "go to bed by 9pm on 3 nights next week",
            TimeKind::Recurrence,
        ),
        (
            "with 80% accuracy across three consecutive sessions",
            TimeKind::Period,
        ),
        (
            "in 4 of 5 opportunities over a two-week period",
            TimeKind::Period,
        ),
        ("PHQ-9 at or below 9 by session 16", TimeKind::Deadline),
        ("by the end of 4 treatment sessions", TimeKind::Deadline),
        ("at the next home visit", TimeKind::Deadline),
        ("at each scheduled visit", TimeKind::Recurrence),
        ("within the next 6 weeks", TimeKind::Period),
        ("over the next 48 hours", TimeKind::Period),
        ("ask for help twice a session", TimeKind::Recurrence),
        ("score the chart each session", TimeKind::Recurrence),
        ("walk for 20 minutes a session", TimeKind::Recurrence),
    ] {
        assert!(
            has(text, kind),
            "{text}: expected {kind:?}, got {:?}",
            kinds(text)
        );
    }
    // A session missed or attended once is not how often.
    for text in [
        "I will never miss a session",
        "Tom will attend a session with the nurse",
    ] {
        assert!(
            !has(text, TimeKind::Recurrence),
            "{text}: {:?}",
            kinds(text)
        );
    }
}

#[test]
fn anchors_placeholders_holidays_and_school_times_are_timescales() {
    for text in [
        "After graduation, Alex will live independently",
        "Dad will attend the group after the parenting course",
        "before discharge",
        "Rosa will stay free of pressure sores during hospitalisation",
        "throughout the night shift",
        "for the rest of his hospital stay",
        "1 hour after receiving pain medication",
        "by [date]",
        "By (date), Sam will read 20 words",
        "By [Annual Review Date], the student will select",
        "by 03/05/20XX",
        "by Labor Day",
        "by half term",
        "by the end of the summer term",
        "by the summer",
        "Ali will swim a width this summer",
        "Ali will earn a B in history first semester",
        "in the spring term",
        "during the autumn term",
        "Ali will read 3 books second term",
        "by the end of Key Stage 2",
        "by Year 9",
        "on Thursday",
        "by July 16",
        "by next Friday",
        "during small group activities",
        "after noticing worry",
        "at the time I take the measurement",
        "Jo will learn to swim by the time she starts school",
        "Dad will lose 5 kg over the summer",
        "Sam will apply for college in the autumn",
        "Mum will move to a new flat in the New Year",
    ] {
        assert!(concrete(text), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn impossible_dates_are_not_dates() {
    for text in [
        "by 31/02/2027",
        "by 45/13/2027",
        "by the 30th of February 2027",
    ] {
        assert!(!concrete(text), "{text}: {:?}", kinds(text));
        assert!(
            has(text, TimeKind::InvalidDate),
            "{text}: {:?}",
            kinds(text)
        );
    }
}

#[test]
fn a_calendar_year_is_a_window_and_its_end_a_deadline() {
    for (text, kind) in [
        ("Leo will join a swimming club in 2027", TimeKind::Period),
        (
            "During 2027, Gran will move into sheltered housing",
            TimeKind::Period,
        ),
        ("in the year 2028 I will start college", TimeKind::Period),
        (
            "Mum will pass her driving test by the end of 2027",
            TimeKind::Deadline,
        ),
        // A plan form's date field.
        (
            "Sam will swim 25 metres. Target date: 2027",
            TimeKind::Deadline,
        ),
        (
            "Dad will book the course (due date: end of March)",
            TimeKind::Deadline,
        ),
    ] {
        assert!(
            has(text, kind),
            "{text}: expected {kind:?}, got {:?}",
            kinds(text)
        );
    }
    // A four-figure count after "in" is no year.
    for text in [
        "Ava will write a story in 2000 words",
        "Dad will walk the route in 2500 steps",
    ] {
        assert!(!concrete(text), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn durations_and_gerund_lookalikes_are_not_timescales() {
    for text in [
        "Sam will read for 20 minutes",
        "Mum will call on something she needs",
        "Dad will keep the building tidy",
        // "on" brings the object of "work on", "advice on": not an occasion.
        "Mum will work on tidying the kitchen",
        "Dad will get advice on budgeting",
        "Leo will keep on practising his spellings",
    ] {
        assert!(!concrete(text), "{text}: {:?}", kinds(text));
    }
    // ... while "on" and a gerund of its own is one.
    for text in [
        "On arriving at school, Leo will hang up his coat",
        "Leo will say hello to staff on arriving at school",
    ] {
        assert!(has(text, TimeKind::Occasion), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn a_time_unit_naming_a_thing_is_not_how_often() {
    for text in [
        "Mum will set up a morning routine with the children",
        "Gran will take Leo on a day trip",
        "Dad will save a week's wages",
        // "daily" in a name: "activities of daily living", "everyday life".
        "Gran will need less help with activities of daily living",
        "Sam will join in with everyday life at home",
    ] {
        assert!(!concrete(text), "{text}: {:?}", kinds(text));
    }
    // ... but after an amount it is: the next word goes on with the sentence.
    for text in [
        "Sam will read for 20 minutes a night before bed",
        "Tom will eat 5 portions of fruit a day consistently",
        "Jo will swim 10 lengths a week outside of school",
        "Gran will practise daily living skills daily",
    ] {
        assert!(has(text, TimeKind::Recurrence), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn vague_times_are_not_concrete() {
    for text in [
        "Mum to engage with services ongoing",
        "asap",
        "as and when",
        "as required",
        "when appropriate",
        "in due course",
        "at review",
        "by the next review",
        "within the next few months",
        "in a few weeks",
        "over several weeks",
    ] {
        assert!(!concrete(text), "{text}: {:?}", kinds(text));
        assert!(
            !kinds(text).is_empty(),
            "{text} should be recognised as vague"
        );
    }
}

#[test]
fn plain_actions_have_no_time() {
    for text in [
        "John will stop disrupting the class",
        "Danielle will get to school on time.",
        "Distribute model school health policies to schools.",
        "Mum may attend the group",
        "Jack will maintain attention for 5 minutes",
        "Zara will have a safe adult at school",
        "Dad will take his tablets at work",
    ] {
        assert!(!concrete(text), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn a_time_anchored_to_a_gerund_takes_its_object_but_no_function_word() {
    for (text, span) in [
        (
            "Sam will sleep better 2 weeks after starting the new routine.",
            "2 weeks after starting the new routine",
        ),
        (
            "Rate pain 1 hour after receiving pain medication",
            "1 hour after receiving pain medication",
        ),
        (
            "Check 10 minutes after arriving at school",
            "10 minutes after arriving at school",
        ),
        (
            "Walk 30 minutes after waking and before breakfast",
            "30 minutes after waking",
        ),
    ] {
        let found = kinds(text);
        assert!(found.iter().any(|(_, s)| s == span), "{text}: {found:?}");
    }
}
