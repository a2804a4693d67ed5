// One hit of /api/search or /api/latest as a list item: its title (the API's escaped highlight, the one field that goes
// in as HTML) linking to the original or the stored article, the source, section and dates, any snippets, and how many
// copies of the story it stands for.
import { articlePage, element, metaLine, safeUrl } from "/page-parts.js";

const numbers = new Intl.NumberFormat("ar-EG");

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
