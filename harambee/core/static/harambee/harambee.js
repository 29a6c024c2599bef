/* Progressive enhancement only: every page works without this file.
   - [data-copy]: a hidden button that copies its value to the clipboard (shown when the browser can).
   - select[data-search]: a search box before a long select that keeps only the options matching it. */
(function () {
  "use strict";
  function fold(text) {
    return (text || "").toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        var label = button.textContent;
        button.textContent = button.getAttribute("data-copied") || label;
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
  document.querySelectorAll("select[data-search]").forEach(function (select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "select-search";
    box.placeholder = select.getAttribute("data-search");
    box.setAttribute("aria-label", select.getAttribute("data-search"));
    if (select.id) box.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      select.querySelectorAll("option").forEach(function (option) {
        var text = fold(option.textContent + " " + option.value);
        option.hidden = !option.selected && !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
      select.querySelectorAll("optgroup").forEach(function (group) {
        group.hidden = !group.querySelector("option:not([hidden])");
      });
    });
  });
})();
/* The filters of a list (details.filter-panel) start folded; on a wide screen there is room to show them. */
(function () {
  "use strict";
  if (!window.matchMedia || !window.matchMedia("(min-width: 48rem)").matches) return;
  document.querySelectorAll("details.filter-panel").forEach(function (panel) { panel.open = true; });
})();
