"use strict";
// The search page: reads ?q=&page= from the address bar, calls /api/search and renders the hits.
// Highlights arrive HTML-escaped with <mark> around matches, so they are inserted as HTML; every other
// field is inserted as text.
(() => {
  const pageSize = 10;
  const form = document.getElementById("search-form");
  const input = document.getElementById("q");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const pager = document.getElementById("pager");
  const prev = document.getElementById("prev");
  const next = document.getElementById("next");
  const pageLabel = document.getElementById("page-label");
  const numbers = new Intl.NumberFormat("ar-EG");
  const dates = new Intl.DateTimeFormat("ar-EG", { dateStyle: "long", timeStyle: "short" });

  function setStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url, window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function renderHit(hit) {
    const item = element("li", "hit");
    const heading = element("h2");
    const link = element("a");
    link.innerHTML = hit.highlights.title;
    link.href = safeUrl(hit.url) || `/api/articles/${encodeURIComponent(hit.id)}`;
    heading.appendChild(link);
    item.appendChild(heading);

    const meta = element("div", "meta");
    if (hit.source) meta.appendChild(element("span", "source", hit.source));
    if (hit.section) meta.appendChild(element("span", "section", hit.section));
    if (hit.publishedAt) {
      const time = element("time", null, dates.format(new Date(hit.publishedAt)));
      time.dateTime = hit.publishedAt;
      meta.appendChild(time);
    }
    item.appendChild(meta);

    for (const snippet of hit.highlights.snippets) {
      const paragraph = element("p", "snippet");
      paragraph.innerHTML = snippet;
      item.appendChild(paragraph);
    }
    return item;
  }

  async function search(query, page) {
    results.replaceChildren();
    pager.hidden = true;
    if (!query.trim()) {
      setStatus("اكتب كلمة أو أكثر للبحث.");
      return;
    }
    setStatus("جارٍ البحث…");
    const params = new URLSearchParams({ q: query, page: String(page), pageSize: String(pageSize) });
    let response;
    try {
      response = await fetch(`/api/search?${params}`, { headers: { Accept: "application/json" } });
    } catch {
      setStatus("تعذّر الاتصال بخدمة البحث.", true);
      return;
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const details = body && body.errors ? Object.values(body.errors).flat().join(" ") : (body && body.detail) || "";
      setStatus(`تعذّر البحث: ${details || response.statusText}`, true);
      return;
    }
    if (body.total === 0) {
      setStatus(`لا نتائج لـ «${query}».`);
      return;
    }
    setStatus(`${numbers.format(body.total)} نتيجة (${numbers.format(Math.round(body.tookMs))} ملّي ثانية)`);
    results.start = (page - 1) * pageSize + 1;
    results.replaceChildren(...body.hits.map(renderHit));
    const pages = Math.ceil(Math.min(body.total, 10000) / pageSize);
    pager.hidden = pages <= 1;
    prev.disabled = page <= 1;
    next.disabled = page >= pages;
    pageLabel.textContent = `صفحة ${numbers.format(page)} من ${numbers.format(pages)}`;
  }

  function current() {
    const params = new URLSearchParams(window.location.search);
    const page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
    return { query: params.get("q") || "", page };
  }

  function navigate(query, page) {
    const params = new URLSearchParams({ q: query });
    if (page > 1) params.set("page", String(page));
    history.pushState(null, "", `/?${params}`);
    search(query, page);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate(input.value, 1);
  });
  prev.addEventListener("click", () => navigate(current().query, current().page - 1));
  next.addEventListener("click", () => navigate(current().query, current().page + 1));
  window.addEventListener("popstate", () => {
    const { query, page } = current();
    input.value = query;
    search(query, page);
  });

  const { query, page } = current();
  input.value = query;
  if (query) search(query, page);
})();
