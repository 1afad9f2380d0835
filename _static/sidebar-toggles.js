// The sidebar buttons in the article header (sphinx-book-theme's) did nothing: pydata-sphinx-theme
// 0.17 listens only to the first .primary-toggle / .secondary-toggle on a page, and that is a
// hidden one in its own header (pydata/pydata-sphinx-theme#2451). Their clicks go to it, which
// opens the chapter list or the page's contents as a panel where the window is narrow (on a
// wide one both are on the screen already, and the theme opens nothing).
document.addEventListener("DOMContentLoaded", () => {
  for (const kind of ["primary", "secondary"]) {
    const [listened, ...others] = document.querySelectorAll(`.${kind}-toggle`);
    for (const button of others) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        listened.click();
      });
    }
  }
});
