// Pieces every page builds with. Every field goes in as text; only highlights (escaped by the API) go in as HTML.
import { publicationTime } from "/dates.js";

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/**
 * Text a reader or an article supplied, for a line of the page's own text: in a <bdi>, so its direction is its own and
 * nothing in it (a Latin name, an unclosed U+202E RIGHT-TO-LEFT OVERRIDE) reorders the words around it.
 */
export function isolated(text) {
  return element("bdi", null, text);
}

/**
 * The URL when it is an absolute http(s) one, else null: a stored URL must never run script, and a missing one (null)
 * or a relative one must not turn into an address on this site.
 */
export function safeUrl(url) {
  if (typeof url !== "string" || !url.trim()) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Said when the service has not answered within {@link answerTimeoutMs}. */
export const noAnswer = "لم تُجب خدمة البحث في الوقت المعتاد. أعد المحاولة بعد قليل.";

/** Said when the service cannot be reached at all. */
export const unreachable = "تعذّر الاتصال بخدمة البحث.";

/** What to say for an error {@link fetchAnswer} threw: no answer in time, or no connection. */
export function fetchFailure(error) {
  return error.name === "AbortError" ? noAnswer : unreachable;
}

/**
 * How long a request may take to answer before the page gives up and says so: the service answers within about a
 * second and a half (its time budget and admission queue), so only a connection hung somewhere on the way lasts this.
 */
export const answerTimeoutMs = 10000;

/**
 * fetch of a JSON answer that is aborted after {@link answerTimeoutMs}, headers and body alike, so a connection held
 * open ends in an error (an AbortError while waiting for headers) rather than "loading" forever.
 */
export function fetchAnswer(url) {
  const timeout = new AbortController();
  setTimeout(() => timeout.abort(), answerTimeoutMs);
  return fetch(url, { headers: { Accept: "application/json" }, signal: timeout.signal });
}

export function articlePage(id) {
  return `/article.html?id=${encodeURIComponent(id)}`;
}

/** The search page browsing one filter value, newest first: /?source=…, /?section=…, /?tag=…. */
export function browsePage(filter, value) {
  return `/?${new URLSearchParams({ [filter]: value })}`;
}

/**
 * Source, section and publication time of an article or hit, as one line. With links, the source and section lead to
 * their stories.
 */
export function metaLine(item, { links = false } = {}) {
  const line = element("div", "meta");
  for (const filter of ["source", "section"]) {
    if (!item[filter]) continue;
    const part = element("span", filter);
    if (links) {
      const link = element("a", null, item[filter]);
      link.href = browsePage(filter, item[filter]);
      part.appendChild(link);
    } else {
      part.textContent = item[filter];
    }
    line.appendChild(part);
  }
  const time = item.publishedAt ? publicationTime(item.publishedAt) : null;
  if (time) line.appendChild(time);
  return line;
}

/**
 * The skip link moves focus to the page's main content itself instead of following its #main: the search page keeps
 * its view in the address, and a fragment would add a history entry whose popstate redraws the view.
 */
export function attachSkipLink() {
  const link = document.querySelector(".skip-link");
  const target = document.getElementById("main");
  link.addEventListener("click", (event) => {
    event.preventDefault();
    target.focus();
  });
}
