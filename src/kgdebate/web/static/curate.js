// The curation workbench: the text with its claims, and the forms that edit them.
// Offsets are code points of the text, as the annotation counts them (JavaScript strings count
// UTF-16 units, so every offset taken from the page is converted). Nothing from the annotation
// is ever parsed as HTML: every value goes into the page as text.
"use strict";

const csrf = document.querySelector('meta[name="csrf-token"]').content;
let state = null;
let current = null; // the id of the claim being worked on

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name === "on") {
      for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    } else if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? "" : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function say(message) {
  document.getElementById("status").textContent = message;
}

function alertUser(message) {
  const box = document.getElementById("alert");
  box.textContent = message;
  box.hidden = !message;
}

async function load() {
  const response = await fetch("state", { credentials: "same-origin" });
  if (!response.ok) {
    alertUser((await response.json()).error);
    return;
  }
  state = await response.json();
  render();
  document.body.dataset.loaded = "true";
  followCheck();
}

// The whole file's check runs in the background: ask again until it has ended. The page is
// drawn again only while nothing in the panel has the focus, so that no typing is lost.
let following = null;
function followCheck() {
  if (!state.checking || following) return;
  following = setTimeout(async () => {
    following = null;
    const response = await fetch("state", { credentials: "same-origin" });
    if (!response.ok) return;
    const fresh = await response.json();
    const busy = document.getElementById("panel").contains(document.activeElement);
    if (fresh.version === state.version && !busy) {
      state = fresh;
      renderPanel(); // the same version: the text is as drawn, and a selection in it stays
    }
    if (fresh.checking || busy) followCheck();
  }, 1000);
}

// Writes go one after another, each naming the file's version the one before it left: clicks
// in quick succession are all applied, where sent at once all but the first would be refused
// as made on a version the file no longer has.
let writes = Promise.resolve();
let unwritten = 0;  // writes sent or waiting their turn: leaving the page would lose them
function post(path, body) {
  unwritten += 1;
  const turn = writes.then(() => send(path, { ...body, version: state.version }));
  writes = turn.catch(() => null).finally(() => { unwritten -= 1; });
  return turn;
}
window.addEventListener("beforeunload", (event) => {
  if (unwritten > 0) { event.preventDefault(); event.returnValue = ""; } // the browser asks
});

async function send(path, body) {
  say("saving…");
  const response = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) {
    alertUser(answer.error + (answer.hint ? ` (${answer.hint})` : ""));
    say("not saved");
    return null;
  }
  alertUser("");
  if (answer.version) state.version = answer.version; // the next write in line names it
  return answer;
}

const DONE = {
  "new-claim": "new claim made", span: "words moved", split: "claim split", merge: "claims merged",
  delete: "claim deleted", set: "saved", relate: "relation added", unrelate: "relation removed",
  cite: "citation added", uncite: "citation removed", mention: "link decided",
  ambiguous: "name decided", "new-entity": "name decided", figure: "figure decided",
  "new-statistic": "statistic recorded", "remove-statistic": "statistic removed",
  "cite-stored-statistic": "stored statistic cited",
  document: "document saved", debate: "debate saved", finish: "draft finished",
};

async function edit(op, args) {
  const card = document.activeElement && document.activeElement.closest && document.activeElement.closest(".card");
  const answer = await post("edit", { op, args });
  if (answer) {
    state = { ...answer, text: answer.text ?? state.text }; // an edit never changes the text
    say(DONE[op] || "saved");
    render();
    const again = card && document.getElementById(card.id);
    if (again) again.focus({ preventScroll: true }); // keys keep working on the same claim
    document.body.dataset.edits = String(Number(document.body.dataset.edits || 0) + 1);
    followCheck();
  }
}

// -- the text ---------------------------------------------------------------------------------

function codePoints(text) {
  return Array.from(text || "");
}

function claimSpans() {
  return state.claims
    .filter((c) => c.quote && Number.isInteger(c.quote.start))
    .map((c) => ({ id: c.id, start: c.quote.start, end: c.quote.end, side: c.side || (state.debate ? "unset" : "none") }));
}

let drawn = null; // the claims' spans and sides the text was last drawn with
function renderText() {
  const spansNow = claimSpans().map((c) => `${c.id}:${c.start}:${c.end}:${c.side}`).join(" ");
  if (spansNow === drawn) return; // nothing the text shows has changed: keep it (and its selection)
  drawn = spansNow;
  const article = document.getElementById("text");
  article.replaceChildren();
  if (state.text === null) return;
  const chars = codePoints(state.text);
  const spans = claimSpans();
  let offset = 0;
  let number = 0;
  const numbered = paragraphStarts();
  const lines = state.text.split("\n");
  for (const line of lines) {
    const length = codePoints(line).length;
    const start = offset;
    const end = offset + length;
    offset = end + 1;
    if (!line.trim()) continue;
    // A line is numbered as the annotation's `paragraph:` counts: where a paragraph of prose
    // starts (not a heading, the date line or boilerplate), or every line when no draft says.
    const starts = numbered ? numbered.filter((s) => s >= start && s < end).length : 1;
    number += starts;
    const inside = spans.filter((s) => s.start < end && s.end > start);
    const cuts = new Set([start, end]);
    for (const s of inside) {
      cuts.add(Math.max(start, Math.min(end, s.start)));
      cuts.add(Math.max(start, Math.min(end, s.end)));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const paragraph = el("p", starts ? { "data-number": number } : {}, el("span", { class: "number", "aria-hidden": "true" }, starts ? String(number) : ""));
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const covering = inside.filter((s) => s.start <= a && s.end >= b);
      const claim = covering[0];
      const attributes = { class: "seg", "data-o": a };
      if (claim) {
        attributes.class += ` tone-${claim.side}` + (claim.id === current ? " current" : "");
        attributes["data-claim"] = claim.id;
        attributes.title = covering.map((c) => c.id).join(", ");
      }
      paragraph.append(el("span", attributes, chars.slice(a, b).join("")));
    }
    article.append(paragraph);
  }
}

// Where the draft's paragraphs of prose begin, in reading order (null without a draft): the
// paragraphs that `extract` numbers in each claim's `paragraph:`.
function paragraphStarts() {
  const sections = state.draft && state.draft.sections;
  if (!sections) return null;
  return sections.flatMap((s) => s.paragraphs || [])
    .filter((p) => !p.boilerplate && p.sentences && p.sentences.length)
    .map((p) => p.sentences[0][0]); // beside its prose, not a label on the line above
}

// The code-point offset of a DOM position inside the text, or null outside it.
function offsetOf(node, unitOffset) {
  let element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (element && element.classList.contains("number")) {
    const first = element.parentElement.querySelector(".seg");
    return first ? Number(first.dataset.o) : null;
  }
  if (!element || !element.classList.contains("seg")) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "P") {
      const segs = node.querySelectorAll(".seg");
      if (!segs.length) return null;
      if (unitOffset === 0) return Number(segs[0].dataset.o);
      const last = segs[segs.length - 1];
      return Number(last.dataset.o) + codePoints(last.textContent).length;
    }
    return null;
  }
  const before = node.nodeType === Node.TEXT_NODE ? node.data.slice(0, unitOffset) : "";
  return Number(element.dataset.o) + codePoints(before).length;
}

function selection() {
  const chosen = window.getSelection();
  if (!chosen || chosen.rangeCount === 0) return null;
  const range = chosen.getRangeAt(0);
  const article = document.getElementById("text");
  if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

// -- the claims -------------------------------------------------------------------------------

function select(options, value, label, onChange, blank, names = {}) {
  const box = el("select", { "aria-label": label, on: { change: (e) => onChange(e.target.value) } });
  if (blank !== undefined) box.append(el("option", { value: "" }, blank));
  for (const option of options) {  // shown by its name where it has one (a theme's title)
    box.append(el("option", { value: option, selected: option === value }, names[option] || option));
  }
  if (value === undefined || value === null) box.value = "";
  return box;
}

function findingsFor(id) {
  return state.findings.filter((f) => f.claim === id);
}

function renderFinding(finding) {
  return el("li", { class: `finding ${finding.severity}` }, `${finding.severity}: ${finding.message}`);
}

// A claim's card is compact (its fields as words) until it is the one being worked on: a
// 100-page document has thousands of claims, and the full controls of each would be
// hundreds of thousands of elements to draw after every edit.
function claimCard(claim, index) {
  return claim.id === current ? fullCard(claim, index) : compactCard(claim);
}

function compactCard(claim) {
  const id = claim.id;
  const fields = claim.stance
    ? [`stance: ${claim.stance.label}`, claim.extracted ? "found by rules, not confirmed" : "confirmed"]
    : [claim.side || "no side", claim.theme || "no theme", claim.kind || "no kind"];
  return el("li", {
    class: "card compact",
    id: `card-${id}`,
    tabindex: "0",
    "data-claim": id,
    "aria-label": `claim ${id}: open to edit`,
    on: { focus: () => { if (current !== id) choose(id, false); }, keydown: (e) => keys(e, id) },
  },
    el("div", { class: "row" }, el("strong", {}, id), ` ${fields.join(" · ")}`),
    el("p", { class: "words" }, `“${claim.quote ? claim.quote.exact : "(no quote)"}”`),
    el("ul", {}, findingsFor(id).map(renderFinding)),
  );
}

// The draft's open decisions inside a claim's words (as the to-do counts them: ambiguous and
// unknown names, figures with no statistic yet): what its card says is left
function openIn(claim) {
  const draft = state.draft;
  if (!draft || !claim.quote) return 0;
  const inside = (offset) => claim.quote.start <= offset && offset < claim.quote.end;
  const recorded = new Set(state.statistics.map((s) => s.value_text));
  return (draft.ambiguous || []).filter((a) => !decided(a) && inside(a.start)).length
    + (draft.new_entities || []).filter((n) => !decided(n) && !n.added && n.occurrences.some((o) => inside(o.start))).length
    + (draft.figures || []).filter((f) => ["percent", "count", "money"].includes(f.kind) && !decided(f) && !recorded.has(f.text) && inside(f.start)).length;
}

function fullCard(claim, index) {
  const id = claim.id;
  const set = (field) => (value) => edit("set", { claim: id, field, value });
  const span = (edge, move) => () => edit("span", { claim: id, edge, move });
  const next = state.claims[index + 1];
  const words = claim.quote ? claim.quote.exact : "(no quote)";
  const card = el("li", {
    class: "card" + (id === current ? " current" : ""),
    id: `card-${id}`,
    tabindex: "0",
    "data-claim": id,
    on: { focus: () => { if (current !== id) choose(id, false); }, keydown: (e) => keys(e, id) },
  });
  const rows = String(Math.min(6, Math.max(2, Math.ceil(claim.statement.length / 55))));
  const statement = el("textarea", { rows, "aria-label": `statement of ${id}`, on: { change: (e) => set("statement")(e.target.value) } });
  statement.value = claim.statement;
  card.append(
    el("div", { class: "row" },
      el("strong", {}, id),
      openIn(claim) ? el("a", { href: "#proposals-h", class: "open-count" }, `${openIn(claim)} to decide below`) : "",
      // sides and themes belong to a debate: a report or an article has neither
      ...(state.debate ? [
        select(state.options.sides, claim.side, `side of ${id}`, set("side"), "side…"),
        select(state.options.themes, claim.theme, `theme of ${id}`, set("theme"), "theme…", state.options.theme_titles),
      ] : []),
      select(state.options.kinds, claim.kind, `kind of ${id}`, set("kind"), "kind…"),
      el("input", { type: "text", size: "10", placeholder: "as of", value: claim.as_of || "", "aria-label": `as-of date of ${id}`, on: { change: (e) => set("as_of")(e.target.value) } }),
      select(state.options.qualifiers, claim.date_qualifier, `how the as-of date of ${id} holds`, set("date_qualifier"), "exactly"),
    ),
    stance(claim) || "",  // a claim with no machine stance has no stance row
    statement,
    el("p", { class: "words" }, `“${state.shown_words[id] ?? words}”`), // as pages show them
    el("div", { class: "row" },
      el("button", { type: "button", title: "extend the start by a word", on: { click: span("start", "extend") } }, "⟵ start"),
      el("button", { type: "button", title: "shrink the start by a word", on: { click: span("start", "shrink") } }, "start ⟶"),
      el("button", { type: "button", title: "shrink the end by a word", on: { click: span("end", "shrink") } }, "⟵ end"),
      el("button", { type: "button", title: "extend the end by a word", on: { click: span("end", "extend") } }, "end ⟶"),
      el("button", { type: "button", on: { click: () => splitAtCaret(id) } }, "Split at caret"),
      next ? el("button", { type: "button", on: { click: () => edit("merge", { claim: id, with: next.id }) } }, `Merge with ${next.id}`) : null,
      el("button", { type: "button", on: { click: () => edit("delete", { claim: id }) } }, "Delete"),
    ),
    relations(claim),
    citations(claim),
    el("ul", {}, findingsFor(id).map(renderFinding)),
  );
  return card;
}

// A stance found by the rules says so, with the words that fired and how sure the rule is,
// until the curator confirms it or chooses another label.
function stance(claim) {
  if (!claim.stance && !claim.by) return null;
  const id = claim.id;
  const label = select(state.options.stances, claim.stance ? claim.stance.label : "", `stance of ${id}`,
    (value) => { if (value) edit("stance", { claim: id, label: value }); }, "stance…");
  const found = claim.extracted;
  return el("div", { class: "row" },
    el("span", {}, `${claim.by || ""} on ${claim.stance ? claim.stance.motion : "(no motion)"}: `),
    label,
    found ? el("span", { class: "machine" },
      ` found by ${found.by} (${found.confidence || "no"} confidence; cues: ${(found.cues || []).join(", ")}) `) : null,
    found ? el("button", { type: "button", on: { click: () => edit("confirm", { claim: id }) } }, "Confirm") : null,
  );
}

function relations(claim) {
  const list = el("ul", {});
  for (const relation of state.options.relations) {
    for (const target of claim[relation] || []) {
      list.append(el("li", {}, `${relation} ${target} `,
        el("button", { type: "button", on: { click: () => edit("unrelate", { claim: claim.id, relation, target }) } }, "remove")));
    }
  }
  const kind = select(state.options.relations, "supports", `relation of ${claim.id}`, () => {});
  const target = el("input", { type: "text", size: "18", placeholder: "claim id, or search", "aria-label": `related claim for ${claim.id}` });
  const hits = el("ul", { class: "hits" });
  target.addEventListener("input", () => searchInto(hits, target.value, (hit) => {
    if (hit.kind === "claim") target.value = hit.target;
  }, ["claim"]));
  return el("div", {}, list, el("div", { class: "row" }, kind, target,
    el("button", { type: "button", on: { click: () => edit("relate", { claim: claim.id, relation: kind.value, target: target.value.trim() }) } }, "Relate")), hits);
}

function citations(claim) {
  const list = el("ul", {});
  (claim.cites || []).forEach((cite, index) => {
    const [kind] = Object.keys(cite).filter((k) => k !== "as" && k !== "evidence");
    list.append(el("li", {}, `cites ${kind} ${cite[kind]} as ${cite.as}${cite.evidence ? ` (${cite.evidence})` : ""} `,
      el("button", { type: "button", on: { click: () => edit("uncite", { claim: claim.id, index }) } }, "remove")));
  });
  const search = el("input", { type: "search", size: "22", placeholder: "cite: event, statistic…", "aria-label": `search something for ${claim.id} to cite` });
  const as = select(state.options.cited_as, "evidence", `cited as, for ${claim.id}`, () => {});
  const evidence = select(state.options.evidence, "", `kind of evidence, for ${claim.id}`, () => {}, "evidence kind…");
  const hits = el("ul", { class: "hits" });
  search.addEventListener("input", () => searchInto(hits, search.value, (hit) =>
    edit("cite", { claim: claim.id, kind: hit.kind, target: hit.target, as: as.value, evidence: evidence.value || undefined }),
  ["event", "statistic", "statement", "actor", "document", "source"]));
  return el("div", {}, list, el("div", { class: "row" }, search, as, evidence), hits);
}

let searching = 0;
async function searchInto(list, words, onPick, kinds) {
  const ticket = ++searching;
  if (words.trim().length < 2) {
    list.replaceChildren();
    return;
  }
  const response = await fetch(`entities?q=${encodeURIComponent(words)}`, { credentials: "same-origin" });
  if (!response.ok || ticket !== searching) return;
  const hits = (await response.json()).filter((h) => kinds.includes(h.kind));
  list.replaceChildren(...hits.map((hit) => el("li", {},
    el("button", { type: "button", on: { click: () => { list.replaceChildren(); onPick(hit); } } }, `${hit.kind}: ${hit.label} (${hit.target})`))));
}

function splitAtCaret(id) {
  const chosen = selection();
  if (!chosen) {
    alertUser("Put the caret in the claim's words first (click where it should split).");
    return;
  }
  edit("split", { claim: id, at: chosen.start });
}

function keys(event, id) {
  if (!event.altKey || !["ArrowLeft", "ArrowRight"].includes(event.key)) return;
  event.preventDefault();
  const left = event.key === "ArrowLeft";
  if (event.shiftKey) edit("span", { claim: id, edge: "start", move: left ? "extend" : "shrink" });
  else edit("span", { claim: id, edge: "end", move: left ? "shrink" : "extend" });
}

function choose(id, fromText) {
  const before = current;
  current = id;
  for (const claimId of [before, id]) { // the card left goes compact, the one chosen opens
    const index = state.claims.findIndex((c) => c.id === claimId);
    const old = claimId && document.getElementById(`card-${claimId}`);
    if (index >= 0 && old) old.replaceWith(claimCard(state.claims[index], index));
  }
  for (const node of document.querySelectorAll(".current")) node.classList.remove("current");
  for (const node of document.querySelectorAll(`[data-claim="${CSS.escape(id)}"]`)) node.classList.add("current");
  const card = document.getElementById(`card-${id}`);
  const words = document.querySelector(`.seg[data-claim="${CSS.escape(id)}"]`);
  if (fromText && card) {
    card.scrollIntoView({ block: "nearest" });
  } else if (words) {
    words.scrollIntoView({ block: "nearest" });
  }
  if (card) card.focus({ preventScroll: true }); // the opened card takes the keys
}

// -- the draft's proposals, the debate, the to-do ---------------------------------------------

function decided(item) {
  return item.decision || item.chosen || item.statistic;
}

function renderProposals() {
  const box = document.getElementById("proposals");
  box.replaceChildren();
  const draft = state.draft;
  if (!draft) {
    box.append(el("p", { class: "note" }, "This annotation is curated: it has no draft block."));
    return;
  }
  const group = (title, items, row) => {
    if (!items || !items.length) return;
    box.append(el("h3", {}, title), el("ul", {}, items.map((item, index) => el("li", { class: "proposal" + (decided(item) ? " decided" : "") }, row(item, index)))));
  };
  const claimAt = (offset) => {
    const found = state.claims.find((c) => c.quote && c.quote.start <= offset && offset < c.quote.end);
    return found ? ` in ${found.id}` : " (in no claim)";
  };
  group("Proposed links", draft.mentions, (m, index) => [
    `“${m.text}”${claimAt(m.start)} → ${m.kind} ${m.slug} `,
    m.decision ? `(${m.decision === "no link" ? "rejected" : m.decision}) ` : "",
    el("button", { type: "button", on: { click: () => edit("mention", { index, decision: "accepted" }) } }, "Accept"),
    el("button", { type: "button", on: { click: () => edit("mention", { index, decision: "no link" }) } }, "Reject"),
  ]);
  group("Ambiguous names", draft.ambiguous, (a, index) => [
    `“${a.text}” `, decided(a) ? `(${a.chosen || a.decision}) ` : "",
    ...a.candidates.map((c) => el("button", { type: "button", on: { click: () => edit("ambiguous", { index, chosen: c.slug }) } }, `${c.kind} ${c.slug}`)),
    el("button", { type: "button", on: { click: () => edit("ambiguous", { index, decision: "no link" }) } }, "None of these"),
  ]);
  group("Unknown names", draft.new_entities, (n, index) => [
    `“${n.text}” (${n.occurrences.length}×) `, n.decision ? `(${n.decision}) ` : "", n.added ? `(added as ${n.added}) ` : "",
    el("button", { type: "button", on: { click: () => edit("new-entity", { index, decision: "not an entity" }) } }, "Not an entity"),
    el("button", { type: "button", on: { click: () => edit("new-entity", { index, decision: "no link" }) } }, "No link"),
    n.added ? null : newEntityForm(n, index),
  ]);
  group("Figures", draft.figures, (f, index) => figureRow(f, index));
}

function slugOf(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

// A new actor or place in the reference data, for a name the store does not know.
function newEntityForm(name, index) {
  // A government is of a state: the reference data's gate refuses one without it
  const governs = el("input", { type: "text", size: "14", placeholder: "the state it governs (id)", hidden: true, "aria-label": `state “${name.text}” governs` });
  const type = select(state.options.entity_types, "person", `what “${name.text}” is`, (kind) => { governs.hidden = kind !== "government"; });
  const slug = el("input", { type: "text", size: "18", value: slugOf(name.text), "aria-label": `id for “${name.text}”` });
  const label = el("input", { type: "text", size: "20", value: name.text, "aria-label": `name of “${name.text}”` });
  const description = el("input", { type: "text", size: "30", placeholder: "who or what it is, in a sentence", "aria-label": `description of “${name.text}”` });
  const add = async () => {
    const args = { index, type: type.value, slug: slug.value.trim(), label: label.value, description: description.value, governs: type.value === "government" ? governs.value.trim() : undefined };
    const answer = await post("entity", { args });
    if (answer) {
      state = answer;
      say(`added ${args.slug} to the reference data`);
      render();
      document.body.dataset.edits = String(Number(document.body.dataset.edits || 0) + 1);
      followCheck();
    }
  };
  return el("details", {}, el("summary", {}, "New entity…"),
    el("div", { class: "row" }, type, slug, label, description, governs,
      el("button", { type: "button", on: { click: add } }, "Add to the reference data")));
}

function figureRow(figure, index) {
  const parts = [`“${figure.text}” (${figure.kind}) `];
  if (figure.decision) return [...parts, `(${figure.decision})`];
  if (figure.statistic) return [...parts, `(the stored statistic ${figure.statistic}, cited)`];
  const recorded = state.statistics.find((s) => s.value_text === figure.text);
  if (recorded) {
    return [...parts, `statistic ${recorded.id} `,
      el("button", { type: "button", on: { click: () => edit("remove-statistic", { id: recorded.id }) } }, "Remove")];
  }
  if (!["percent", "count", "money"].includes(figure.kind)) return parts;
  const id = el("input", { type: "text", size: "12", placeholder: "statistic id", "aria-label": `id of a statistic for ${figure.text}` });
  // The draft's unit where the units vocabulary has it ("tonnes", "USD"); else none chosen
  const units = state.options.units;
  const guess = units.includes(figure.unit) ? figure.unit : figure.kind === "percent" ? "percent" : "";
  const unit = select(units, guess || null, `unit of ${figure.text}`, () => {}, "unit…");
  // The source as the text names it: recorded under `sources:` with the id given (not needed
  // for one the store has already)
  const sourceTitle = el("input", { type: "text", size: "24", placeholder: "the source, as the text names it", "aria-label": `source of ${figure.text}, as the text names it` });
  sourceTitle.value = figure.attributed_to || "";
  const measures = el("input", { type: "text", size: "24", placeholder: "what it measures", "aria-label": `what ${figure.text} measures` });
  const source = el("input", { type: "text", size: "12", placeholder: "source id (if named)", "aria-label": `source of ${figure.text}` });
  if (figure.attributed_to) source.value = slugOf(figure.attributed_to);
  // The date it describes, as the draft found it (its reason on hover): the curator checks it
  const asOf = el("input", { type: "text", size: "10", placeholder: "as of", value: figure.as_of || "", title: figure.as_of_by || "", "aria-label": `as-of date of ${figure.text}` });
  const holds = select(state.options.qualifiers, figure.as_of_qualifier || null, `how the as-of date of ${figure.text} holds`, () => {}, "exactly");
  // The store has a statistic of this value already (another document's): cite it, not a copy
  const stored = (state.stored_figures || {})[index] || [];
  return [...parts,
    el("button", { type: "button", on: { click: () => edit("figure", { index, decision: "not a statistic" }) } }, "Not a statistic"),
    ...stored.map((s) => el("button", { type: "button", title: s.label, on: { click: () => edit("cite-stored-statistic", { index, id: s.id }) } }, `Cite the stored ${s.id}`)),
    el("div", { class: "row" }, id, unit, measures, asOf, holds, source, sourceTitle,
      el("button", { type: "button", on: { click: () => edit("new-statistic", { index, id: id.value.trim(), unit: unit.value, measures: measures.value, as_of: asOf.value.trim() || undefined, date_qualifier: asOf.value.trim() && holds.value ? holds.value : undefined, source: source.value.trim() || undefined, source_title: source.value.trim() && sourceTitle.value.trim() ? sourceTitle.value : undefined }) } },
        "New statistic")),
    figure.as_of_by ? el("p", { class: "note" }, `As of: ${figure.as_of_by}.`) : "",
    el("p", { class: "note" }, "Without a source id, the statistic records that the document names none. A source new to the store is recorded under sources: with its name as the text gives it; clear that name for one the store has."),
  ];
}

function renderDebate() {
  const box = document.getElementById("debate");
  const debate = state.debate;
  const motion = el("input", { type: "text", size: "40", placeholder: "the motion, as the side 'for' states it", "aria-label": "motion" });
  motion.value = debate ? debate.motion : "";
  const theme = el("input", { type: "text", size: "24", placeholder: "a theme's title", "aria-label": "new theme" });
  box.replaceChildren(
    debate ? el("p", {}, `Themes: ${debate.themes.map((t) => `${t.id} (${t.title})`).join(", ")}`) : el("p", { class: "note" }, "Not a debate yet: give its motion and a first theme to record sides and themes."),
    el("div", { class: "row" }, motion, theme,
      el("button", { type: "button", on: { click: () => edit("debate", { motion: motion.value, theme: theme.value }) } }, debate ? "Save motion / add theme" : "Make it a debate")),
  );
}

function renderDocument() {
  const box = document.getElementById("document");
  const guessed = (state.draft && state.draft.guessed) || [];
  const rows = ["title", "date", "date_qualifier", "language", "publisher", "url", "citation"].map((field) => {
    const input = field === "date_qualifier"
      ? select(state.options.qualifiers, state.document[field], "document date_qualifier", () => {}, "exactly")
      : el("input", { type: "text", size: "30", "aria-label": `document ${field}`, placeholder: field === "publisher" ? "an actor id, e.g. belfer-center" : field });
    if (field !== "date_qualifier") input.value = state.document[field] || "";
    return el("div", { class: "row" }, el("label", {}, `${field} `, input),
      el("button", { type: "button", on: { click: () => edit("document", { field, value: input.value }) } }, "Save"),
      guessed.includes(field) ? el("button", { type: "button", on: { click: () => edit("document", { field }) } }, "Confirm the guess") : null);
  });
  box.replaceChildren(...rows);
}

function renderTodo() {
  const decisions = state.findings.filter((f) => f.severity === "decision").length;
  const errors = state.findings.filter((f) => f.severity === "error").length;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  document.getElementById("todo").textContent =
    `${plural(decisions, "decision")} left · ` + (state.checking ? "checking…" : plural(errors, "error"));
  document.getElementById("problems").replaceChildren(
    ...state.findings.filter((f) => !f.claim).map(renderFinding));
  document.getElementById("finish").hidden = !state.draft;
}

function render() {
  document.querySelector("#bar .legend").hidden = !state.debate; // the colours of sides
  renderText();
  renderPanel();
}

function renderPanel() {
  document.getElementById("claims").replaceChildren(...state.claims.map(claimCard));
  renderProposals();
  renderDocument();
  renderDebate();
  renderTodo();
}

// -- wiring -----------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("new-claim");
  const newClaim = () => {
    const chosen = selection();
    if (chosen && chosen.end > chosen.start) edit("new-claim", chosen);
  };
  button.addEventListener("click", newClaim);
  document.addEventListener("selectionchange", () => {
    const chosen = selection();
    button.disabled = !(chosen && chosen.end > chosen.start);
  });
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement.tagName);
    if (event.key === "n" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) newClaim();
  });
  document.getElementById("text").addEventListener("click", (event) => {
    const seg = event.target.closest(".seg[data-claim]");
    if (seg && window.getSelection().isCollapsed) choose(seg.dataset.claim, true);
  });
  document.getElementById("finish").addEventListener("click", () => edit("finish", {}));
  document.getElementById("ingest").addEventListener("click", async () => {
    const done = await post("ingest", {});
    if (done) say(`stored ${done.document}: ${done.triples} triples, generation ${done.generation}` + (done.warnings.length ? `, ${done.warnings.length} warnings` : ""));
  });
  load();
});
