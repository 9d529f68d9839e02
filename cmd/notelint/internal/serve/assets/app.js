// notelint serve: the editor page. It talks only to the server that served
// it, sending the session token with every API request.
"use strict";
(() => {
  const token = document.querySelector('meta[name="notelint-token"]').content;
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of kids) if (c !== null && c !== undefined) e.append(c);
    return e;
  };
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  const state = {
    session: null,
    path: "",         // the open file, relative to PATH
    version: "",      // its version on disk when opened ("" for a new file)
    isNew: false,
    crlf: false,
    saved: "",        // the editor text as last loaded or saved
    result: null,     // the last /api/check answer
    message: 0,       // index of the message shown
    seq: 0,           // check requests sent; answers to older ones are dropped
    activeFinding: -1,
    timer: 0,
    smsCase: "best", // the SMS case the phone shows: "best" or "worst"
  };
  const editor = $("editor"), backdrop = $("backdrop");

  async function api(method, url, body) {
    const opt = { method, headers: { "X-Notelint-Token": token } };
    if (body !== undefined) {
      opt.headers["Content-Type"] = "application/json";
      opt.body = JSON.stringify(body);
    }
    let resp;
    try {
      resp = await fetch(url, opt);
    } catch (e) {
      throw Object.assign(new Error("notelint serve is not reachable: is it still running?"), { status: 0 });
    }
    let data = null;
    try { data = await resp.json(); } catch (e) { /* not JSON */ }
    if (!resp.ok) {
      const err = new Error((data && data.error) || `${resp.status} ${resp.statusText}`);
      err.status = resp.status;
      err.data = data;
      throw err;
    }
    return data;
  }

  function status(msg, isError) {
    const s = $("status");
    s.textContent = msg;
    s.classList.toggle("error", !!isError);
  }

  // ---- text positions -------------------------------------------------

  // The text as the file holds it: the editor always has LF line ends.
  const fileText = () => (state.crlf ? editor.value.replace(/\r?\n/g, "\r\n") : editor.value);
  const utf8Length = (s) => new TextEncoder().encode(s).length;

  // index converts a 1-based line and column (columns count code points,
  // as check --format json does) into an index of the editor's string.
  function index(text, line, col) {
    let i = 0;
    for (let l = 1; l < line; l++) {
      const nl = text.indexOf("\n", i);
      if (nl < 0) return text.length;
      i = nl + 1;
    }
    for (let c = 1; c < col && i < text.length && text[i] !== "\n"; c++) {
      i += text.codePointAt(i) > 0xffff ? 2 : 1;
    }
    return i;
  }

  function findingRange(f, text) {
    const s = index(text, f.line, f.column);
    let e = index(text, f.end_line, f.end_column);
    if (e < s) e = s;
    return [s, e];
  }

  // ---- editor highlights ------------------------------------------------

  // paintBackdrop draws the findings behind the editor text. Where findings
  // overlap, the narrowest one shows, so a word inside a finding on the
  // whole message stays visible.
  function paintBackdrop() {
    const text = editor.value;
    const fs = (state.result && state.result.findings) || [];
    const ranges = fs.map((f, i) => { const [s, e] = findingRange(f, text); return { s, e: Math.min(Math.max(e, s + 1), text.length), sev: f.severity, i }; })
      .filter((r) => r.s < r.e);
    const cuts = new Set([0, text.length]);
    for (const r of ranges) { cuts.add(r.s); cuts.add(r.e); }
    const points = [...cuts].sort((a, b) => a - b);
    backdrop.textContent = "";
    let run = "", runOwner = null;
    const flush = () => {
      if (!run) return;
      if (runOwner) {
        backdrop.append(el("mark", { class: runOwner.sev + (runOwner.i === state.activeFinding ? " active" : ""), "data-finding": runOwner.i, text: run }));
      } else {
        backdrop.append(run);
      }
      run = "";
    };
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k], b = points[k + 1];
      let owner = null;
      for (const r of ranges) {
        if (r.s <= a && r.e >= b && (!owner || r.e - r.s < owner.e - owner.s)) owner = r;
      }
      if (owner !== runOwner) { flush(); runOwner = owner; }
      run += text.slice(a, b);
    }
    flush();
    backdrop.append("\n");
    backdrop.scrollTop = editor.scrollTop;
  }

  editor.addEventListener("scroll", () => { backdrop.scrollTop = editor.scrollTop; backdrop.scrollLeft = editor.scrollLeft; });
  editor.addEventListener("input", () => {
    updateDirty();
    paintBackdrop();
    scheduleCheck();
  });
  document.addEventListener("keydown", (ev) => {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "s") { ev.preventDefault(); save(); }
  });

  function updateDirty() {
    const dirty = editor.value !== state.saved || state.isNew;
    if (state.path) document.title = `${dirty ? "● " : ""}${state.path} · notelint`;
    $("dirty").textContent = state.isNew ? "new, not saved" : dirty ? "unsaved changes" : "saved";
    $("save").disabled = !state.path || !dirty;
  }

  // ---- checking -------------------------------------------------------------

  function scheduleCheck() {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, 200);
  }

  async function check() {
    if (!state.path) return;
    const text = fileText();
    const max = state.session ? state.session.max_text_bytes : 512 * 1024;
    const n = utf8Length(text);
    if (n > max) {
      showProblem(`The text is ${Math.round(n / 1024)} KB, far over the ${Math.round(max / 1024)} KB a template may have ([lint] max_file_size, max_bundle_size). Shorten it to see findings and the preview.`);
      return;
    }
    const seq = ++state.seq;
    try {
      const res = await api("POST", "/api/check", { path: state.path, text });
      if (seq !== state.seq) return;
      state.result = res;
      if (state.message >= res.messages.length) state.message = 0;
      showProblem(res.problem || "");
      status(`checked in ${res.ms.toFixed(1)} ms`);
      render();
    } catch (e) {
      if (seq !== state.seq) return;
      showProblem(e.message);
    }
  }

  function showProblem(msg) {
    const p = $("problem");
    p.textContent = msg;
    p.hidden = !msg;
  }

  // ---- rendering ----------------------------------------------------------

  function render() {
    const res = state.result;
    const msgSel = $("message");
    msgSel.textContent = "";
    if (res.messages.length > 1) {
      res.messages.forEach((m, i) => msgSel.append(el("option", { value: i, text: `${m.id} (line ${m.line})`, selected: i === state.message })));
      msgSel.hidden = false;
    } else {
      msgSel.hidden = true;
    }
    const m = res.messages[state.message];
    renderScope(m);
    renderPreview(m);
    renderStats(m);
    renderFindings(res.findings);
    renderLinks(m);
    renderPlaceholders(m);
    paintBackdrop();
  }
  $("message").addEventListener("change", (ev) => { state.message = Number(ev.target.value); render(); });

  const sourceWords = {
    "front-matter": "set in front matter", config: "from the config", key: "from the message key",
    path: "from the path", text: "from the words of the message", "config default": "the config's default",
    default: "a guess from the file type", none: "unknown",
  };
  function why(fact) {
    if (!fact || !fact.value) return "unknown";
    let s = sourceWords[fact.source] || fact.source;
    if (fact.detail && fact.source !== "front-matter") s += ` (${fact.detail})`;
    if (fact.confidence === "low") s += ", not sure";
    return s;
  }

  function renderScope(m) {
    const box = $("scope");
    box.textContent = "";
    if (!m) return;
    const sc = m.scope;
    const pick = (key, values, value) => {
      const sel = el("select", { "aria-label": key, disabled: !m.editable, "data-scope": key });
      if (!value) sel.append(el("option", { value: "", text: "unknown", selected: true }));
      for (const v of values) sel.append(el("option", { value: v, text: v, selected: v === value }));
      if (value && !values.includes(value)) sel.append(el("option", { value, text: value, selected: true }));
      sel.addEventListener("change", () => setFrontMatter(key, sel.value));
      return sel;
    };
    const s = state.session || { channels: [], kinds: [] };
    const loc = el("input", { value: sc.locale, size: 6, "aria-label": "locale", disabled: !m.editable, "data-scope": "locale" });
    loc.addEventListener("change", () => setFrontMatter("locale", loc.value.trim()));
    box.append(
      el("label", {}, "Channel", pick("channel", s.channels, sc.channel), el("span", { class: "why", text: why(sc.sources.channel) })),
      el("label", {}, "Kind", pick("kind", s.kinds, sc.kind), el("span", { class: "why", text: why(sc.sources.kind) })),
      el("label", {}, "Language", loc, el("span", { class: "why", text: why(sc.sources.locale) })),
    );
    if (sc.notification === "no") box.append(el("span", { class: "why", text: `not taken for a customer notification (${why(sc.sources.notification)}): most rules do not run` }));
    if (!m.editable) box.append(el("span", { class: "why", text: "set these in the catalog entry or the config" }));
  }

  // setFrontMatter writes key = "value" into the +++ front matter of the
  // editor text (creating it), so the choice is saved with the file.
  function setFrontMatter(key, value) {
    let text = editor.value;
    const line = `${key} = ${JSON.stringify(value)}`;
    const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    if (bom) text = text.slice(1);
    if (!text.startsWith("+++\n")) {
      text = value ? `+++\n${line}\n+++\n` + text : text;
    } else {
      const end = text.indexOf("\n+++", 3);
      const fm = end < 0 ? text.slice(4) : text.slice(4, end + 1);
      const rest = end < 0 ? "" : text.slice(end + 1);
      const lines = fm.split("\n");
      let done = false, firstTable = lines.findIndex((l) => /^\s*\[/.test(l));
      if (firstTable < 0) firstTable = lines.length;
      for (let i = 0; i < firstTable; i++) {
        if (new RegExp(`^\\s*${key}\\s*=`).test(lines[i])) {
          if (value) lines[i] = line; else lines.splice(i, 1);
          done = true;
          break;
        }
      }
      if (!done && value) lines.splice(0, 0, line);
      text = "+++\n" + lines.join("\n") + rest;
    }
    editor.value = bom + text;
    editor.dispatchEvent(new Event("input"));
  }

  function renderPreview(m) {
    const screen = $("screen");
    screen.textContent = "";
    if (!m) { screen.append(el("p", { class: "empty", text: "Nothing to preview." })); return; }
    if (m.sms) return renderSMS(screen, m);
    if (m.email) return renderEmail(screen, m);
    if (m.push) return renderPush(screen, m);
    screen.append(el("div", { class: "sender", text: m.scope.channel || "message" }), el("div", { class: "sms-bubble", text: m.text }));
  }

  // The SMS as sent in the best case (placeholders at their sample) or the
  // worst case (at their max), split into its segments, with the
  // characters that force UCS-2 marked.
  function renderSMS(screen, m) {
    const shown = m.sms[state.smsCase];
    const nonGSM = new Map(shown.non_gsm.map((n) => [n.offset, n.replacement]));
    const bubble = el("div", { class: "sms-bubble", "data-segments": shown.segments, "data-encoding": shown.encoding, "data-case": state.smsCase });
    shown.parts.forEach((p, i) => {
      if (i > 0) bubble.append(el("span", { class: "seg-break", "data-n": i + 1, title: `segment ${i + 1} starts here` }));
      let off = p.start, run = "";
      for (const ch of p.text) {
        if (nonGSM.has(off)) {
          bubble.append(run);
          run = "";
          const rep = nonGSM.get(off);
          bubble.append(el("mark", {
            class: "ucs2", "data-replacement": rep, text: ch,
            title: rep === "" ? `"${ch}" forces UCS-2; no GSM-7 replacement` : `"${ch}" forces UCS-2; use "${rep}" instead`,
          }));
        } else {
          run += ch;
        }
        off += utf8Length(ch);
      }
      bubble.append(run);
    });
    const pick = el("div", { class: "case-pick", role: "group", "aria-label": "Which case the phone shows" });
    for (const [c, label] of [["best", "with samples"], ["worst", "at max length"]]) {
      pick.append(el("button", { type: "button", "aria-pressed": String(state.smsCase === c), "data-case": c, text: label,
        onclick: () => { state.smsCase = c; renderPreview(m); } }));
    }
    screen.append(el("div", { class: "sender", text: m.sms.sender || "SMS" }), pick, bubble,
      el("div", { class: "seg-legend", text: shown.segments > 1 ? "dashed lines: where the phone network splits the message" : "" }));
    // The characters that force UCS-2, each once, with their replacement,
    // and one button for every fix the findings offer.
    const seen = new Map();
    for (const n of shown.non_gsm) if (!seen.has(n.char)) seen.set(n.char, n.replacement);
    if (!seen.size) return;
    const list = el("div", { class: "ucs2-list" }, "Forces UCS-2: ");
    [...seen].forEach(([ch, rep], i) => {
      if (i > 0) list.append(", ");
      list.append(el("mark", { class: "ucs2", text: ch }), rep === "" ? " (no replacement)" : ` → ${rep}`);
    });
    const fixes = ((state.result && state.result.findings) || []).filter((f) => f.rule === "sms-unicode" && f.fix);
    if (fixes.length) list.append(" ", el("button", { type: "button", class: "fix-all", text: fixes.length === 1 ? "Replace it" : `Replace all ${fixes.length}`, onclick: () => applyFixes(fixes) }));
    screen.append(list);
  }

  function renderEmail(screen, m) {
    const e = m.email;
    screen.append(el("div", { class: "inbox" },
      el("div", { class: "from", text: e.sender || "Your company" }),
      el("div", { class: "subject", text: e.subject || "(no subject)" }),
      el("div", { class: "pre", text: e.preheader || firstWords(m.text) })));
    const frame = el("iframe", { class: "mail-frame", sandbox: "", title: "e-mail body", referrerpolicy: "no-referrer" });
    frame.srcdoc = e.html;
    screen.append(frame);
  }
  const firstWords = (s) => (s || "").replace(/\s+/g, " ").trim().slice(0, 90);

  function renderPush(screen, m) {
    const p = m.push;
    const now = new Date();
    screen.append(el("div", { class: "lock-time", text: `${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}` }));
    const card = el("div", { class: "push-card" },
      el("div", { class: "app", text: "now" }),
      el("div", { class: "title", text: p.title_shown || "(no title)" }),
      el("div", { class: "body", text: p.body_shown }));
    screen.append(card);
    if (p.title_truncated) screen.append(el("div", { class: "cut", text: `Title cut after ${p.title_limit} characters (${Array.from(p.title).length} written).` }));
    if (p.body_truncated) screen.append(el("div", { class: "cut", text: `Body cut after ${p.body_limit} characters on the lock screen.` }));
  }

  function renderStats(m) {
    const box = $("stats"), sum = $("summary");
    box.textContent = "";
    sum.textContent = "";
    if (!m || !m.sms) return;
    const s = m.sms;
    const over = s.worst.segments > s.budget;
    sum.append(
      el("span", { class: over ? "over" : "ok", text: s.best.segments === s.worst.segments ? plural(s.worst.segments, "segment", "segments") : `${s.best.segments}–${s.worst.segments} segments` }),
      ` · ${s.worst.encoding === s.best.encoding ? s.best.encoding : s.best.encoding + " to " + s.worst.encoding} · ${s.best.characters} characters · budget ${s.budget}`);
    const price = Number(localStorage.getItem("notelint.price") || "0.0079");
    const row = (label, o) => el("tr", {},
      el("th", { text: label }),
      el("td", { text: o.encoding }),
      el("td", { class: "num", text: o.characters }),
      el("td", { class: "num" + (o.segments > s.budget ? " over" : ""), text: o.segments, "data-case": label }),
      el("td", { class: "num", text: (o.segments * price).toFixed(4) }));
    box.append(el("h2", { text: "SMS size" }), el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}), el("th", { text: "encoding" }), el("th", { class: "num", text: "chars" }), el("th", { class: "num", text: "segments" }), el("th", { class: "num", text: "cost" }))),
      el("tbody", {}, row("best case", s.best), row("worst case", s.worst))));
    const notes = [];
    notes.push(`Budget: ${plural(s.budget, "segment", "segments")}.` + (s.worst.segments > s.budget ? ` The worst case needs ${s.worst.segments}.` : ""));
    notes.push("Best case: placeholders at their sample. Worst case: at their max, with any character their charset allows.");
    if (s.assumed.length) notes.push(`No max declared for ${s.assumed.map((n) => "{{" + n + "}}").join(", ")}: counted at the default length.`);
    for (const n of notes) box.append(el("p", { class: "note", text: n }));
    const inp = el("input", { type: "number", min: "0", step: "0.0001", value: String(price), "aria-label": "price per segment" });
    inp.addEventListener("change", () => { localStorage.setItem("notelint.price", inp.value || "0"); renderStats(m); });
    box.append(el("label", { class: "price" }, "Price per segment", inp, "(cost per send = segments × price)"));
  }

  function renderFindings(fs) {
    const list = $("finding-list");
    list.textContent = "";
    $("count").textContent = fs.length ? `(${fs.length})` : "";
    if (!fs.length) { list.append(el("li", { class: "none", text: "No findings. The message reads well." })); return; }
    fs.forEach((f, i) => {
      const li = el("li", { class: `finding ${f.severity}` + (i === state.activeFinding ? " active" : ""), tabindex: "0", "data-rule": f.rule },
        el("div", { class: "head" }, el("span", { class: `badge ${f.severity}`, text: f.severity }), el("span", { class: "rule", text: f.rule }), el("span", { text: `line ${f.line}` })),
        el("p", { class: "msg", text: f.message }),
        f.hint ? el("p", { class: "hint", text: f.hint }) : null);
      if (f.fix) {
        li.append(el("button", { type: "button", class: "fix", text: "Apply fix: " + f.fix.description, onclick: (ev) => { ev.stopPropagation(); applyFix(f); } }));
      }
      const go = () => select(i);
      li.addEventListener("click", go);
      li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") go(); });
      list.append(li);
    });
  }

  function select(i) {
    const f = state.result.findings[i];
    state.activeFinding = i;
    const [s, e] = findingRange(f, editor.value);
    editor.focus();
    editor.setSelectionRange(s, Math.max(e, s));
    for (const li of document.querySelectorAll(".finding")) li.classList.remove("active");
    const li = document.querySelectorAll(".finding")[i];
    if (li) li.classList.add("active");
    paintBackdrop();
    const mark = backdrop.querySelector(`mark[data-finding="${i}"]`);
    if (mark) editor.scrollTop = Math.max(0, mark.offsetTop - editor.clientHeight / 3);
  }

  const applyFix = (f) => applyFixes([f]);

  // applyFixes applies the edits of fixes (byte offsets in the file text);
  // of overlapping edits the first is kept, as check --fix does.
  function applyFixes(fs) {
    const bytes = new TextEncoder().encode(fileText());
    const edits = [];
    for (const f of fs) {
      for (const ed of f.fix.edits) {
        if (!edits.some((o) => ed.start < o.end && ed.end > o.start || ed.start === o.start)) edits.push(ed);
      }
    }
    edits.sort((a, b) => b.start - a.start);
    let out = bytes;
    for (const ed of edits) {
      if (ed.start < 0 || ed.end > out.length || ed.end < ed.start) continue;
      const mid = new TextEncoder().encode(ed.new);
      const next = new Uint8Array(out.length - (ed.end - ed.start) + mid.length);
      next.set(out.subarray(0, ed.start), 0);
      next.set(mid, ed.start);
      next.set(out.subarray(ed.end), ed.start + mid.length);
      out = next;
    }
    const text = new TextDecoder().decode(out);
    editor.value = state.crlf ? text.replace(/\r\n/g, "\n") : text;
    state.activeFinding = -1;
    editor.dispatchEvent(new Event("input"));
  }

  function renderLinks(m) {
    const box = $("links");
    box.textContent = "";
    if (!m || !m.links.length) return;
    const ul = el("ul");
    for (const l of m.links) {
      const cls = l.severity || (l.checked ? "ok" : "unchecked");
      ul.append(el("li", {},
        el("div", { class: "url", text: l.url }),
        l.label ? el("div", { text: `“${l.label}”` }) : null,
        el("div", { class: `verdict ${cls}`, text: l.verdict })));
    }
    box.append(el("h2", { text: "Links and landing pages" }), ul);
  }

  function renderPlaceholders(m) {
    const box = $("placeholders");
    box.textContent = "";
    if (!m || !m.placeholders.length) return;
    const ul = el("ul");
    for (const p of m.placeholders) {
      const bits = [];
      if (p.sample) bits.push(`sample “${p.sample}”`);
      if (p.max) bits.push(`max ${p.max}`);
      if (p.type) bits.push(p.type);
      if (p.charset) bits.push(`charset ${p.charset}`);
      ul.append(el("li", { class: p.declared ? "" : "undeclared" }, el("code", { text: `{{${p.name}}}` }), " ",
        p.declared ? bits.join(", ") || "declared" : "not declared in [vars]: no sample, counted at the default length"));
    }
    box.append(el("h2", { text: "Placeholders" }), ul);
  }

  // ---- files --------------------------------------------------------------

  async function loadList() {
    try {
      const res = await api("GET", "/api/templates");
      const ul = $("templates");
      ul.textContent = "";
      for (const t of res.templates) {
        const a = el("a", { href: "#" + encodeURIComponent(t.path), "data-path": t.path, "aria-current": t.path === state.path ? "true" : "false", title: t.problem || `${t.channel} · ${t.kind || "kind unknown"} · ${t.locale || "language unknown"}` },
          el("span", { class: "name", text: t.path }));
        if (t.problem) a.append(el("span", { class: "badge error", text: "!" }));
        if (t.error) a.append(el("span", { class: "badge error", text: t.error, title: plural(t.error, "error", "errors") }));
        if (t.warning) a.append(el("span", { class: "badge warning", text: t.warning, title: plural(t.warning, "warning", "warnings") }));
        if (t.info) a.append(el("span", { class: "badge info", text: t.info, title: plural(t.info, "note", "notes") }));
        if (!t.problem && !t.error && !t.warning && !t.info) a.append(el("span", { class: "badge clean", text: "✓", title: "no findings" }));
        a.addEventListener("click", (ev) => { ev.preventDefault(); open(t.path); });
        ul.append(el("li", {}, a));
      }
      if (!res.templates.length) ul.append(el("li", { class: "why", text: "No templates found here. Start a new message." }));
    } catch (e) {
      status(e.message, true);
    }
  }

  function confirmLeave() {
    return editor.value === state.saved && !state.isNew || confirm("Your changes are not saved. Leave them?");
  }

  async function open(path) {
    if (state.path && path !== state.path && !confirmLeave()) return;
    try {
      const f = await api("GET", "/api/file?path=" + encodeURIComponent(path));
      setDocument(f.path, f.text, f.version, f.crlf, false);
      history.replaceState(null, "", "#" + encodeURIComponent(f.path));
    } catch (e) {
      status(e.message, true);
    }
  }

  function setDocument(path, text, version, crlf, isNew) {
    Object.assign(state, { path, version, crlf, isNew, result: null, message: 0, activeFinding: -1 });
    const lf = crlf ? text.replace(/\r\n/g, "\n") : text;
    state.saved = isNew ? "" : lf;
    editor.value = lf;
    editor.disabled = false;
    const p = $("path");
    p.value = path;
    p.readOnly = !isNew;
    for (const a of document.querySelectorAll(".templates a")) a.setAttribute("aria-current", a.dataset.path === path ? "true" : "false");
    updateDirty();
    paintBackdrop();
    check();
  }

  $("path").addEventListener("change", () => { if (state.isNew) { state.path = $("path").value.trim(); updateDirty(); check(); } });

  async function save(version) {
    if (!state.path) return;
    const text = fileText();
    try {
      const res = await api("POST", "/api/save", { path: state.path, text, version: version === undefined ? state.version : version });
      state.version = res.version;
      state.saved = editor.value;
      state.isNew = false;
      $("path").readOnly = true;
      updateDirty();
      status(res.created ? `created ${res.path}` : `saved ${res.path}`);
      loadList();
    } catch (e) {
      if (e.status === 409 && e.data) return showConflict(e.message, e.data);
      status(e.message, true);
    }
  }
  $("save").addEventListener("click", () => save());

  function showConflict(msg, data) {
    $("conflict-title").textContent = msg;
    const pre = $("diff");
    pre.textContent = "";
    for (const line of (data.diff || "").split("\n")) {
      pre.append(el("span", { class: line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "", text: line + "\n" }));
    }
    const dlg = $("conflict");
    $("overwrite").onclick = () => { dlg.close(); save(data.version); };
    $("reload").onclick = () => { dlg.close(); state.saved = editor.value; state.isNew = false; if (data.exists) open(state.path); };
    $("reload").disabled = !data.exists;
    $("cancel").onclick = () => dlg.close();
    dlg.showModal();
  }

  // ---- new messages -----------------------------------------------------------

  $("new-open").addEventListener("click", () => { const f = $("new-form"); f.hidden = !f.hidden; });
  $("new-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (state.path && !confirmLeave()) return;
    const q = new URLSearchParams({ channel: $("new-channel").value, kind: $("new-kind").value, locale: $("new-locale").value.trim() });
    try {
      const f = await api("GET", "/api/new?" + q);
      setDocument(f.path, f.text, "", false, true);
      $("new-form").hidden = true;
      editor.focus();
      editor.setSelectionRange(editor.value.length, editor.value.length);
      status("new message: choose its file name above, write it, then Save");
    } catch (e) {
      status(e.message, true);
    }
  });

  // Back in the tab: refresh the list, and follow the open file if it
  // changed on disk (a git pull, another editor) while it has no unsaved
  // changes here.
  let refreshing = false, lastList = 0;
  async function refresh() {
    if (refreshing || document.hidden) return;
    refreshing = true;
    try {
      // The list checks every template under PATH: at most every 10 s.
      if (Date.now() - lastList > 10000) {
        lastList = Date.now();
        await loadList();
      }
      if (!state.path || state.isNew) return;
      let f;
      try {
        f = await api("GET", "/api/file?path=" + encodeURIComponent(state.path));
      } catch (e) {
        if (e.status === 404) status(`${state.path} was deleted on disk; Save writes it again`, true);
        return;
      }
      if (f.version === state.version) return;
      if (editor.value === state.saved) {
        setDocument(f.path, f.text, f.version, f.crlf, false);
        status(`reloaded ${f.path}: it changed on disk`);
      } else {
        status(`${f.path} changed on disk; Save shows the difference`, true);
      }
    } finally {
      refreshing = false;
    }
  }
  window.addEventListener("focus", refresh);
  document.addEventListener("visibilitychange", refresh);

  window.addEventListener("beforeunload", (ev) => {
    if (state.path && (editor.value !== state.saved || state.isNew)) { ev.preventDefault(); ev.returnValue = ""; }
  });

  async function start() {
    try {
      state.session = await api("GET", "/api/session");
      for (const c of state.session.channels) $("new-channel").append(el("option", { value: c, text: c }));
      $("new-kind").append(el("option", { value: "", text: "(not set)" }));
      for (const k of state.session.kinds) $("new-kind").append(el("option", { value: k, text: k }));
    } catch (e) {
      status(e.message, true);
    }
    await loadList();
    const want = decodeURIComponent(location.hash.slice(1));
    if (want) open(want);
  }
  start();
})();
