// The home page (/ with no query and no filter): the newest stories from /api/latest, and every section and source
// (counted over the whole index) as links that browse it newest first.
import { browsePage, element, fetchAnswer, fetchFailure } from "/page-parts.js";
import { isCountList, isHit, renderHit } from "/hits.js";
import { generic, problemMessage } from "/problems.js";

const storyCount = 20;
const numbers = new Intl.NumberFormat("ar-EG");
const home = document.getElementById("home");
const latest = document.getElementById("latest");
const browse = document.getElementById("browse");

function renderBrowseList(filter, values) {
  const list = browse.querySelector(`[data-browse=${filter}] ul`);
  list.replaceChildren(...values.map((entry) => {
    const item = element("li");
    const link = element("a", "browse-value");
    link.href = browsePage(filter, entry.value);
    link.appendChild(element("span", "label", entry.value));
    link.appendChild(element("span", "count", numbers.format(entry.count)));
    item.appendChild(link);
    return item;
  }));
  browse.querySelector(`[data-browse=${filter}]`).hidden = values.length === 0;
}

/** Whether a 200 answer of /api/latest has the shape the page reads. */
function isLatestAnswer(body) {
  return Boolean(body) && typeof body === "object" && Array.isArray(body.hits) && body.hits.every(isHit)
    && [body.sections, body.sources].every((values) => values === undefined || values === null || isCountList(values));
}

export function hideHome() {
  home.hidden = true;
  browse.hidden = true;
  latest.replaceChildren();
}

/**
 * Loads and shows the home page. `isCurrent()` tells whether the reader is still on it when the answer comes;
 * `setStatus(text, isError)` reports progress and failures.
 */
export async function showHome(isCurrent, setStatus) {
  setStatus("جارٍ تحميل أحدث الأخبار…");
  let response;
  try {
    response = await fetchAnswer(`/api/latest?size=${storyCount}`);
  } catch (error) {
    if (isCurrent()) setStatus(fetchFailure(error), true);
    return;
  }
  const body = await response.json().catch(() => null);
  if (!isCurrent()) return;
  if (!response.ok || !isLatestAnswer(body)) {
    setStatus(`تعذّر تحميل أحدث الأخبار: ${response.ok ? generic : problemMessage(response.status, body)}`, true);
    return;
  }
  setStatus(body.hits.length === 0 ? "لا أخبار في الفهرس بعد." : "");
  latest.replaceChildren(...body.hits.map(renderHit));
  home.hidden = body.hits.length === 0;
  renderBrowseList("section", body.sections || []);
  renderBrowseList("source", body.sources || []);
  browse.hidden = (body.sections || []).length === 0 && (body.sources || []).length === 0;
}
