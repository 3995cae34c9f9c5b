// The report's behaviour: filters with counts, a panel per finding, links to findings by
// fingerprint, and numbered footnotes for print. Text from the report is only ever set as
// textContent, never parsed as HTML.
(function () {
  "use strict";
  const root = document.documentElement;
  root.classList.remove("no-js");
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const findings = data.findings;
  const total = findings.length;

  const marks = findings.map(() => []); // each finding's marked pieces (or its note)
  const tags = new Array(total); // each finding's button
  for (const node of document.querySelectorAll("mark[data-i], li.note[data-i], button.tag[data-i]")) {
    const i = Number(node.dataset.i);
    if (node.tagName === "BUTTON") tags[i] = node;
    else marks[i].push(node);
  }
  const byAnchor = new Map(findings.map((f, i) => [f.anchor, i]));
  const byFile = data.files.map(() => []);
  findings.forEach((f, i) => byFile[f.file].push(i));
  const sections = Array.from(document.querySelectorAll("section.file"));
  const toggles = sections.map((s) => s.querySelector("button.toggle"));
  const bodies = sections.map((s) => s.querySelector(".file-body"));
  const shownLabels = sections.map((s) => s.querySelector("[data-shown]"));
  const footnotes = sections.map((s) => s.querySelector("ol.footnotes"));
  const visible = new Uint8Array(total).fill(1);
  const panels = new Map();

  // Panels -----------------------------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function row(list, term, value) {
    list.append(element("dt", null, term));
    const dd = element("dd");
    if (typeof value === "string") dd.textContent = value;
    else dd.append(value);
    list.append(dd);
  }

  function sentence(label, rewrite, changed, edited) {
    const p = element("p", edited ? "after" : "before");
    const words = element("span");
    words.append(rewrite.prefix, element(edited ? "ins" : "del", null, changed), rewrite.suffix);
    p.append(element("span", "label", label), words);
    return p;
  }

  function buildPanel(i, id) {
    const f = findings[i];
    const rule = data.rules[f.rule] || { why: "", refs: [] };
    const panel = element("section", "panel sev-" + f.severity);
    panel.id = id;
    panel.dataset.i = String(i);
    panel.setAttribute("aria-labelledby", id + "-title");
    const title = element("h4");
    title.id = id + "-title";
    title.append(element("span", "sev-label sev-" + f.severity, f.severity));
    title.append("Finding " + f.n + " · " + f.category + ": " + (data.categories[f.category] || ""));
    panel.append(title, element("p", "message", f.message));
    const facts = element("dl");
    row(facts, "Words", "“" + f.quote + "”");
    row(facts, "Rule", element("code", null, f.rule));
    if (rule.why) row(facts, "Why", rule.why);
    if (rule.refs.length) {
      const refs = element("ul");
      for (const ref of rule.refs) refs.append(element("li", null, ref));
      row(facts, "References", refs);
    }
    const confidence = f.confidence === null ? "" : ", confidence " + Math.round(f.confidence * 100) + "%";
    row(facts, "Source", f.source + confidence);
    row(facts, "Where", f.path + ", line " + f.line + ", column " + f.column);
    const advice = f.suggestions.filter((s) => s.advice).map((s) => s.advice);
    if (advice.length) row(facts, "Advice", advice.join(" "));
    panel.append(facts);
    if (f.rewrite) {
      const box = element("div", "rewrite");
      const heading = f.rewrite.safe ? "Proposed rewrite" : "Proposed rewrite (changes the wording: review it)";
      box.append(element("h5", null, heading));
      box.append(sentence("Before", f.rewrite, f.rewrite.old, false));
      box.append(sentence("After", f.rewrite, f.rewrite.new, true));
      panel.append(box);
    }
    const tools = element("p", "panel-tools");
    const link = element("a", null, "Link to this finding");
    link.href = "#" + f.anchor;
    const close = element("button", "close", "Close");
    close.type = "button";
    close.setAttribute("aria-label", "Close finding " + f.n);
    tools.append(link, close);
    panel.append(tools);
    return panel;
  }

  function openPanel(i) {
    if (panels.has(i) || !visible[i]) return;
    const f = findings[i];
    const panel = buildPanel(i, "panel-" + i);
    const tag = tags[i];
    if (!f.placed) {
      tag.closest("li").append(panel);
    } else {
      const block = tag.closest("p");
      let box = block.nextElementSibling;
      if (!box || !box.classList.contains("panels")) {
        box = element("div", "panels");
        block.after(box);
      }
      const next = Array.from(box.children).find((p) => Number(p.dataset.i) > i);
      box.insertBefore(panel, next || null);
    }
    tag.setAttribute("aria-expanded", "true");
    tag.setAttribute("aria-controls", panel.id);
    panels.set(i, panel);
  }

  function closePanel(i) {
    const panel = panels.get(i);
    if (!panel) return;
    const box = panel.parentNode;
    panel.remove();
    if (box.classList.contains("panels") && !box.children.length) box.remove();
    tags[i].setAttribute("aria-expanded", "false");
    tags[i].removeAttribute("aria-controls");
    panels.delete(i);
  }

  // Files ------------------------------------------------------------------------------

  function setExpanded(index, open) {
    if (open) bodies[index].removeAttribute("hidden");
    else bodies[index].setAttribute("hidden", "until-found");
    toggles[index].setAttribute("aria-expanded", String(open));
  }

  sections.forEach((section, index) => {
    toggles[index].addEventListener("click", () => {
      setExpanded(index, toggles[index].getAttribute("aria-expanded") !== "true");
    });
    bodies[index].addEventListener("beforematch", () => {
      toggles[index].setAttribute("aria-expanded", "true");
    });
  });

  function expandAll(open) {
    sections.forEach((section, index) => {
      if (!section.classList.contains("filtered-out")) setExpanded(index, open);
    });
  }
  const expandButton = document.getElementById("expand-all");
  if (expandButton) {
    expandButton.addEventListener("click", () => expandAll(true));
    document.getElementById("collapse-all").addEventListener("click", () => expandAll(false));
  }

  // Filters ----------------------------------------------------------------------------

  const form = document.getElementById("filter-form");
  const fileSelect = document.getElementById("filter-file");
  const textInput = document.getElementById("filter-text");
  const status = document.getElementById("filter-status");
  const haystacks = new Array(total);

  function haystack(i) {
    if (haystacks[i] === undefined) {
      const f = findings[i];
      const r = f.rewrite;
      const words = [f.quote, f.message, f.rule, f.category, f.path, r ? r.prefix + r.old + r.suffix : ""];
      haystacks[i] = words.join("\n").toLowerCase();
    }
    return haystacks[i];
  }

  function checked(name) {
    const values = new Set();
    for (const box of form.querySelectorAll("input[name='" + name + "']")) {
      if (box.checked) values.add(box.value);
    }
    return values;
  }

  function setVisible(i, on) {
    if (visible[i] === on) return;
    visible[i] = on;
    for (const node of marks[i]) node.classList.toggle("off", !on);
    if (!on) closePanel(i);
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function applyFilters() {
    const severities = checked("severity");
    const categories = checked("category");
    const file = fileSelect.value === "" ? -1 : Number(fileSelect.value);
    const text = textInput.value.trim().toLowerCase();
    const facets = { severity: new Map(), category: new Map() };
    const perFileFacet = new Array(data.files.length).fill(0);
    const perFile = new Array(data.files.length).fill(0);
    let shown = 0;
    let hiddenInfo = 0;
    for (let i = 0; i < total; i++) {
      const f = findings[i];
      const bySeverity = severities.has(f.severity);
      const byCategory = categories.has(f.category);
      const byFileChoice = file < 0 || f.file === file;
      const byText = !text || haystack(i).includes(text);
      if (byCategory && byFileChoice && byText) {
        facets.severity.set(f.severity, (facets.severity.get(f.severity) || 0) + 1);
      }
      if (bySeverity && byFileChoice && byText) {
        facets.category.set(f.category, (facets.category.get(f.category) || 0) + 1);
      }
      if (bySeverity && byCategory && byText) perFileFacet[f.file] += 1;
      const on = bySeverity && byCategory && byFileChoice && byText;
      if (on) {
        shown += 1;
        perFile[f.file] += 1;
      } else if (f.severity === "info" && !bySeverity) {
        hiddenInfo += 1;
      }
      setVisible(i, on ? 1 : 0);
    }
    let files = 0;
    sections.forEach((section, index) => {
      const count = perFile[index];
      if (count) files += 1;
      section.classList.toggle("filtered-out", count === 0);
      const all = byFile[index].length;
      shownLabels[index].textContent = count && count < all ? count + " of " + all + " shown" : "";
    });
    for (const span of form.querySelectorAll("[data-count]")) {
      const [facet, value] = span.dataset.count.split(":");
      span.textContent = String(facets[facet].get(value) || 0);
    }
    for (const option of fileSelect.options) {
      if (option.value !== "") {
        const index = Number(option.value);
        option.textContent = data.files[index].path + " (" + perFileFacet[index] + ")";
      }
    }
    let message = "Showing " + shown + " of " + plural(total, "finding") + " in " + files + " of " + plural(data.files.length, "file") + ".";
    if (hiddenInfo) message += " " + plural(hiddenInfo, "info finding") + " hidden: “Show all” shows them.";
    status.textContent = message;
  }

  function showAll() {
    for (const box of form.querySelectorAll("input[type='checkbox']")) box.checked = true;
    fileSelect.value = "";
    textInput.value = "";
    applyFilters();
  }

  if (form) {
    document.getElementById("filters").hidden = false;
    let timer = 0;
    form.addEventListener("change", applyFilters);
    form.addEventListener("submit", (event) => event.preventDefault());
    textInput.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(applyFilters, 120);
    });
    document.getElementById("show-all").addEventListener("click", showAll);
    applyFilters();
  }

  // Clicks, keys and links ---------------------------------------------------------------

  const filesSection = document.getElementById("files");
  filesSection.addEventListener("click", (event) => {
    const target = event.target;
    const tag = target.closest("button.tag");
    if (tag) {
      const i = Number(tag.dataset.i);
      if (panels.has(i)) closePanel(i);
      else openPanel(i);
      return;
    }
    const panel = target.closest(".panel");
    if (panel) {
      if (target.closest("button.close")) {
        const i = Number(panel.dataset.i);
        closePanel(i);
        tags[i].focus();
      }
      return;
    }
    // A click on marked words opens the panel of every finding marked there.
    for (let mark = target.closest("mark.hl"); mark; mark = mark.parentElement.closest("mark.hl")) {
      if (!mark.classList.contains("off")) openPanel(Number(mark.dataset.i));
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const inside = document.activeElement && document.activeElement.closest(".panel, button.tag");
    if (!inside) return;
    const i = Number(inside.dataset.i);
    if (panels.has(i)) {
      closePanel(i);
      tags[i].focus();
    }
  });

  filesSection.addEventListener("focusin", (event) => {
    if (event.target.matches("button.tag")) {
      for (const node of marks[Number(event.target.dataset.i)]) node.classList.add("focus");
    }
  });
  filesSection.addEventListener("focusout", (event) => {
    if (event.target.matches("button.tag")) {
      for (const node of marks[Number(event.target.dataset.i)]) node.classList.remove("focus");
    }
  });

  function reveal() {
    let anchor = location.hash.slice(1);
    try {
      anchor = decodeURIComponent(anchor);
    } catch (error) {
      return;
    }
    const i = byAnchor.get(anchor);
    if (i === undefined) return;
    if (!visible[i] && form) showAll();
    setExpanded(findings[i].file, true);
    openPanel(i);
    (marks[i][0] || tags[i]).scrollIntoView({ block: "center" });
    tags[i].focus({ preventScroll: true });
  }
  window.addEventListener("hashchange", reveal);

  // Print: every shown file open, each finding as a numbered footnote --------------------

  let collapsed = [];
  function beforePrint() {
    sections.forEach((section, index) => {
      const list = footnotes[index];
      list.textContent = "";
      if (section.classList.contains("filtered-out")) return;
      for (const i of byFile[index]) {
        if (!visible[i]) continue;
        const item = element("li");
        item.value = findings[i].n;
        item.append(buildPanel(i, "footnote-" + i));
        list.append(item);
      }
    });
    if (!collapsed.length) {
      collapsed = bodies.filter((body) => body.hasAttribute("hidden"));
      for (const body of collapsed) body.removeAttribute("hidden");
    }
  }
  function afterPrint() {
    for (const body of collapsed) body.setAttribute("hidden", "until-found");
    collapsed = [];
  }
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  window.matchMedia("print").addEventListener("change", (query) => {
    if (query.matches) beforePrint();
    else afterPrint();
  });

  // After the browser's own scroll to the fragment, which comes when the page has loaded.
  function start() {
    if (location.hash) reveal();
    root.dataset.ready = "true";
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", () => setTimeout(start, 0));
})();
