// One search index serves both editions (../bilingual.py): a search page lists the pages of its
// own edition only, Korean ones on ko/search.html and English ones on search.html, and the
// pages both share (the landing page). The filter wraps searchtools.js's search before the
// search runs: this script comes before searchtools.js on every page, so its DOMContentLoaded
// listener runs before the one that starts the search.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || !Search._performSearch) return;
  const edition = document.documentElement.lang === "ko" ? "ko" : "en";
  const language = (docname) => {  // bilingual.page_language: ko/..., .../ko, or shared (null)
    const parts = docname.split("/");
    return [parts[0], parts.at(-1)].find((part) => part === "ko" || part === "en") ?? null;
  };
  const search = Search._performSearch;
  Search._performSearch = (...args) =>
    search(...args).filter(([docname]) => [edition, null].includes(language(docname)));
});
