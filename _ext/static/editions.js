// The two editions in the browser (../bilingual.py).
// The language switch lands on the section being read: switchEdition(url, ids) goes to the
// counterpart page at the section that corresponds to the last one whose heading is in the top
// third of the window or above it, as ids lists the counterpart's sections in order.
window.switchEdition = (url, ids) => {
  const sections = document.querySelectorAll("article section[id]");
  let at = 0;
  sections.forEach((section, i) => {
    if (section.getBoundingClientRect().top <= window.innerHeight / 3) at = i;
  });
  window.location.href = at > 0 && ids[at] ? `${url}#${ids[at]}` : url;
};

// Search excerpts without TeX: a formula, which MathJax typesets on its page, would show there
// as its source (\(y = \sum_k ...\)); it shows as "…".
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || !Search.htmlToText) return;
  const toText = Search.htmlToText;
  Search.htmlToText = (html, anchor) => {
    const page = new DOMParser().parseFromString(html, "text/html");
    page.querySelectorAll(".math").forEach((formula) => formula.replaceWith("…"));
    return toText(page.documentElement.outerHTML, anchor);
  };
});

// One search index serves both editions: a search page lists the pages of its own edition only,
// Korean ones on ko/search.html and English ones on search.html, and the pages both share (the
// landing page). A query in Hangul (typed on the shared landing page, whose search page is
// search.html) is after the Korean edition. The filter wraps searchtools.js's
// search before the search runs: this script comes before searchtools.js on every page, so its
// DOMContentLoaded listener runs before the one that starts the search.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || !Search._performSearch) return;
  const korean = (query) => document.documentElement.lang === "ko" || /[\uac00-\ud7a3]/.test(query);
  const language = (docname) => {  // bilingual.page_language: ko/..., .../ko, or shared (null)
    const parts = docname.split("/");
    return [parts[0], parts.at(-1)].find((part) => part === "ko" || part === "en") ?? null;
  };
  const search = Search._performSearch;
  Search._performSearch = (query, ...rest) => {
    const edition = korean(query) ? "ko" : "en";
    const ours = ([docname]) => [edition, null].includes(language(docname));
    return search(query, ...rest).filter(ours);
  };
});
