  // -- the side panel (both pages): what can be cited of a node ---------------------------------
  // ``node``: {id, cls: {zh, en}, full, file, start, end, props: [[name, value]], sentences: [[text, start,
  // end, file]], relations: [{out, zh, en, id, name}]}; ``follow(id)`` opens a neighbour.
  function showPanel(node, follow) {
    function row(table, key, value) {
      var tr = table.insertRow();
      tr.insertCell().textContent = key;
      tr.insertCell().textContent = value;
    }
    document.getElementById("panel").hidden = false;
    document.getElementById("panel-class").textContent = node.cls.zh + " · " + node.cls.en;
    document.getElementById("panel-name").textContent = node.full;
    var table = document.getElementById("panel-props");
    table.textContent = "";
    row(table, "IRI", node.id);
    if (node.file) { row(table, "文件 · file", node.file); }
    if (node.start !== null && node.start !== undefined) { row(table, "位置 · offsets", "[" + node.start + ", " + node.end + ")"); }
    node.props.forEach(function (p) { row(table, p[0], p[1]); });
    var links = document.getElementById("panel-relations");
    links.textContent = "";
    node.relations.forEach(function (r) {
      var li = document.createElement("li"), a = document.createElement("a");
      li.textContent = (r.out ? "→ " : "← ") + r.zh + " · " + r.en + "：";
      a.href = "#";
      a.textContent = r.name;
      a.addEventListener("click", function (ev) { ev.preventDefault(); follow(r.id); });
      li.appendChild(a);
      links.appendChild(li);
    });
    var sources = document.getElementById("panel-sources");
    sources.textContent = "";
    node.sentences.forEach(function (s) {
      var div = document.createElement("div"), where = document.createElement("span");
      div.className = "source";
      where.className = "where";
      where.textContent = "原文 · source " + (s[3] ? s[3] + " " : "") + "[" + s[1] + ", " + s[2] + ")";
      div.appendChild(where);
      div.appendChild(document.createTextNode(s[0]));
      sources.appendChild(div);
    });
  }
