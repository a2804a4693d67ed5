// Pieces both pages build with. Every field goes in as text; only highlights (escaped by the API) go in as HTML.

const dates = new Intl.DateTimeFormat("ar-EG", { dateStyle: "long", timeStyle: "short" });

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
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

export function articlePage(id) {
  return `/article.html?id=${encodeURIComponent(id)}`;
}

/** Source, section and publication time of an article or hit, as one line. */
export function metaLine(item) {
  const line = element("div", "meta");
  if (item.source) line.appendChild(element("span", "source", item.source));
  if (item.section) line.appendChild(element("span", "section", item.section));
  if (item.publishedAt) {
    const time = element("time", null, dates.format(new Date(item.publishedAt)));
    time.dateTime = item.publishedAt;
    line.appendChild(time);
  }
  return line;
}
