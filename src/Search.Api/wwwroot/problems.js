// What a page tells the reader when the service refuses or fails a request: an Arabic sentence chosen by the problem
// body's stable `code` (src/Search.Api/Errors/ApiErrors.cs), else by the HTTP status. The body's own `title`, `detail`
// and `errors` are English, for developers: they are never shown.

const tooManyRequests = "طلبات كثيرة في وقت قصير. انتظر لحظة ثم أعد المحاولة.";
const busy = "خدمة البحث مشغولة الآن. أعد المحاولة بعد قليل.";
const unavailable = "خدمة البحث غير متاحة الآن. أعد المحاولة بعد قليل.";

/** Said when the service's answer cannot be used: an error without a known code, or a body not of the expected shape. */
export const generic = "حدث خطأ في خدمة البحث. أعد المحاولة بعد قليل.";

const byCode = {
  rate_limited: tooManyRequests,
  overloaded: busy,
  index_unavailable: unavailable,
  service_stopping: unavailable,
  invalid_parameter: "لم تفهم خدمة البحث هذا الطلب. تحقّق من العنوان أو ابدأ بحثًا جديدًا.",
  malformed_request: "لم تفهم خدمة البحث هذا الطلب. تحقّق من العنوان أو ابدأ بحثًا جديدًا.",
  article_not_found: "لم يُعثر على هذا الخبر.",
};

/** A refused search names the parameters at fault in `errors`: the query (too long, too many words, phrases,
 * exclusions or prefixes) is the one a reader can fix. */
function invalidSearch(body) {
  const fields = body && body.errors && typeof body.errors === "object" ? Object.keys(body.errors) : [];
  return fields.includes("q")
    ? "عبارة البحث أطول أو أعقد مما يمكن البحث به (ألف حرف و٦٤ كلمة على الأكثر). اختصرها وأعد المحاولة."
    : byCode.invalid_parameter;
}

/**
 * The Arabic message for a failed answer: `status` is the HTTP status, `body` the parsed JSON (null when it was not
 * JSON). A 200 that reaches here had a body of the wrong shape.
 */
export function problemMessage(status, body) {
  const code = body && typeof body.code === "string" ? body.code : "";
  if (code === "invalid_search_request") return invalidSearch(body);
  if (Object.hasOwn(byCode, code)) return byCode[code];
  if (status === 429) return tooManyRequests;
  if (status === 503) return busy;
  return generic;
}
