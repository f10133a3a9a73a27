//! The `smarten check` JSON contract and exit codes, on the guidance's own examples.

use std::process::{Command, Output};

fn smarten(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(args)
        .output()
        .expect("smarten runs")
}

fn json(args: &[&str]) -> (serde_json::Value, Option<i32>) {
    let out = smarten(args);
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (value, out.status.code())
}

const GOOD: [&str; 2] = [
    "Joyce will attend a 6 week parenting group delivered by the Avedon Team beginning on 1st July",
    "Malcolm will draw a picture for the next meeting in 2 weeks' time to show how he feels",
];

#[test]
fn good_objectives_from_the_guidance_raise_nothing() {
    let (value, code) = json(&["check", "--format", "json", GOOD[0], GOOD[1]]);
    assert_eq!(code, Some(0));
    for item in value.as_array().unwrap() {
        assert_eq!(item["smart"], true, "{item}");
        assert_eq!(item["findings"].as_array().unwrap().len(), 0, "{item}");
        assert_eq!(item["criteria"]["R"]["verdict"], "unknown");
    }
}

#[test]
fn stop_behaviour_fails_s_m_and_t() {
    let text = "John will stop disrupting the class";
    let (value, code) = json(&["check", "--format", "json", text]);
    assert_eq!(code, Some(1));
    let item = &value[0];
    assert_eq!(item["text"], text);
    assert_eq!(item["smart"], false);
    for letter in ["S", "M", "T"] {
        assert_eq!(
            item["criteria"][letter]["verdict"], "fail",
            "{letter}: {item}"
        );
    }
    assert_eq!(item["criteria"]["A"]["verdict"], "pass");
    let findings = item["findings"].as_array().unwrap();
    let stop = findings
        .iter()
        .find(|f| f["rule"] == "stop-behaviour")
        .expect("stop-behaviour finding");
    assert_eq!(stop["criterion"], "S");
    let (start, end) = (
        stop["start"].as_u64().unwrap() as usize,
        stop["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "stop disrupting");
    for f in findings {
        for key in [
            "rule",
            "criterion",
            "start",
            "end",
            "severity",
            "message",
            "suggestion",
        ] {
            assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
        }
    }
}

#[test]
fn smart_is_true_exactly_when_no_criterion_fails() {
    let objectives = [
        "Mum to engage with services ongoing",
        "to understand the importance of school attendance",
        GOOD[0],
        "Mum will ensure Kyle never misses school",
    ];
    let mut args = vec!["check", "--format", "jsonl"];
    args.extend(objectives);
    let out = smarten(&args);
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), objectives.len());
    for (line, text) in lines.iter().zip(objectives) {
        assert_eq!(line["text"], text, "jsonl keeps input order");
        let any_fail = ["S", "M", "A", "R", "T"]
            .iter()
            .any(|c| line["criteria"][c]["verdict"] == "fail");
        assert_eq!(line["smart"], !any_fail);
    }
    assert_eq!(
        lines[3]["criteria"]["A"]["verdict"], "fail",
        "ensure ... never: outside control"
    );
}

#[test]
fn relevance_is_judged_only_with_a_concern() {
    let text = "Mum will walk Amy to school by 8:45 every weekday";
    let (without, _) = json(&["check", "--format", "json", text]);
    assert_eq!(without[0]["criteria"]["R"]["verdict"], "unknown");
    let (related, _) = json(&[
        "check",
        "--format",
        "json",
        "--concern",
        "Amy is late for school most days",
        text,
    ]);
    assert_eq!(related[0]["criteria"]["R"]["verdict"], "pass");
    let (unrelated, _) = json(&[
        "check",
        "--format",
        "json",
        "--concern",
        "Lily has not seen a dentist for two years",
        text,
    ]);
    assert_eq!(unrelated[0]["criteria"]["R"]["verdict"], "fail");
}

#[test]
fn jsonl_input_passes_other_fields_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.jsonl");
    std::fs::write(
        &path,
        "{\"text\": \"Mum to engage with services ongoing\", \"row\": 7, \"plan\": \"A12\"}\n",
    )
    .unwrap();
    let (value, code) = json(&[
        "check",
        "--format",
        "json",
        "--file",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(value[0]["input"]["row"], 7);
    assert_eq!(value[0]["input"]["plan"], "A12");
}

#[test]
fn objectives_can_come_from_stdin() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(["check", "--format", "jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{}\n{}\n", GOOD[0], GOOD[1]).as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn rules_and_explain_cover_every_rule() {
    let out = smarten(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let listing = String::from_utf8(out.stdout).unwrap();
    // One line per rule, then a blank line and a note on precision.
    let ids: Vec<&str> = listing
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert!(ids.len() >= 20, "{listing}");
    for id in ids {
        let explained = smarten(&["explain", id]);
        assert_eq!(explained.status.code(), Some(0), "{id}");
        let text = String::from_utf8(explained.stdout).unwrap();
        assert!(
            text.contains("The guidance says")
                && text.contains("Flags:")
                && text.contains("Allows:"),
            "{text}"
        );
    }
    assert_eq!(smarten(&["explain", "no-such-rule"]).status.code(), Some(2));
}

#[test]
fn a_config_can_switch_rules_off_and_add_agencies() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("smarten.toml");
    std::fs::write(
        &config,
        "[words.add]\nagencies = ['Avedon Team']\n[rules]\nno-timeframe = 'off'\n",
    )
    .unwrap();
    let cfg = config.to_str().unwrap();
    let (value, _) = json(&[
        "--config",
        cfg,
        "check",
        "--format",
        "json",
        "The Avedon Team will run the group",
    ]);
    let rules: Vec<&str> = value[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"agency-as-owner"), "{rules:?}");
    assert!(!rules.contains(&"no-timeframe"), "{rules:?}");
    std::fs::write(&config, "[rules]\nno-such-rule = 'off'\n").unwrap();
    let out = smarten(&["--config", cfg, "check", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown rule 'no-such-rule'"));
    std::fs::write(&config, "[rules]\nvague-timefram = 'off'\n").unwrap();
    let out = smarten(&["--config", cfg, "check", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("did you mean 'vague-timeframe'?"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_plan_kind_sets_who_and_when_conventions() {
    // A specific goal with no owner: the plan's person by default, but a child
    // protection action must name who acts and by when.
    let goal = "Attend 6 of the 8 parenting group sessions on Tuesday mornings";
    let (v, code) = json(&["check", "--format", "json", goal]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v[0]["criteria"]["S"]["verdict"], "pass", "{v}");
    assert!(v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "implied-subject" && f["severity"] == "warning"));
    let (v, code) = json(&[
        "--plan-kind",
        "child-protection",
        "check",
        "--format",
        "json",
        goal,
    ]);
    assert_eq!(code, Some(1), "{v}");
    assert_eq!(v[0]["criteria"]["S"]["verdict"], "fail", "{v}");
    // An IEP goal with a criterion and no date takes the plan's year.
    let iep = "Mia will read 20 sight words with 90% accuracy";
    let (v, _) = json(&["--plan-kind", "iep", "check", "--format", "json", iep]);
    assert_eq!(v[0]["criteria"]["T"]["verdict"], "pass", "{v}");
    let (v, _) = json(&[
        "--plan-kind",
        "early-help",
        "check",
        "--format",
        "json",
        iep,
    ]);
    assert_eq!(v[0]["criteria"]["T"]["verdict"], "fail", "{v}");
    // An unknown kind is a usage error naming the kinds.
    let out = smarten(&["--plan-kind", "horoscope", "check", iep]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown plan kind `horoscope`") && err.contains("child-protection"),
        "{err}"
    );
}

#[test]
fn a_config_sets_the_plan_kind() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("smarten.toml");
    std::fs::write(&config, "[check]\nplan_kind = \"child-protection\"\n").unwrap();
    let (v, code) = json(&[
        "--config",
        config.to_str().unwrap(),
        "check",
        "--format",
        "json",
        "Attend 6 of the 8 parenting group sessions on Tuesday mornings",
    ]);
    assert_eq!(code, Some(1), "{v}");
    std::fs::write(&config, "[check]\nplan_kind = \"astrology\"\n").unwrap();
    let out = smarten(&["--config", config.to_str().unwrap(), "check", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[check] plan_kind"));
}
