// The Korean edition's words where scripts and notebook outputs bring their own English
// (../korean_ui.py): a Korean page's search box leads to the Korean search page,
// ko/search.html; sphinx-copybutton, which has no Korean, gets Korean tooltips; and the
// animation players (matplotlib's, the same output in both editions) get Korean buttons.
const PLAYER_KO = {
  "Decrease speed": "느리게", "First frame": "첫 프레임", "Previous frame": "이전 프레임",
  "Play backwards": "거꾸로 재생", "Pause": "일시 정지", "Play": "재생",
  "Next frame": "다음 프레임", "Last frame": "마지막 프레임", "Increase speed": "빠르게",
  "Once": "한 번", "Loop": "반복", "Reflect": "왕복",
};
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
    for (const form of document.querySelectorAll("form.bd-search")) {
      form.action = form.action.replace(/\/search\.html$/, "/ko/search.html");
    }
    for (const button of document.querySelectorAll(".animation button[title]")) {
      const word = PLAYER_KO[button.title];
      if (word) {
        button.title = word;
        button.setAttribute("aria-label", word);
      }
    }
    for (const label of document.querySelectorAll(".animation label")) {
      label.textContent = PLAYER_KO[label.textContent.trim()] ?? label.textContent;
    }
  });
}
