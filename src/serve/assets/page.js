// smarten's page: checks objectives and shows their rewrites, with each
// [placeholder] as an input; filling them re-checks the rewrite live. Talks
// only to this server. Every text is set with textContent, never as HTML.
"use strict";

const LETTERS = ["S", "M", "A", "R", "T"];
const NAMES = { S: "Specific", M: "Measurable", A: "Achievable", R: "Relevant", T: "Time-bound" };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

// The server's spans are byte offsets into UTF-8; JavaScript indexes UTF-16.
function byteToIndex(text, byte) {
  const bytes = new TextEncoder().encode(text);
  return new TextDecoder().decode(bytes.slice(0, byte)).length;
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error ? json.error.message : response.statusText);
  return json;
}

function badges(criteria, label) {
  const list = el("ul", { class: "badges", "aria-label": label });
  for (const l of LETTERS) {
    const verdict = criteria[l] ? criteria[l].verdict : "unknown";
    const word = verdict === "pass" ? "pass" : verdict === "fail" ? "fail" : "unknown";
    list.append(el("li", { class: "badge " + word, "data-letter": l, title: NAMES[l] }, `${l}: ${word}`));
  }
  return list;
}

// The objective with each finding's words underlined; its message on hover and focus.
function underlined(text, findings, id) {
  const p = el("p", { class: "text" });
  const spans = findings
    .map((f, i) => ({ start: byteToIndex(text, f.start), end: byteToIndex(text, f.end), f, i }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end <= s.start) continue;
    p.append(text.slice(at, s.start));
    const mark = el("mark", {
      class: s.f.severity === "warning" ? "warning" : "error",
      tabindex: "0",
      title: `${s.f.criterion} ${s.f.rule}: ${s.f.message}`,
      "aria-describedby": `${id}-f${s.i}`,
    }, text.slice(s.start, s.end));
    p.append(mark);
    at = s.end;
  }
  p.append(text.slice(at));
  return p;
}

function findingList(findings, id) {
  const ul = el("ul", { class: "findings" });
  findings.forEach((f, i) => {
    const link = el("a", { href: `/rules/${f.rule}` }, f.rule);
    ul.append(el("li", { id: `${id}-f${i}` }, `${f.criterion} (${NAMES[f.criterion]}): ${f.message}. ${f.suggestion || ""} `, link));
  });
  return ul;
}

// The rewrite as text and inputs; returns the element and a function giving the filled text.
function editableRewrite(r, onChange) {
  const p = el("p", { class: "rewrite" });
  const parts = [];
  const text = r.rewrite;
  const holes = r.placeholders
    .map((h) => ({ start: byteToIndex(text, h.start), end: byteToIndex(text, h.end), label: h.label }))
    .sort((a, b) => a.start - b.start);
  let at = 0;
  holes.forEach((h, i) => {
    const before = text.slice(at, h.start);
    p.append(before);
    parts.push(() => before);
    const input = el("input", { type: "text", "aria-label": `Fill in: ${h.label}`, placeholder: h.label, "data-placeholder": h.label, size: String(Math.max(6, h.label.length)) });
    input.addEventListener("input", () => {
      input.size = Math.max(6, h.label.length, input.value.length + 1);
      onChange();
    });
    p.append(input);
    parts.push(() => input.value.trim() || `[${h.label}]`);
    at = h.end;
  });
  const rest = text.slice(at);
  p.append(rest);
  parts.push(() => rest);
  return { node: p, filled: () => parts.map((f) => f()).join("") };
}

function render(container, judgment, rewrite, index, context) {
  const id = `o${index}`;
  const box = el("section", { class: "result", "aria-labelledby": `${id}-h` });
  box.append(el("h2", { id: `${id}-h` }, judgment.smart ? "SMART" : "Not SMART yet"));
  box.append(badges(judgment.criteria, "How the objective scores"));
  box.append(underlined(judgment.text, judgment.findings, id));
  if (judgment.findings.length) box.append(findingList(judgment.findings, id));
  if (rewrite && !judgment.smart) {
    box.append(el("h3", {}, "Suggested rewrite"));
    box.append(el("p", { class: "hint" }, "Fill in each box with the team; the letters update as you type."));
    const after = badges(rewrite.after, "How the rewrite scores");
    after.id = `${id}-after`;
    let timer = null;
    const edit = editableRewrite(rewrite, () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        try {
          const j = await post("/api/check", { text: edit.filled(), concern: context.concern, plan_kind: context.plan_kind });
          after.replaceWith(Object.assign(badges(j.criteria, "How the rewrite scores"), { id: `${id}-after` }));
        } catch (e) { document.getElementById("status").textContent = e.message; }
      }, 250);
    });
    box.append(edit.node, after);
    const copy = el("button", { type: "button", class: "secondary" }, "Copy the objective");
    copy.addEventListener("click", async () => {
      const text = edit.filled();
      try { await navigator.clipboard.writeText(text); copy.textContent = "Copied"; }
      catch (_) { window.prompt("Copy the objective:", text); }
    });
    box.append(copy);
    if (rewrite.alternatives && rewrite.alternatives.length) {
      box.append(el("h3", {}, "Alternatives"));
      const ol = el("ol", { class: "alternatives" });
      for (const a of rewrite.alternatives) ol.append(el("li", {}, a.rewrite));
      box.append(ol);
    }
  }
  container.append(box);
}

document.getElementById("check-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const lines = document.getElementById("objective").value.split("\n").map((l) => l.trim()).filter(Boolean);
  const field = (id) => document.getElementById(id).value.trim();
  const row = { who: field("row-who"), what: field("row-what"), when: field("row-when"), measure: field("row-measure") };
  if (!lines.length && !row.what) { status.textContent = "Type an objective, or fill in a plan row's action."; return; }
  const context = {
    concern: document.getElementById("concern").value.trim() || null,
    plan_kind: document.getElementById("plan-kind").value || null,
  };
  status.textContent = "Checking…";
  try {
    const body = lines.length
      ? { text: lines, concern: context.concern, plan_kind: context.plan_kind }
      : { row, concern: context.concern, plan_kind: context.plan_kind };
    const answers = await Promise.all([post("/api/check", body), post("/api/rewrite", body)]);
    const [judgments, rewrites] = answers.map((a) => (Array.isArray(a) ? a : [a]));
    results.replaceChildren();
    judgments.forEach((j, i) => render(results, j, rewrites[i], i, context));
    const smart = judgments.filter((j) => j.smart).length;
    status.textContent = `${smart} of ${judgments.length} objectives are SMART.`;
  } catch (e) {
    status.textContent = `Something went wrong: ${e.message}`;
  }
});

// Audit: upload plan files, follow the progress events, then show the summary
// and offer the report and the records.
function link(text, href, attrs) {
  return el("li", {}, el("a", Object.assign({ href }, attrs || {}), text));
}

// Plan files dropped onto the audit section are audited as if chosen.
const auditSection = document.getElementById("audit-form").closest("section");
auditSection.addEventListener("dragover", (event) => {
  event.preventDefault();
  auditSection.classList.add("dropping");
});
auditSection.addEventListener("dragleave", () => auditSection.classList.remove("dropping"));
auditSection.addEventListener("drop", (event) => {
  event.preventDefault();
  auditSection.classList.remove("dropping");
  if (!event.dataTransfer || !event.dataTransfer.files.length) return;
  document.getElementById("plan-files").files = event.dataTransfer.files;
  document.getElementById("audit-form").requestSubmit();
});

document.getElementById("audit-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const files = document.getElementById("plan-files").files;
  const status = document.getElementById("audit-status");
  const bar = document.getElementById("audit-progress");
  const summary = document.getElementById("audit-summary");
  const links = document.getElementById("audit-links");
  if (!files.length) { status.textContent = "Choose at least one plan file."; return; }
  const form = new FormData();
  for (const f of files) form.append("file", f, f.name);
  summary.textContent = "";
  links.replaceChildren();
  bar.hidden = false; bar.value = 0; bar.max = 1;
  status.textContent = "Uploading…";
  try {
    const response = await fetch("/api/audit", { method: "POST", body: form });
    if (!response.ok) {
      const json = await response.json();
      throw new Error(json.error ? json.error.message : response.statusText);
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let name = "message", data = "";
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) name = line.slice(6).trim();
          else if (line.startsWith("data:")) data += line.slice(5).trim();
        }
        if (!data) continue;
        const payload = JSON.parse(data);
        if (name === "progress") {
          bar.max = Math.max(1, payload.total);
          bar.value = payload.done;
          status.textContent = `Audited ${payload.done} of ${payload.total} rows${payload.file ? ": " + payload.file : ""}`;
        } else if (name === "error") {
          throw new Error(payload.message);
        } else if (name === "result") {
          bar.value = bar.max;
          status.textContent = "Audit finished.";
          summary.textContent = payload.summary;
          const report = URL.createObjectURL(new Blob([payload.report], { type: "text/html" }));
          const records = URL.createObjectURL(new Blob(
            [payload.records.map((r) => JSON.stringify(r)).join("\n") + "\n"],
            { type: "application/x-ndjson" }));
          links.append(
            link("Open the report", report, { target: "_blank", rel: "noopener", id: "open-report" }),
            link("Download the report (HTML)", report, { download: "smarten-report.html" }),
            link("Download the records (JSONL)", records, { download: "smarten-records.jsonl" }));
        }
      }
    }
  } catch (e) {
    status.textContent = `The audit stopped: ${e.message}`;
  }
});

// Marking: an exercise and a class's answers in, the class summary and report out.
document.getElementById("mark-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const exercise = document.getElementById("exercise-file").files[0];
  const answers = document.getElementById("answers-file").files[0];
  const status = document.getElementById("mark-status");
  const summary = document.getElementById("mark-summary");
  const links = document.getElementById("mark-links");
  if (!exercise || !answers) { status.textContent = "Choose the exercise and the answers."; return; }
  const form = new FormData();
  form.append("exercise", exercise, exercise.name);
  form.append("answers", answers, answers.name);
  summary.textContent = "";
  links.replaceChildren();
  status.textContent = "Marking…";
  try {
    const result = await post_form("/api/mark", form);
    status.textContent = `Marked ${result.marks.length} answer rows.`;
    summary.textContent = result.summary;
    const report = URL.createObjectURL(new Blob([result.report], { type: "text/html" }));
    links.append(
      link("Open the class report", report, { target: "_blank", rel: "noopener", id: "open-class-report" }),
      link("Download the class report (HTML)", report, { download: "smarten-class-report.html" }));
  } catch (e) {
    status.textContent = `Marking stopped: ${e.message}`;
  }
});

async function post_form(path, form) {
  const response = await fetch(path, { method: "POST", body: form });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error ? json.error.message : response.statusText);
  return json;
}
