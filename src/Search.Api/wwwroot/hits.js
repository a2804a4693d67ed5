// One hit of /api/search or /api/latest as a list item: its title (the API's escaped highlight, the one field that goes
// in as HTML) linking to the original or the stored article, the source, section and dates, any snippets, and how many
// copies of the story it stands for.
import { articlePage, element, metaLine, safeUrl } from "/page-parts.js";

const numbers = new Intl.NumberFormat("ar-EG");

function isOptionalString(value) {
  return value === undefined || value === null || typeof value === "string";
}

/**
 * Whether `hit` has the shape renderHit reads (a proxy or a changed service may answer 200 with something else): an
 * id, a title, highlights with a title and a list of snippets, optional strings and a count of copies.
 */
export function isHit(hit) {
  return Boolean(hit) && typeof hit === "object"
    && typeof hit.id === "string" && typeof hit.title === "string"
    && Boolean(hit.highlights) && typeof hit.highlights === "object" && typeof hit.highlights.title === "string"
    && Array.isArray(hit.highlights.snippets) && hit.highlights.snippets.every((snippet) => typeof snippet === "string")
    && ["url", "source", "section", "publishedAt"].every((field) => isOptionalString(hit[field]))
    && (hit.duplicates === undefined || (Number.isInteger(hit.duplicates) && hit.duplicates >= 0));
}

/** A list of {value, count}, as facets and the home page's sections and sources are. */
export function isCountList(values) {
  return Array.isArray(values) && values.every((entry) => Boolean(entry) && typeof entry.value === "string"
    && Number.isInteger(entry.count) && entry.count >= 0);
}

export function renderHit(hit) {
  const item = element("li", "hit");
  const heading = element("h2");
  const link = element("a");
  link.innerHTML = hit.highlights.title;
  link.href = safeUrl(hit.url) || articlePage(hit.id);
  heading.appendChild(link);
  item.appendChild(heading);

  item.appendChild(metaLine(hit));

  for (const snippet of hit.highlights.snippets) {
    const paragraph = element("p", "snippet");
    paragraph.innerHTML = snippet;
    item.appendChild(paragraph);
  }

  const more = element("p", "more");
  const stored = element("a", null, "النص وقصص ذات صلة");
  stored.href = articlePage(hit.id);
  more.appendChild(stored);
  item.appendChild(more);

  if (hit.duplicates > 0) {
    item.appendChild(element("p", "copies", `و${numbers.format(hit.duplicates)} ${hit.duplicates === 1 ? "نسخة أخرى" : "نسخ أخرى"} من الخبر نفسه`));
  }
  return item;
}
