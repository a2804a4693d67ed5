// One stored article (/article.html?id=…): its text from /api/articles/{id} and related stories from
// /api/articles/{id}/related. Every field is inserted as text, never as HTML. Its source, section and tags link to
// their stories on the search page.
import { articlePage, attachSkipLink, browsePage, element, fetchAnswer, fetchFailure, isolated, metaLine, safeUrl } from "/page-parts.js";
import { generic, problemMessage } from "/problems.js";
import { attachSuggestions } from "/suggestions.js";

const status = document.getElementById("status");
const article = document.getElementById("article");
const relatedBox = document.getElementById("related-box");
const related = document.getElementById("related");

function isOptionalString(value) {
  return value === undefined || value === null || typeof value === "string";
}

/** Whether a 200 answer has the shape showArticle reads; anything else is the generic error, not a broken page. */
function isArticle(body) {
  return Boolean(body) && typeof body === "object" && typeof body.id === "string" && typeof body.title === "string"
    && ["lead", "body", "url", "source", "section", "publishedAt"].every((field) => isOptionalString(body[field]))
    && (body.tags === undefined || body.tags === null || (Array.isArray(body.tags) && body.tags.every((tag) => typeof tag === "string")));
}

/** Related stories are a help: an answer of another shape shows none. */
function relatedHits(body) {
  const hits = body && Array.isArray(body.hits) ? body.hits : [];
  return hits.every((hit) => hit && typeof hit.id === "string" && typeof hit.title === "string") ? hits : [];
}

function showArticle(body) {
  // FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: the title's own controls cannot reorder the site's name after it.
  document.title = `\u2068${body.title}\u2069 — بحث الأخبار`;
  document.getElementById("title").textContent = body.title;
  document.getElementById("meta").replaceChildren(...metaLine(body, { links: true }).childNodes);
  const lead = document.getElementById("lead");
  lead.textContent = body.lead || "";
  lead.hidden = !body.lead;
  const paragraphs = (body.body || "").split(/\n+/).map((text) => text.trim()).filter(Boolean);
  document.getElementById("body").replaceChildren(...paragraphs.map((text) => element("p", null, text)));
  const original = safeUrl(body.url);
  document.getElementById("original").hidden = !original;
  if (original) document.getElementById("original-link").href = original;
  const tags = body.tags || [];
  const tagList = document.getElementById("tags");
  // An empty list would still be announced, as "الوسوم, 0 items".
  tagList.hidden = tags.length === 0;
  tagList.replaceChildren(...tags.map((tag) => {
    const item = element("li");
    const link = element("a", "chip", tag);
    link.href = browsePage("tag", tag);
    item.appendChild(link);
    return item;
  }));
  article.hidden = false;
}

function showRelated(hits) {
  related.replaceChildren(...hits.map((hit) => {
    const item = element("li");
    const link = element("a", null, hit.title);
    link.href = articlePage(hit.id);
    item.appendChild(link);
    item.appendChild(metaLine(hit));
    return item;
  }));
  relatedBox.hidden = hits.length === 0;
}

/**
 * The API's address of an article, or of its related stories: with the id in the path, except "." and "..", which a URL
 * path reads as steps however they are encoded (the browser would ask for /api/articles/), so they go in the query.
 */
function apiAddress(id, related) {
  if (id === "." || id === "..") {
    return related ? `/api/related?${new URLSearchParams({ id, count: "5" })}` : `/api/articles?${new URLSearchParams({ id })}`;
  }
  return related ? `/api/articles/${encodeURIComponent(id)}/related?count=5` : `/api/articles/${encodeURIComponent(id)}`;
}

async function load(id) {
  if (!id) {
    status.textContent = "لم يُحدَّد خبر.";
    return;
  }
  status.textContent = "جارٍ التحميل…";
  let response;
  try {
    response = await fetchAnswer(apiAddress(id, false));
  } catch (error) {
    status.textContent = fetchFailure(error);
    status.classList.add("error");
    return;
  }
  if (response.status === 404) {
    status.replaceChildren("لم يُعثر على خبر بالمعرّف «", isolated(id), "».");
    return;
  }
  const body = await response.json().catch(() => null);
  if (!response.ok || !isArticle(body)) {
    status.textContent = `تعذّر تحميل الخبر: ${response.ok ? generic : problemMessage(response.status, body)}`;
    status.classList.add("error");
    return;
  }
  status.textContent = "";
  showArticle(body);

  const relatedResponse = await fetchAnswer(apiAddress(id, true)).catch(() => null);
  const relatedBody = relatedResponse && relatedResponse.ok ? await relatedResponse.json().catch(() => null) : null;
  showRelated(relatedHits(relatedBody));
}

attachSkipLink();
const input = document.getElementById("q");
attachSuggestions(input, document.getElementById("suggestions"), (text) => {
  window.location.assign(`/?${new URLSearchParams({ q: text })}`);
});

load(new URLSearchParams(window.location.search).get("id") || "");
