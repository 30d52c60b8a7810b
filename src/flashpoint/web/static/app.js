// flashpoint dashboard. Every piece of data from the API is put into the page with
// textContent / createTextNode (never innerHTML), so article text can never become markup.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const MODALITIES = ["asserted", "negated", "hypothetical", "future"];
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const PAGE = 25;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  return node;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else if (value !== "" && value !== null && value !== undefined) search.append(key, value);
  }
  return search.toString();
}

async function api(path, params) {
  const response = await fetch(`/api/${path}?${query(params || {})}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function formValues(form) {
  const out = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (key in out) out[key] = [].concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

function showError(target, error) {
  target.replaceChildren(el("p", { class: "error" }, `Could not load: ${error.message}`));
}

// -- network ------------------------------------------------------------------------------

async function drawNetwork() {
  const form = document.getElementById("network-form");
  const graph = document.getElementById("network-graph");
  const params = formValues(form);
  let data;
  try {
    data = await api("network", params);
  } catch (error) {
    graph.replaceChildren();
    showError(document.getElementById("partners"), error);
    return;
  }
  const W = 800, H = 520, M = 40;
  const at = (node) => [M + node.x * (W - 2 * M), M + node.y * (H - 2 * M)];
  const where = Object.fromEntries(data.nodes.map((n) => [n.code, at(n)]));
  const maxEvents = Math.max(1, ...data.nodes.map((n) => n.events));
  graph.replaceChildren();
  for (const edge of data.edges) {
    const [x1, y1] = where[edge.source];
    const [x2, y2] = where[edge.target];
    const kind = edge.weight > 0 ? "coop" : edge.weight < 0 ? "conflict" : "mixed";
    const line = svg("line", { x1, y1, x2, y2, class: `edge ${kind}`,
      "stroke-width": 1 + Math.log2(1 + edge.events) * 1.5 });
    const title = svg("title", {});
    title.textContent = `${edge.source}–${edge.target}: ${edge.coop} cooperation, ${edge.conflict} conflict`;
    line.append(title);
    graph.append(line);
  }
  for (const node of data.nodes) {
    const [x, y] = where[node.code];
    const group = svg("g", { class: "node", "data-code": node.code, tabindex: 0, role: "button",
      transform: `translate(${x},${y})` });
    const radius = 8 + 16 * Math.sqrt(node.events / maxEvents);
    group.append(svg("circle", { r: radius, class: node.coop >= node.conflict ? "coop" : "conflict" }));
    const label = svg("text", { y: radius + 13, "text-anchor": "middle" });
    label.textContent = node.code;
    group.append(label);
    group.addEventListener("click", () => showPartners(node.code, params));
    group.addEventListener("keydown", (e) => { if (e.key === "Enter") showPartners(node.code, params); });
    graph.append(group);
  }
  if (!data.nodes.length) {
    const empty = svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" });
    empty.textContent = "No events between actors in this period.";
    graph.append(empty);
  }
}

function relationList(title, items, cls) {
  const list = el("ul", { class: `relations ${cls}` });
  for (const item of items) {
    list.append(el("li", { "data-code": item.partner },
      el("a", { href: "#events", "data-actor": item.code, "data-partner": item.partner }, item.partner),
      ` ${item.coop} cooperation · ${item.conflict} conflict`));
  }
  if (!items.length) list.append(el("li", { class: "none" }, "none"));
  return [el("h4", {}, title), list];
}

async function showPartners(code, params) {
  const side = document.getElementById("partners");
  document.querySelectorAll("#network-graph .node").forEach((n) =>
    n.classList.toggle("selected", n.getAttribute("data-code") === code));
  try {
    const data = await api(`actors/${encodeURIComponent(code)}/neighbours`, params);
    side.replaceChildren(el("h3", { id: "partners-title" }, data.code),
      ...relationList("Partners", data.partners, "partners"),
      ...relationList("Rivals", data.rivals, "rivals"));
    side.querySelectorAll("a[data-partner]").forEach((link) => link.addEventListener("click", () => {
      const form = document.getElementById("events-form");
      form.elements.actor.value = code;
      form.elements.recipient.value = link.getAttribute("data-partner");
      loadEvents(0);
    }));
  } catch (error) {
    showError(side, error);
  }
}

// -- dyad timeline ------------------------------------------------------------------------

async function drawTimeline() {
  const form = document.getElementById("dyad-form");
  const params = formValues(form);
  const chosen = [].concat(params.modality || []);
  const summary = document.getElementById("dyad-summary");
  const chart = document.getElementById("timeline-chart");
  if (!chosen.length) {
    summary.textContent = "Choose at least one modality.";
    return;
  }
  let data;
  try {
    data = await api("dyad", { ...params, modality: chosen });
  } catch (error) {
    showError(summary, error);
    return;
  }
  const periods = data.series.map((p) => p.period);
  const coop = data.series.map((p) => p.quad1 + p.quad2);
  const conflict = data.series.map((p) => -(p.quad3 + p.quad4));
  const total = (xs) => xs.reduce((a, b) => a + Math.abs(b), 0);
  summary.textContent = `${data.a}–${data.b} by ${data.by}, ${data.modality.join(", ")}: ` +
    `${total(coop)} cooperation and ${total(conflict)} conflict events in ${periods.length} periods.`;
  if (!window.Plotly) {
    chart.textContent = "Plotly did not load.";
    return;
  }
  const traces = [
    { x: periods, y: coop, type: "bar", name: "cooperation (Quad 1-2)", marker: { color: "#2a9d8f" } },
    { x: periods, y: conflict, type: "bar", name: "conflict (Quad 3-4)", marker: { color: "#d1495b" } },
    { x: periods, y: data.series.map((p) => p.score_sum), type: "scatter", mode: "lines+markers",
      name: "PLOVER score (sum)", yaxis: "y2", line: { color: "#264653" } },
  ];
  // Both axes share their zero: the score axis is the event axis scaled by one ratio.
  const up = Math.max(1, ...coop), down = Math.max(1, ...conflict.map(Math.abs));
  const scores = data.series.map((p) => Math.abs(p.score_sum || 0));
  const ratio = Math.max(1, ...scores) / Math.max(up, down);
  const pad = 1.1;
  const layout = {
    barmode: "relative", height: 360, margin: { t: 20, r: 60, b: 50, l: 50 },
    yaxis: { title: { text: "events" }, range: [-down * pad, up * pad] },
    yaxis2: { title: { text: "score" }, overlaying: "y", side: "right", showgrid: false,
      zeroline: false, range: [-down * pad * ratio, up * pad * ratio] },
    legend: { orientation: "h", y: -0.2 },
  };
  window.Plotly.react(chart, traces, layout, { displaylogo: false, responsive: true });
}

// -- events -------------------------------------------------------------------------------

let eventsOffset = 0;

function evidenceCell(event) {
  const text = event.evidence_text || "";
  const cell = el("td", { class: "evidence" });
  const start = (event.trigger_start ?? -1) - (event.evidence_start ?? 0);
  const end = (event.trigger_end ?? -1) - (event.evidence_start ?? 0);
  if (start >= 0 && end > start && end <= text.length) {
    cell.append(text.slice(0, start), el("mark", { class: "trigger" }, text.slice(start, end)), text.slice(end));
  } else {
    cell.append(text);
  }
  return cell;
}

function eventRow(event) {
  const badge = el("span", { class: `badge badge-${MODALITIES.includes(event.modality) ? event.modality : "other"}` },
    event.modality);
  const link = el("a", { href: `/articles/${encodeURIComponent(event.article_id)}#event-${encodeURIComponent(event.event_id)}`,
    class: "article-link", title: event.title || "" }, "article");
  return el("tr", { "data-article": event.article_id, "data-event": event.event_id },
    el("td", {}, event.day || ""),
    el("td", {}, (event.actor || []).join(", ")),
    el("td", {}, event.type),
    el("td", {}, (event.recipient || []).join(", ")),
    el("td", {}, event.quad_class ?? ""),
    el("td", {}, badge, event.attributed_to ? el("small", {}, " attributed") : null),
    evidenceCell(event),
    el("td", {}, link));
}

async function loadEvents(offset) {
  eventsOffset = Math.max(0, offset);
  const form = document.getElementById("events-form");
  const body = document.querySelector("#events-table tbody");
  const count = document.getElementById("events-count");
  let data;
  try {
    data = await api("events", { ...formValues(form), limit: PAGE, offset: eventsOffset });
  } catch (error) {
    body.replaceChildren();
    showError(count, error);
    return;
  }
  body.replaceChildren(...data.items.map(eventRow));
  const last = eventsOffset + data.items.length;
  count.textContent = data.total ? `Events ${eventsOffset + 1}–${last} of ${data.total}` : "No events match.";
  document.getElementById("events-prev").disabled = eventsOffset === 0;
  document.getElementById("events-next").disabled = !data.has_more;
}

// -- alerts -------------------------------------------------------------------------------

async function loadAlerts() {
  const list = document.getElementById("alerts-list");
  let data;
  try {
    data = await api("alerts", formValues(document.getElementById("alerts-form")));
  } catch (error) {
    showError(list, error);
    return;
  }
  if (!data.length) {
    list.replaceChildren(el("p", { class: "none" }, "No dyad is above its baseline in the latest window."));
    return;
  }
  list.replaceChildren(...data.map((alert) => el("div", { class: "alert", "data-dyad": `${alert.a}-${alert.b}` },
    el("h3", {}, `${alert.a}–${alert.b}`),
    el("p", {}, `${alert.conflict_events} conflict events ${alert.window_start} to ${alert.window_end}; ` +
      `baseline median ${alert.baseline_median}, robust z = ${alert.z.toFixed(1)}`),
    el("ul", {}, ...alert.events.slice(0, 8).map((event) => el("li", {},
      el("a", { href: `/articles/${encodeURIComponent(event.article_id)}#event-${encodeURIComponent(event.event_id)}` },
        `${event.day} ${event.type}`),
      ` ${event.evidence_text || ""}`))))));
}

// -- start --------------------------------------------------------------------------------

function start() {
  const typeSelect = document.querySelector("#events-form select[name=type]");
  TYPES.forEach((t) => typeSelect.append(el("option", { value: t }, t)));
  const on = (id, handler) => document.getElementById(id).addEventListener("submit", (e) => {
    e.preventDefault();
    handler();
  });
  on("network-form", drawNetwork);
  on("dyad-form", drawTimeline);
  on("events-form", () => loadEvents(0));
  on("alerts-form", loadAlerts);
  document.getElementById("events-prev").addEventListener("click", () => loadEvents(eventsOffset - PAGE));
  document.getElementById("events-next").addEventListener("click", () => loadEvents(eventsOffset + PAGE));
  drawNetwork();
  drawTimeline();
  loadEvents(0);
  loadAlerts();
}

document.addEventListener("DOMContentLoaded", start);
