// Suggestions as you type, on a search box made an ARIA 1.2 combobox: the input owns a listbox of options it points to
// with aria-activedescendant, so focus stays in the box while ArrowDown/ArrowUp move through the options, Enter picks
// one and Escape closes the list. Typing is never held up: requests wait for a pause (debounced), a newer keystroke
// aborts the request in flight, and an answer for text no longer in the box is dropped. Each suggestion's
// `highlighted` field is the API's escaped text with the typed part in <mark>, the one field inserted as HTML.
import { element } from "/page-parts.js";

const minLength = 2;
const maxLength = 100;
const pauseMs = 150;
const size = 8;
const kindNames = { title: "خبر", phrase: "عبارة" };

/** Whether an entry has the two fields the list reads: one of another shape (a changed service, a proxy) is left out,
 * never shown as "undefined" or picked into the box. */
function isSuggestion(suggestion) {
  return Boolean(suggestion) && typeof suggestion.text === "string" && typeof suggestion.highlighted === "string";
}

/**
 * Turns `input` into a combobox over `listbox` (an empty <ul>). `onPick(text)` runs with the suggestion's text, already
 * put in the box, when the reader chooses one.
 */
export function attachSuggestions(input, listbox, onPick) {
  let timer = 0;
  let inFlight = null;
  let suggestions = [];
  let active = -1;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listbox.id);
  input.setAttribute("aria-expanded", "false");
  listbox.setAttribute("role", "listbox");
  listbox.hidden = true;

  function optionId(index) {
    return `${listbox.id}-option-${index}`;
  }

  function cancel() {
    clearTimeout(timer);
    if (inFlight) inFlight.abort();
    inFlight = null;
  }

  function close() {
    suggestions = [];
    active = -1;
    listbox.replaceChildren();
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function setActive(index) {
    active = index;
    listbox.querySelectorAll("[role=option]").forEach((option, at) => option.setAttribute("aria-selected", String(at === index)));
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    input.setAttribute("aria-activedescendant", optionId(index));
    document.getElementById(optionId(index)).scrollIntoView({ block: "nearest" });
  }

  function pick(index) {
    const text = suggestions[index].text;
    cancel();
    close();
    input.value = text;
    onPick(text);
  }

  function show(items) {
    suggestions = items;
    active = -1;
    input.removeAttribute("aria-activedescendant");
    listbox.replaceChildren(...items.map((suggestion, index) => {
      const option = element("li", "suggestion");
      option.id = optionId(index);
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.kind = suggestion.kind;
      const text = element("span", "suggestion-text");
      text.innerHTML = suggestion.highlighted;
      option.appendChild(text);
      if (kindNames[suggestion.kind]) option.appendChild(element("span", "suggestion-kind", kindNames[suggestion.kind]));
      // mousedown would blur the box (closing the list) before the click lands.
      option.addEventListener("mousedown", (event) => event.preventDefault());
      option.addEventListener("click", () => pick(index));
      return option;
    }));
    const open = items.length > 0;
    listbox.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
  }

  function wanted(text) {
    const trimmed = text.trim();
    return trimmed.length >= minLength && trimmed.length <= maxLength;
  }

  async function load(text) {
    cancel();
    const request = new AbortController();
    inFlight = request;
    const params = new URLSearchParams({ q: text.trim(), size: String(size) });
    try {
      const response = await fetch(`/api/suggest?${params}`, { headers: { Accept: "application/json" }, signal: request.signal });
      const body = response.ok ? await response.json() : null;
      if (request.signal.aborted || input.value !== text || document.activeElement !== input) return;
      show((body && Array.isArray(body.suggestions)) ? body.suggestions.filter(isSuggestion) : []);
    } catch {
      // Aborted by a newer keystroke, or the service is unreachable: suggestions are a help, never an error.
      if (!request.signal.aborted) close();
    } finally {
      if (inFlight === request) inFlight = null;
    }
  }

  input.addEventListener("input", () => {
    cancel();
    const text = input.value;
    if (!wanted(text)) {
      close();
      return;
    }
    timer = setTimeout(() => load(text), pauseMs);
  });

  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden && suggestions.length > 0;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (open) setActive((active + 1) % suggestions.length);
        else if (wanted(input.value)) load(input.value);
        break;
      case "ArrowUp":
        if (!open) return;
        event.preventDefault();
        setActive(active <= 0 ? suggestions.length - 1 : active - 1);
        break;
      case "Enter":
        if (open && active >= 0) {
          event.preventDefault();
          pick(active);
        } else {
          cancel();
          close();
        }
        break;
      case "Escape":
        // Escape closes the list, or stops one about to open, and never clears the box as Chromium's own search box
        // does: a reader pressing it to be rid of suggestions (before they show, or once more to be sure) would lose
        // the words typed, with no undo; clearing stays one Ctrl+A, Delete away.
        event.preventDefault();
        cancel();
        close();
        break;
      default:
        break;
    }
  });

  input.addEventListener("blur", () => {
    cancel();
    close();
  });

  return {
    /** Closes the list and forgets any request in flight, as when the form is submitted. */
    dismiss() {
      cancel();
      close();
    },
  };
}
