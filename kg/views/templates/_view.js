  // (both graph pages) the filters a link gives, the link button, and the PNG button that saves what
  // image() draws, named after the page
  function restoreFilters(p) {
    (p.get("hide") || "").split(",").filter(Boolean).forEach(function (cls) { state.classes[cls] = false; });
    (p.get("relations") || "").split(",").filter(Boolean).forEach(function (r) { state.relations[r] = false; });
    Array.prototype.forEach.call(document.querySelectorAll("input[data-class]"), function (box) {
      box.checked = state.classes[box.getAttribute("data-class")] !== false;
    });
    Array.prototype.forEach.call(document.querySelectorAll("input[data-relation]"), function (box) {
      box.checked = state.relations[box.getAttribute("data-relation")] !== false;
    });
  }
  document.getElementById("link").addEventListener("click", function () {
    var link = viewLink(), box = document.getElementById("link-text");
    history.replaceState(null, "", link);
    box.hidden = false;
    box.value = link;
    box.select();
  });
  document.getElementById("png").addEventListener("click", function () {
    var a = document.createElement("a");
    a.href = image();
    a.download = (document.title || "graph").replace(/[\\/:*?"<>|\s]+/g, "_") + ".png";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
