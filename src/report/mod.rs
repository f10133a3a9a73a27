//! The self-contained HTML reports: the audit report for managers and the class
//! report for trainers, written with minijinja templates (`templates/`, built
//! into the binary); and findings in linters' formats (`lint`: SARIF, rdjsonl,
//! GitHub annotations). Every value a template prints is HTML-escaped unless the
//! code marked it as already-safe markup (an SVG chart, a rewrite with its
//! placeholders highlighted).

pub mod audit;
pub mod class;
pub mod lint;
pub mod rule;

use minijinja::{AutoEscape, Environment, Error, Output, State, Value};
use std::sync::LazyLock;

/// The templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("audit-head.html", include_str!("templates/audit-head.html")),
    ("audit-plan.html", include_str!("templates/audit-plan.html")),
    ("audit-tail.html", include_str!("templates/audit-tail.html")),
    ("bar-chart.html", include_str!("templates/bar-chart.html")),
    ("trend-line.html", include_str!("templates/trend-line.html")),
    ("class.html", include_str!("templates/class.html")),
    ("heat-map.html", include_str!("templates/heat-map.html")),
    ("confidence.html", include_str!("templates/confidence.html")),
    ("rule.html", include_str!("templates/rule.html")),
];

static ENVIRONMENT: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_formatter(escaping_formatter);
    for (name, source) in TEMPLATES {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("the bundled template {name} does not parse: {e}"));
    }
    env
});

/// Prints a value: escaped, unless it is marked safe or escaping is off.
fn escaping_formatter(
    out: &mut Output<'_>,
    state: &State<'_, '_>,
    value: &Value,
) -> Result<(), Error> {
    let text = match value.as_str() {
        Some(s) => s.to_string(),
        None => value.to_string(),
    };
    let text = if value.is_safe() || state.auto_escape() == AutoEscape::None {
        text
    } else {
        escape(&text)
    };
    out.write_str(&text)
        .map_err(|e| Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()))
}

/// Renders the bundled template `name` with `context`.
fn render(name: &str, context: Value) -> String {
    ENVIRONMENT
        .get_template(name)
        .and_then(|t| t.render(context))
        .unwrap_or_else(|e| panic!("the bundled template {name} failed to render: {e:#}"))
}

/// Markup the code built itself (and escaped inside), printed as it is.
fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

/// Escapes text for HTML: `& < > " '`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_template_parses() {
        for (name, _) in TEMPLATES {
            assert!(ENVIRONMENT.get_template(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn values_are_escaped_unless_marked_safe() {
        let env = &*ENVIRONMENT;
        let t = env
            .template_from_str("{{ a }}|{{ b }}")
            .expect("a test template parses");
        let out = t
            .render(minijinja::context! {
                a => "<script>alert('x & y')</script>",
                b => safe("<b>kept</b>".into()),
            })
            .unwrap();
        assert_eq!(
            out,
            "&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;|<b>kept</b>"
        );
    }
}
