// reportlint serve: the page. Everything the server sends is put in the page as text nodes
// (never as HTML), so a message or a source line cannot inject markup.
"use strict";

const SEVERITY = { error: "错误", warning: "警告", info: "提示" };
const PARALLEL = 2;
let info = { max_file_size: 0 };
const queue = [];
let running = 0;
const ruleCache = new Map();

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function megabytes(size) { return (size / (1024 * 1024)).toFixed(0) + " MB"; }

// A line with the code points [from, to) (1-based, end exclusive) marked.
function marked(line, from, to) {
  const chars = Array.from(line || "");
  const start = Math.max(0, Math.min(chars.length, from - 1));
  const end = Math.max(start, Math.min(chars.length, to - 1));
  if (end <= start) return [chars.join("")];
  return [chars.slice(0, start).join(""), el("mark", {}, chars.slice(start, end).join("")), chars.slice(end).join("")];
}

function sourceLine(lines, d) {
  if (!(d.line >= 1 && d.line <= lines.length)) return null;
  const text = lines[d.line - 1];
  const end = d.end_line === d.line ? d.end_column : Array.from(text).length + 1;
  return el("pre", { class: "source" }, el("span", { class: "no" }, String(d.line)), marked(text, d.column, end));
}

function overlaps([line, column, endLine, endColumn], span) {
  return line <= span.end_line && endLine >= span.line &&
    (line !== span.line || endLine !== span.line || (column < span.end_column && endColumn > span.column));
}

// Whether a finding points at this place (its own span), or names it among the related cells.
function points(d, span) { return overlaps([d.line, d.column, d.end_line, d.end_column], span); }
function relates(d, span) { return (d.related || []).some((related) => overlaps(related, span)); }

function sectionTitle(section) {
  return (section.heading.numbering || "") + (section.heading.title || "");
}

function grouped(diagnostics, model) {
  const sections = model ? model.sections : [];
  const groups = new Map();
  for (const d of diagnostics) {
    const section = sections.find((s) => s.span.line <= d.line && d.line <= s.span.end_line);
    let title = "全文";
    if (section) title = sectionTitle(section);
    else if (sections.length && d.line < sections[0].span.line) title = "标题与开头";
    if (!groups.has(title)) groups.set(title, []);
    groups.get(title).push(d);
  }
  return groups;
}

function tableName(key) { return "表" + key; }

function showRule(code) {
  const aside = document.getElementById("rule-doc");
  const body = document.getElementById("rule-body");
  aside.hidden = false;
  document.body.classList.add("doc-open");
  body.replaceChildren(el("p", { text: "正在读取 " + code + " 的说明…" }));
  const cached = ruleCache.get(code);
  const got = cached ? Promise.resolve(cached) : fetch("/api/rules/" + encodeURIComponent(code)).then((r) => r.json());
  got.then((rule) => {
    if (rule.error) { body.replaceChildren(el("p", { class: "failed", text: rule.error })); return; }
    ruleCache.set(code, rule);
    const parts = [
      el("h2", {}, rule.code + "  " + rule.name),
      el("p", {}, "级别：" + (SEVERITY[rule.severity] || rule.severity) + "　来源：" + rule.source +
        (rule.sets.length ? "　规则集：" + rule.sets.join("、") : "")),
    ];
    if (rule.message) parts.push(el("p", {}, "提示信息：" + rule.message));
    parts.push(el("div", { class: "description" }, ...(rule.description || "（无说明）").split(/\n{2,}/).map((p) => el("p", { text: p }))));
    if (rule.basis) parts.push(el("p", {}, "依据：" + rule.basis));
    for (const example of rule.examples) {
      const label = example.passes ? "合规示例" : "不合规示例（应报告 " + (example.expect.join("、") || rule.code) + "）";
      parts.push(el("h3", { text: label }), el("pre", { text: example.text }));
    }
    body.replaceChildren(...parts);
  }).catch(() => body.replaceChildren(el("p", { class: "failed", text: "无法读取规则说明" })));
}

function findingItem(d, lines, onLocate) {
  const place = d.line ? "第 " + d.line + " 行 第 " + d.column + " 列" : "";
  const values = [];
  if (d.expected !== null) values.push("期望 " + d.expected);
  if (d.actual !== null) values.push("实际 " + d.actual);
  const item = el("li", { class: "finding " + d.severity, "data-severity": d.severity, "data-code": d.code },
    el("div", { class: "head" },
      el("span", { class: "sev " + d.severity, text: SEVERITY[d.severity] || d.severity }),
      el("button", { type: "button", class: "code", title: "查看规则说明", onclick: () => showRule(d.code) }, d.code),
      el("span", { class: "message", text: d.message }),
      el("span", { class: "where", text: place + (d.origin ? "（" + d.origin + "）" : "") })),
    d.locator.length ? el("div", { class: "locator", text: "位置：" + d.locator.join(" › ") }) : null,
    values.length ? el("div", { class: "values", text: values.join("，") }) : null,
    d.basis ? el("div", { class: "locator", text: "依据：" + d.basis }) : null,
    sourceLine(lines, d));
  if (onLocate) item.append(el("button", { type: "button", class: "link", onclick: onLocate }, "在表格中查看"));
  return item;
}

// The columns in the order the report wrote them (by the place of their first cell), each named
// by its label and, in table 四, its group (行政复议 › 总计).
function tableColumns(table, groups) {
  const first = new Map();
  for (const row of table.rows) for (const cell of row.cells) {
    const at = cell.span.line * 1e6 + cell.span.column;
    if (!first.has(cell.column) || at < first.get(cell.column)) first.set(cell.column, at);
  }
  const named = new Map(table.columns.map((c) => [c.key, c.written || c.template || c.key]));
  const keys = [...new Set([...table.columns.map((c) => c.key), ...first.keys()])];
  keys.sort((a, b) => (first.get(a) ?? Infinity) - (first.get(b) ?? Infinity));
  return keys.map((key) => ({ key, label: inGroup(key, named.get(key) || key, groups) }));
}

function inGroup(key, label, groups) {
  const group = key.includes(".") ? groups[key.slice(0, key.indexOf("."))] : null;
  return group ? group + " › " + label : label;
}

function tableView(table, diagnostics, groups, register) {
  const columns = tableColumns(table, groups);
  const head = el("tr", {}, el("th", { text: "行" }), ...columns.map((c) => el("th", { text: c.label })));
  const body = table.rows.map((row) => {
    const byColumn = new Map(row.cells.map((cell) => [cell.column, cell]));
    return el("tr", {}, el("th", { text: row.written ? inGroup(row.key, row.written, groups) : "—" }), ...columns.map((c) => {
      const cell = byColumn.get(c.key);
      if (!cell) return el("td", { class: "missing", text: "" });
      const hits = diagnostics.filter((d) => points(d, cell.span));
      const related = diagnostics.filter((d) => !hits.includes(d) && relates(d, cell.span));
      const td = el("td", {
        class: (cell.kind === "number" ? "num" : "") + (hits.length ? " flagged" : related.length ? " related" : ""),
        title: "第 " + cell.span.line + " 行 第 " + cell.span.column + " 列；读作 " + (cell.value ?? "（空）") + "（" + cell.kind + "）" +
          (hits.length ? "\n" + hits.map((d) => d.code + " " + d.message).join("\n") : ""),
      }, cell.raw || "∅");
      hits.forEach((d) => register(d, td));
      return td;
    }));
  });
  const problems = table.problems.map((p) => el("li", { text: "第 " + p.span.line + " 行：" + p.message }));
  return el("section", { class: "table-view" },
    el("h3", { class: "group", text: tableName(table.key) + "（" + table.format + "）" }),
    el("table", { class: "cells" }, el("thead", {}, head), el("tbody", {}, body)),
    problems.length ? el("ul", { class: "problems" }, problems) : null);
}

function textView(lines, diagnostics) {
  const byLine = new Map();
  for (const d of diagnostics) if (d.line >= 1) {
    if (!byLine.has(d.line)) byLine.set(d.line, []);
    byLine.get(d.line).push(d);
  }
  return el("div", { class: "text-lines" }, lines.map((line, i) => {
    const hits = byLine.get(i + 1);
    const first = hits && hits.find((d) => d.end_line === d.line);
    return el("div", { class: hits ? "hit" : "", title: hits ? hits.map((d) => d.code + " " + d.message).join("\n") : null },
      el("span", { class: "no", text: String(i + 1) }), first ? marked(line, first.column, first.end_column) : line);
  }));
}

function download(card, file, url, fallbackName, button) {
  button.disabled = true;
  const label = button.textContent;
  button.textContent = "正在生成…";
  const form = new FormData();
  form.append("file", file, file.name);
  fetch(url, { method: "POST", body: form }).then(async (response) => {
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error || (Array.isArray(body) && body.map((d) => d.message).join("；")) || "下载失败（" + response.status + "）");
    }
    const blob = await response.blob();
    const link = el("a", { href: URL.createObjectURL(blob), download: fallbackName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }).catch((error) => card.querySelector(".status").replaceChildren(el("span", { class: "failed", text: error.message })))
    .finally(() => { button.disabled = false; button.textContent = label; });
}

function stem(name) { return name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : name; }

function renderResult(card, file, data) {
  const diagnostics = data.diagnostics;
  const lines = data.lines || [];
  const counts = { error: 0, warning: 0, info: 0 };
  diagnostics.forEach((d) => { counts[d.severity] = (counts[d.severity] || 0) + 1; });
  card.querySelector(".status").replaceChildren(el("p", { class: "counts" },
    ...Object.keys(SEVERITY).map((s) => el("span", { class: s, text: SEVERITY[s] + " " + counts[s] }))));
  const downloads = el("div", { class: "downloads" });
  const add = (text, url, name) => {
    const button = el("button", { type: "button", class: "link" }, text);
    button.addEventListener("click", () => download(card, file, url, name, button));
    downloads.append(button);
  };
  add("下载问题清单（JSON）", "/api/check", stem(file.name) + ".reportlint.json");
  add("下载审查页（HTML）", "/api/check?format=html", stem(file.name) + ".reportlint.html");
  if (/\.docx$/i.test(file.name)) add("下载批注版（Word）", "/api/annotate", stem(file.name) + "-批注.docx");

  const cellOf = new Map();
  const tabsPanel = { findings: el("div", { class: "panel findings-panel" }), tables: el("div", { class: "panel", hidden: true }),
    text: el("div", { class: "panel", hidden: true }) };
  const tabButtons = {};
  const select = (name) => {
    for (const [key, panel] of Object.entries(tabsPanel)) {
      panel.hidden = key !== name;
      tabButtons[key].setAttribute("aria-selected", String(key === name));
    }
  };
  const tabs = el("div", { class: "tabs", role: "tablist" });
  for (const [key, label] of [["findings", "问题（" + diagnostics.length + "）"], ["tables", "表格（解析结果）"], ["text", "原文"]]) {
    tabButtons[key] = el("button", { type: "button", role: "tab", onclick: () => select(key) }, label);
    tabs.append(tabButtons[key]);
  }
  const model = data.model;
  if (model) {
    const tables = Object.values(model.tables || {});
    tabsPanel.tables.append(...(tables.length ? tables.map((t) => tableView(t, diagnostics, data.groups || {}, (d, td) => {
      if (!cellOf.has(d)) cellOf.set(d, td);
    })) : [el("p", { text: "没有读到统计表。" })]));
    tabsPanel.text.append(textView(lines, diagnostics));
  }
  if (!diagnostics.length) tabsPanel.findings.append(el("p", { class: "clean", text: "未发现问题。" }));
  for (const [title, found] of grouped(diagnostics, model)) {
    const list = el("ol", { class: "findings" }, found.map((d) => {
      const td = cellOf.get(d);
      return findingItem(d, lines, td ? () => {
        select("tables");
        document.querySelectorAll("td.active").forEach((n) => n.classList.remove("active"));
        td.classList.add("active");
        td.scrollIntoView({ block: "center" });
      } : null);
    }));
    tabsPanel.findings.append(el("section", { class: "group-block" }, el("h3", { class: "group", text: title }), list));
  }
  card.querySelector(".progress").remove();
  card.append(downloads, tabs, tabsPanel.findings, tabsPanel.tables, tabsPanel.text);
  select("findings");
  applyFilter();
}

function renderFailure(card, message) {
  const progress = card.querySelector(".progress");
  if (progress) progress.remove();
  card.querySelector(".status").replaceChildren(el("p", { class: "failed", text: message }));
  card.classList.add("failed-report");
}

function check(file, card) {
  const progress = card.querySelector(".progress");
  const fill = progress.querySelector(".fill");
  const note = progress.querySelector(".note");
  const form = new FormData();
  form.append("file", file, file.name);
  const request = new XMLHttpRequest();
  let timer = null;
  // Reading a large PDF's text layer takes seconds: say so, with the size, and count the time.
  const size = file.size >= 1024 * 1024 ? "（" + megabytes(file.size) + "）" : "";
  const reading = /\.pdf$/i.test(file.name) ? "正在读取 PDF" + (size || " ") + "并检查" : "正在检查";
  request.upload.addEventListener("progress", (event) => {
    if (!event.lengthComputable) return;
    const share = Math.round((100 * event.loaded) / event.total);
    fill.style.width = share + "%";
    note.textContent = "正在上传 " + share + "%";
  });
  request.upload.addEventListener("load", () => {
    const started = Date.now();
    progress.classList.add("busy");
    note.textContent = reading + "…";
    timer = setInterval(() => { note.textContent = reading + "…（已用 " + Math.round((Date.now() - started) / 1000) + " 秒）"; }, 1000);
  });
  return new Promise((resolve) => {
    request.addEventListener("loadend", () => {
      clearInterval(timer);
      let data = null;
      try { data = JSON.parse(request.responseText); } catch (error) { data = null; }
      if (request.status === 200 && data) renderResult(card, file, data);
      else renderFailure(card, (data && data.error) || (request.status ? "检查失败（" + request.status + "）" : "无法连接 reportlint 服务"));
      resolve();
    });
    request.open("POST", "/api/view");
    request.send(form);
  });
}

function next() {
  while (running < PARALLEL && queue.length) {
    const [file, card] = queue.shift();
    running += 1;
    check(file, card).finally(() => { running -= 1; next(); });
  }
}

function add(files) {
  const reports = document.getElementById("reports");
  for (const file of files) {
    const card = el("article", { class: "report", "data-name": file.name },
      el("h2", { text: file.name }),
      el("div", { class: "status" }),
      el("div", { class: "progress" }, el("div", { class: "bar" }, el("div", { class: "fill" })), el("span", { class: "note", text: "等待检查…" })));
    reports.prepend(card);
    if (info.max_file_size && file.size > info.max_file_size) {
      renderFailure(card, file.name + "：文件大小超过上限 " + megabytes(info.max_file_size) + "（可用 max-file-size 配置项调整）");
      continue;
    }
    queue.push([file, card]);
  }
  next();
}

function applyFilter() {
  const shown = new Set(Array.from(document.querySelectorAll(".severity-filter")).filter((b) => b.checked).map((b) => b.value));
  document.querySelectorAll("li.finding").forEach((item) => { item.hidden = !shown.has(item.dataset.severity); });
  document.querySelectorAll(".group-block").forEach((block) => {
    block.hidden = !block.querySelector("li.finding:not([hidden])");
  });
}

document.addEventListener("DOMContentLoaded", () => {
  fetch("/api/info").then((r) => r.json()).then((got) => {
    info = got;
    document.getElementById("limit").textContent = "单个文件不超过 " + megabytes(info.max_file_size) + "；reportlint " + info.version;
  }).catch(() => {});
  const input = document.getElementById("file-input");
  input.addEventListener("change", () => { add(Array.from(input.files)); input.value = ""; });
  const drop = document.getElementById("drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    add(Array.from(event.dataTransfer.files));
  });
  document.querySelectorAll(".severity-filter").forEach((box) => box.addEventListener("change", applyFilter));
  document.getElementById("rule-close").addEventListener("click", () => {
    document.getElementById("rule-doc").hidden = true;
    document.body.classList.remove("doc-open");
  });
});
