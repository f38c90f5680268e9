/* rapportage: a table that scrolls sideways (on a phone) must be reachable with the
   keyboard (WCAG 2.1.1): such a wrapper becomes a named, focusable region; one that
   fits stays out of the tab order. Material wraps Markdown tables (guide, free pages)
   in .md-typeset__scrollwrap: the same rule. Without JavaScript the page still works. */
(function () {
  function update() {
    document.querySelectorAll(".rp-table-wrap, .md-typeset__scrollwrap").forEach(function (wrap) {
      var caption = wrap.querySelector("caption");
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", (caption ? caption.textContent.trim() + " – " : "") + "tabel, scroll opzij voor meer kolommen");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update);
  else update();
  var timer;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
})();
/* rapportage: the header's menu and search buttons are labels (Material's markup); a
   keyboard user expects Space to press a button as well as Enter (WCAG 2.1.1). Material
   handles Enter itself; Space is added here and kept from scrolling the page. */
(function () {
  document.addEventListener("keydown", function (event) {
    var el = document.activeElement;
    if (event.key !== " " || !el || !el.matches("label.md-header__button[tabindex]")) return;
    event.preventDefault();
    el.click();
  });
})();
