// The Korean edition's words where scripts bring their own English
// (../korean_ui.py): a Korean page's search box leads to the Korean search page,
// ko/search.html; sphinx-copybutton, which has no Korean, gets Korean tooltips; the print-only
// contents, whose label the theme's template fixes in English, gets a Korean one.
if (document.documentElement.lang === "ko") {
  if (typeof messages !== "undefined") {  // copybutton.js's own table, read when it adds buttons
    messages.ko = {
      copy: "복사",
      copy_to_clipboard: "클립보드에 복사",
      copy_success: "복사되었습니다",
      copy_failure: "복사하지 못했습니다",
    };
    locale = "ko";
  }
  document.addEventListener("DOMContentLoaded", () => {
    // copybutton.js, deferred like every head script (../lighter.py), may have made its buttons
    // before this script ran: their tooltip in Korean too
    for (const button of document.querySelectorAll("button.copybtn")) {
      button.setAttribute("data-tooltip", messages.ko.copy);
    }
    for (const form of document.querySelectorAll("form.bd-search")) {
      form.action = form.action.replace(/\/search\.html$/, "/ko/search.html");
    }
    for (const nav of document.querySelectorAll('#jb-print-toc nav[aria-label="Page"]')) {
      nav.setAttribute("aria-label", "페이지");
    }
  });
}
