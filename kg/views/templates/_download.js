  // (both graph pages) "图片 · PNG" saves what image() draws, named after the page
  document.getElementById("png").addEventListener("click", function () {
    var a = document.createElement("a");
    a.href = image();
    a.download = (document.title || "graph").replace(/[\\/:*?"<>|\s]+/g, "_") + ".png";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
