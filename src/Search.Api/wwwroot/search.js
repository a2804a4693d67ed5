// The search page: the address bar holds the whole state (?q=&page=&sort=&source=&section=&tag=&month=), so every view
// can be linked, bookmarked and reached with the back button. It calls /api/search and renders hits, facets, filters
// and a "did you mean" link; with neither words nor filters it is the home page. Highlights arrive HTML-escaped with
// <mark> around matches, so they are inserted as HTML; every other field is inserted as text.
import { answerTimeoutMs, attachSkipLink, element, isolated, noAnswer, unreachable } from "/page-parts.js";
import { isCountList, isHit, renderHit } from "/hits.js";
import { generic, problemMessage } from "/problems.js";
import { hideHome, showHome } from "/home.js";
import { attachSuggestions } from "/suggestions.js";

const pageSize = 10;
const maxResultWindow = 10000;
const lastPage = maxResultWindow / pageSize;
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("status");
const results = document.getElementById("results");
const pager = document.getElementById("pager");
const prev = document.getElementById("prev");
const next = document.getElementById("next");
const pageLabel = document.getElementById("page-label");
const sortBox = document.getElementById("sort-box");
const sort = document.getElementById("sort");
const facets = document.getElementById("facets");
const chips = document.getElementById("active-filters");
const didYouMean = document.getElementById("did-you-mean");
const didYouMeanLink = document.getElementById("did-you-mean-link");
const numbers = new Intl.NumberFormat("ar-EG");
const months = new Intl.DateTimeFormat("ar-EG", { month: "long", year: "numeric", timeZone: "UTC" });
const facetNames = { source: "المصدر", section: "القسم", tag: "الوسم", month: "الشهر" };
const listFilters = ["source", "section", "tag"];
const sortOrders = ["relevance", "newest", "oldest"];
const siteTitle = document.title;
let latestRequest = 0;

/** Shows a line in the live region: `content` is text, or a list of text and nodes (a query echoed in a <bdi>). */
function setStatus(content, isError) {
  status.replaceChildren(...(Array.isArray(content) ? content : [content]));
  status.classList.toggle("error", Boolean(isError));
}

function isOptionalString(value) {
  return value === undefined || value === null || typeof value === "string";
}

/** Whether a 200 answer has the shape the page reads; anything else (a proxy's page, a changed service) is an error,
 * never half a page and a script error. */
function isSearchAnswer(body) {
  return Boolean(body) && typeof body === "object"
    && Number.isInteger(body.total) && body.total >= 0
    && typeof body.tookMs === "number" && Number.isFinite(body.tookMs)
    && Array.isArray(body.hits) && body.hits.every(isHit)
    && (body.facets === undefined || body.facets === null || (typeof body.facets === "object"
      && ["source", "section", "month"].every((facet) => body.facets[facet] === undefined || isCountList(body.facets[facet]))))
    && isOptionalString(body.didYouMean)
    && (body.onlyStopWords === undefined || typeof body.onlyStopWords === "boolean");
}

function isMonth(value) {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value || "");
}

/** The first instant of a yyyy-MM month and of the month after, in UTC as the month facet counts them. */
function monthBounds(value) {
  const [year, month] = value.split("-").map(Number);
  return { start: Date.UTC(year, month - 1, 1), next: Date.UTC(year, month, 1) };
}

function monthLabel(value) {
  return months.format(new Date(monthBounds(value).start));
}

/** The month as the API's inclusive from/to range, to the second. */
function monthRange(value) {
  const { start, next } = monthBounds(value);
  return { from: new Date(start).toISOString(), to: new Date(next - 1000).toISOString() };
}

function readState() {
  const params = new URLSearchParams(window.location.search);
  // Past the pages the service pages to, the last of them (the service refuses a deeper page outright).
  const page = Math.min(lastPage, Math.max(1, parseInt(params.get("page") || "1", 10) || 1));
  const sortValue = sortOrders.includes(params.get("sort")) ? params.get("sort") : "";
  const month = isMonth(params.get("month")) ? params.get("month") : "";
  return {
    query: params.get("q") || "",
    page,
    sort: sortValue,
    source: params.getAll("source").filter(Boolean),
    section: params.getAll("section").filter(Boolean),
    tag: params.getAll("tag").filter(Boolean),
    month,
  };
}

function hasFilters(state) {
  return listFilters.some((filter) => state[filter].length > 0) || Boolean(state.month);
}

function addressOf(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  for (const filter of listFilters) {
    for (const value of state[filter]) params.append(filter, value);
  }
  if (state.month) params.set("month", state.month);
  if (state.sort) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  const text = params.toString();
  return text ? `/?${text}` : "/";
}

function apiParameters(state) {
  const params = new URLSearchParams({ page: String(state.page), pageSize: String(pageSize) });
  if (state.query.trim()) params.set("q", state.query);
  for (const filter of listFilters) {
    for (const value of state[filter]) params.append(filter, value);
  }
  if (state.month) {
    const range = monthRange(state.month);
    params.set("from", range.from);
    params.set("to", range.to);
  }
  // Relevance needs words to rank by; a browse is always by date.
  if (state.sort && !(state.sort === "relevance" && !state.query.trim())) params.set("sort", state.sort);
  return params;
}

function toggled(state, facet, value) {
  const nextState = { ...state, source: [...state.source], section: [...state.section], tag: [...state.tag], page: 1 };
  if (facet === "month") {
    nextState.month = state.month === value ? "" : value;
  } else {
    const values = nextState[facet];
    const at = values.indexOf(value);
    if (at >= 0) values.splice(at, 1);
    else values.push(value);
  }
  return nextState;
}

function isActive(state, facet, value) {
  return facet === "month" ? state.month === value : state[facet].includes(value);
}

function renderFacets(state, counts) {
  let any = false;
  for (const group of facets.querySelectorAll(".facet")) {
    const facet = group.dataset.facet;
    const values = (counts && counts[facet]) || [];
    const list = group.querySelector("ul");
    list.replaceChildren(...values.map((entry) => {
      const item = element("li");
      const button = element("button", "facet-value");
      button.type = "button";
      button.dataset.value = entry.value;
      button.setAttribute("aria-pressed", String(isActive(state, facet, entry.value)));
      button.appendChild(element("span", "label", facet === "month" ? monthLabel(entry.value) : entry.value));
      button.appendChild(element("span", "count", numbers.format(entry.count)));
      button.addEventListener("click", () => navigate(toggled(state, facet, entry.value)));
      item.appendChild(button);
      return item;
    }));
    group.hidden = values.length === 0;
    any = any || values.length > 0;
  }
  facets.hidden = !any;
}

function renderChips(state) {
  const active = [
    ...state.source.map((value) => ({ facet: "source", value, label: value })),
    ...state.section.map((value) => ({ facet: "section", value, label: value })),
    ...state.tag.map((value) => ({ facet: "tag", value, label: value })),
    ...(state.month ? [{ facet: "month", value: state.month, label: monthLabel(state.month) }] : []),
  ];
  chips.replaceChildren(...active.map(({ facet, value, label }) => {
    const item = element("li");
    const button = element("button", "chip");
    button.type = "button";
    button.dataset.facet = facet;
    button.append(`${facetNames[facet]}: `, isolated(label), " ×");
    button.setAttribute("aria-label", `إزالة ${facetNames[facet]}: ${label}`);
    button.addEventListener("click", () => navigate(toggled(state, facet, value)));
    item.appendChild(button);
    return item;
  }));
  chips.hidden = active.length === 0;
}

/** "هل تقصد: …" with a link that runs the corrected query, keeping the filters, when the API offers one. */
function renderDidYouMean(state, corrected) {
  const offered = typeof corrected === "string" && corrected.trim() !== "" && corrected !== state.query;
  didYouMean.hidden = !offered;
  if (!offered) return;
  didYouMeanLink.textContent = corrected;
  didYouMeanLink.href = addressOf({ ...state, query: corrected, page: 1 });
}

/** The window title of a view: its words, or else its filters, and its page, so the tab, a screen reader's page
 * announcement and the Back button's list tell one search from another. Isolated (U+2068…U+2069) as the article
 * page's title is, so a Latin word or an override in the query cannot reorder the site's name after it. */
function viewTitle(state) {
  const filters = [...state.source, ...state.section, ...state.tag, ...(state.month ? [monthLabel(state.month)] : [])];
  const words = state.query.trim() || filters.join("، ");
  if (!words) return siteTitle;
  const page = state.page > 1 ? ` (صفحة ${numbers.format(state.page)})` : "";
  return `\u2068${words}\u2069${page} — ${siteTitle}`;
}

async function search(state) {
  const request = ++latestRequest;
  document.title = viewTitle(state);
  results.replaceChildren();
  pager.hidden = true;
  didYouMean.hidden = true;
  renderChips(state);
  const browsing = !state.query.trim();
  if (browsing && !hasFilters(state)) {
    facets.hidden = true;
    sortBox.hidden = true;
    await showHome(() => request === latestRequest, setStatus);
    return;
  }
  hideHome();

  sort.querySelector("option[value=relevance]").disabled = browsing;
  sort.value = state.sort && !(browsing && state.sort === "relevance") ? state.sort : (browsing ? "newest" : "relevance");
  setStatus("جارٍ البحث…");
  // A search the service never answers (a proxy holding the connection) ends with a message, not "searching" forever.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), answerTimeoutMs);
  let response;
  let body;
  try {
    response = await fetch(`/api/search?${apiParameters(state)}`, { headers: { Accept: "application/json" }, signal: timeout.signal });
    body = await response.json().catch(() => (timeout.signal.aborted ? undefined : null));
  } catch {
    // Unreachable, or no answer in time.
  } finally {
    clearTimeout(timer);
  }
  if (request !== latestRequest) return; // a newer search has started; its answer is the one to show
  if (timeout.signal.aborted || !response || !response.ok || !isSearchAnswer(body)) {
    // The previous search's facets and sort would filter or order this query by counts that are not its own.
    facets.hidden = true;
    sortBox.hidden = true;
    if (timeout.signal.aborted) setStatus(noAnswer, true);
    else if (!response) setStatus(unreachable, true);
    else setStatus(`تعذّر البحث: ${response.ok ? generic : problemMessage(response.status, body)}`, true);
    return;
  }

  const pages = Math.ceil(Math.min(body.total, maxResultWindow) / pageSize);
  if (body.total > 0 && state.page > pages) {
    // An address past the last page (an old link, fewer results since): show the last page rather than an empty one.
    const last = { ...state, page: pages };
    history.replaceState(null, "", addressOf(last));
    return search(last);
  }

  renderFacets(state, body.facets);
  renderDidYouMean(state, body.didYouMean);
  // The order the service used: newest first for a query that only excludes words (-رياضة), unless one was chosen.
  if (!state.sort && sortOrders.includes(body.sort)) sort.value = body.sort;
  sortBox.hidden = body.total === 0;
  if (body.total === 0) {
    if (body.onlyStopWords) {
      // Nothing was searched: every word is one too common to search (في، من), so "no results" would mislead.
      setStatus(["«", isolated(state.query), "»: كلمات شائعة جدًا لا يُبحث بها. جرّب كلمات أدقّ، كاسم شخص أو مكان أو موضوع."]);
      return;
    }
    setStatus(browsing ? "لا أخبار بهذه التصفية." : ["لا نتائج لـ «", isolated(state.query), "»."]);
    return;
  }
  // The page is in the live line too: after Next the count alone is the same sentence, so a screen reader user, whose
  // focus stays on the button, would not hear that the page turned.
  const pageNote = pages > 1 ? `، صفحة ${numbers.format(state.page)} من ${numbers.format(pages)}` : "";
  setStatus(`${numbers.format(body.total)} نتيجة (${numbers.format(Math.round(body.tookMs))} ملّي ثانية)${pageNote}`);
  results.start = (state.page - 1) * pageSize + 1;
  results.replaceChildren(...body.hits.map(renderHit));
  pager.hidden = pages <= 1;
  prev.disabled = state.page <= 1;
  next.disabled = state.page >= pages;
  pageLabel.textContent = `صفحة ${numbers.format(state.page)} من ${numbers.format(pages)}`;
}

/** A selector that finds the control again once the view is redrawn: a facet value by its facet and value, another
 * control by its id; null for one that has neither (a chip, which goes when used). */
function controlKey(node) {
  if (!(node instanceof HTMLElement) || node === document.body) return null;
  if (node.matches(".facet-value")) {
    return `.facet[data-facet="${node.closest(".facet").dataset.facet}"] .facet-value[data-value="${CSS.escape(node.dataset.value)}"]`;
  }
  return node.id ? `#${CSS.escape(node.id)}` : null;
}

/**
 * Gives focus back when redrawing the view took it from the control the reader used (a facet value redrawn, the pager
 * hidden while the page loads, a chip removed), so a keyboard or screen reader user is not thrown to the top of the
 * page: the same control when it is there to use again, else the results (or the search box when there are none).
 */
function restoreFocus(key) {
  if (document.activeElement && document.activeElement !== document.body) return;
  const again = key ? document.querySelector(key) : null;
  if (again && !again.disabled && again.getClientRects().length > 0) {
    again.focus();
    return;
  }
  (results.childElementCount > 0 ? results : input).focus();
}

function navigate(state) {
  const used = controlKey(document.activeElement);
  // Submitting the same view again (a retry, a double press) reloads it without stacking copies the Back button must
  // step through one by one.
  const address = addressOf(state);
  if (address === window.location.pathname + window.location.search) history.replaceState(null, "", address);
  else history.pushState(null, "", address);
  input.value = state.query;
  search(state).then(() => restoreFocus(used));
}

didYouMeanLink.addEventListener("click", (event) => {
  // A click with a modifier (Ctrl, Shift, ⌘) opens the link where the reader asked, in a new tab or window.
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  // The link's address is the corrected view with the filters kept; going there without a reload keeps history short.
  event.preventDefault();
  navigate({ ...readState(), query: didYouMeanLink.textContent, page: 1 });
});

const suggestions = attachSuggestions(input, document.getElementById("suggestions"), (text) => navigate({ ...readState(), query: text, page: 1 }));

form.addEventListener("submit", (event) => {
  event.preventDefault();
  suggestions.dismiss();
  // A new query keeps the filters chosen, as a newsroom reader narrowing a topic expects, and starts at page 1.
  navigate({ ...readState(), query: input.value, page: 1 });
});
sort.addEventListener("change", () => navigate({ ...readState(), sort: sort.value, page: 1 }));
function turnPage(step) {
  const state = readState();
  navigate({ ...state, page: state.page + step });
}

prev.addEventListener("click", () => turnPage(-1));
next.addEventListener("click", () => turnPage(1));
window.addEventListener("popstate", () => {
  const state = readState();
  // Back and Forward redraw the view under the reader's focus as a facet or the pager does: give it back the same way
  // (only when a control had it: a reader who had clicked nowhere is not moved).
  const hadFocus = document.activeElement && document.activeElement !== document.body;
  const used = controlKey(document.activeElement);
  // The box now holds the restored view's words; suggestions for what was being typed no longer belong to it.
  suggestions.dismiss();
  input.value = state.query;
  search(state).then(() => {
    if (hadFocus) restoreFocus(used);
  });
});
attachSkipLink();

const initial = readState();
input.value = initial.query;
search(initial);
