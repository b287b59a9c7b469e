// The review page: select an element in the tree or on the page, correct the
// extraction (text, type, delete, add, box) and download the corrected JSON.
// Elements are keyed by their JSON pointer in the extraction ("/blocs/0/criteres/2").
(() => {
  "use strict";
  const doc = JSON.parse(document.getElementById("doc").textContent);
  const $ = (id) => document.getElementById(id);
  const find = (sel, key) => document.querySelector(`${sel}[data-key="${CSS.escape(key)}"]`);
  const LISTS = { competence: "competences", critere: "criteres", modalite: "modalites_evaluation",
    connaissance: "connaissances", indicateur: "indicateurs" };
  const LETTER = { competence: "C", critere: "K" };
  let selected = null;
  let drawing = false;
  let changes = 0;

  const parts = (key) => key.split("/").slice(1);
  const at = (path) => path.reduce((value, name) => value[name], doc);
  const holder = (key) => { const p = parts(key); return [at(p.slice(0, -1)), p[p.length - 1]]; };
  const valueOf = (key) => { const [h, k] = holder(key); return h[k]; };
  const blocOf = (key) => key.split("/").slice(0, 3).join("/");
  const editable = (key) => key.startsWith("/") && !key.startsWith("/warnings");
  const unplaced = () => ({ page: null, line: null, rule: "review", bbox: null });
  // A string of a list has its place in its owner's items_provenance, index for index:
  // [that list of places (or undefined), the string's index].
  const placesOf = (key) => {
    const p = parts(key);
    const owner = at(p.slice(0, -2));
    return [owner.items_provenance && owner.items_provenance[p[p.length - 2]], +p[p.length - 1]];
  };

  function select(key, from) {
    document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
    const node = find(".node", key);
    if (!node) return;
    selected = node;
    node.classList.add("selected");
    const box = node.dataset.box && find(".box", node.dataset.box);
    if (box) box.classList.add("selected");
    const line = node.dataset.line && $("L" + node.dataset.line);
    if (line) line.classList.add("selected");
    if (from !== "page") {
      const target = box || line || (node.dataset.page && $("page-" + node.dataset.page));
      if (target) target.scrollIntoView({ block: "center" });
    }
    if (from !== "tree") node.scrollIntoView({ block: "center" });
    const row = node.querySelector(".row");
    $("selected-label").textContent = `${row.querySelector(".tag").textContent} ${node.dataset.id || key}`;
    const can = editable(key) && !node.classList.contains("deleted");
    $("edit-text").value = node.querySelector(".text").textContent;
    $("edit-kind").value = node.dataset.kind;
    for (const id of ["edit-text", "edit-kind", "apply", "delete", "draw"]) {
      if ($(id)) $(id).disabled = !can;
    }
    $("add").disabled = !key.startsWith("/blocs/");
  }

  function changed(node, how) {
    node.classList.add(how);
    changes += 1;
    $("changes").textContent = `${changes} change(s)`;
  }

  function setText(key, text) {
    const [h, k] = holder(key);
    if (typeof h[k] === "string") h[k] = text; else h[k].libelle = text;
    find(".node", key).querySelector(".text").textContent = text;
  }

  function remove(key) {
    const [h, k] = holder(key);
    const old = h[k];
    let place = typeof old === "object" ? old.provenance : null;
    if (typeof old === "string") {
      const [places, i] = placesOf(key);
      if (places) { place = places[i]; places[i] = null; } // dropped with its string
    }
    h[k] = null; // dropped from its list on download, so the other pointers stay valid
    const node = find(".node", key);
    node.classList.remove("selected");
    node.querySelectorAll(".node").forEach((child) => child.classList.add("deleted"));
    const box = find(".box", key);
    if (box) box.classList.add("deleted");
    changed(node, "deleted");
    return [old, place];
  }

  function add(kind, text, where, provenance) {
    const bloc = at(parts(blocOf(where)));
    let parentKey = blocOf(where);
    let owner = bloc;
    if (kind === "indicateur") {
      const critere = where.match(/^\/blocs\/\d+\/criteres\/\d+/);
      if (!critere) { alert("select a critère to add an indicateur to"); return null; }
      parentKey = critere[0];
      owner = valueOf(parentKey);
    }
    const list = owner[LISTS[kind]];
    let item = text;
    if (LETTER[kind]) {
      const id = `${bloc.id}.${LETTER[kind]}${String(list.length + 1).padStart(2, "0")}`;
      item = kind === "competence"
        ? { id, code: null, libelle: text, connaissances: [], conditions_realisation: [],
          resultats_attendus: [], activites: [], provenance: provenance || unplaced(), items_provenance: {} }
        : { id, libelle: text, competences: [], indicateurs: [],
          provenance: provenance || unplaced(), items_provenance: {} };
    } else if (owner.items_provenance && owner.items_provenance[LISTS[kind]]) {
      owner.items_provenance[LISTS[kind]].push(provenance || unplaced());
    }
    list.push(item);
    const key = `${parentKey}/${LISTS[kind]}/${list.length - 1}`;
    const parentNode = find(".node", parentKey);
    const li = document.createElement("li");
    li.className = `node k-${kind}`;
    li.dataset.key = key;
    li.dataset.kind = kind;
    if (item.id) li.dataset.id = item.id;
    const label = $("add-kind").querySelector(`option[value="${kind}"]`).textContent;
    li.innerHTML = '<div class="row"><span class="tag"></span> <span class="text"></span></div>';
    li.querySelector(".tag").textContent = label;
    li.querySelector(".text").textContent = text;
    let ul = parentNode.querySelector(":scope > ul");
    if (!ul) { ul = document.createElement("ul"); parentNode.append(ul); }
    ul.append(li);
    if (provenance && provenance.bbox) placeBox(key, provenance.page, provenance.bbox);
    changed(li, "added");
    return key;
  }

  function placeBox(key, number, bbox) {
    const page = $("page-" + number);
    let box = find(".box", key);
    if (!box) {
      box = document.createElement("div");
      box.className = `box k-${find(".node", key).dataset.kind}`;
      box.dataset.key = key;
    }
    page.append(box);
    const w = +page.dataset.width, h = +page.dataset.height;
    Object.assign(box.style, { left: `${bbox.x0 / w * 100}%`, top: `${bbox.top / h * 100}%`,
      width: `${(bbox.x1 - bbox.x0) / w * 100}%`, height: `${(bbox.bottom - bbox.top) / h * 100}%` });
    const node = find(".node", key);
    node.dataset.box = key;
    node.dataset.page = number;
  }

  function drawOn(page, down) {
    const rect = page.getBoundingClientRect();
    const w = +page.dataset.width, h = +page.dataset.height;
    const point = (e) => [(e.clientX - rect.left) / rect.width * w, (e.clientY - rect.top) / rect.height * h];
    const [x0, y0] = point(down);
    page.onmouseup = (up) => {
      page.onmouseup = null;
      drawing = false;
      document.querySelectorAll(".page").forEach((p) => p.classList.remove("drawing"));
      const [x1, y1] = point(up);
      const r = (v) => Math.round(v * 100) / 100;
      const bbox = { x0: r(Math.min(x0, x1)), top: r(Math.min(y0, y1)), x1: r(Math.max(x0, x1)), bottom: r(Math.max(y0, y1)) };
      if (bbox.x1 - bbox.x0 < 1 || bbox.bottom - bbox.top < 1) return;
      const key = selected.dataset.key;
      const item = valueOf(key);
      const drawn = (place) => Object.assign({ line: null, rule: "review" }, place, { page: +page.dataset.page, bbox });
      if (typeof item === "object") item.provenance = drawn(item.provenance);
      else {
        const [places, i] = placesOf(key);
        if (!places) return;
        places[i] = drawn(places[i]);
      }
      placeBox(key, +page.dataset.page, bbox);
      changed(selected, "edited");
      select(key, "page");
    };
  }

  function cleaned(value) {
    if (Array.isArray(value)) return value.filter((v) => v !== null).map(cleaned);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleaned(v)]));
    }
    return value;
  }

  document.addEventListener("click", (e) => {
    const box = e.target.closest(".box");
    const row = e.target.closest(".node > .row");
    const line = e.target.closest(".line.has");
    if (box && !drawing) select(box.dataset.key, "page");
    else if (row) select(row.parentElement.dataset.key, "tree");
    else if (line) {
      const node = document.querySelector(`.node[data-line="${line.dataset.line}"]`);
      if (node) select(node.dataset.key, "page");
    }
  });
  document.querySelectorAll(".page").forEach((page) => page.addEventListener("mousedown", (e) => {
    if (drawing) { e.preventDefault(); drawOn(page, e); }
  }));
  document.querySelectorAll(".node[data-line]").forEach((node) => {
    const line = $("L" + node.dataset.line);
    if (line) line.classList.add("has");
  });

  $("apply").addEventListener("click", () => {
    const key = selected.dataset.key;
    const kind = $("edit-kind").value, text = $("edit-text").value.trim();
    if (kind !== selected.dataset.kind && LISTS[kind] && key.startsWith("/blocs/")) {
      const [, place] = remove(key);
      const added = add(kind, text, blocOf(key), place);
      if (added) select(added, "tree");
    } else if (text && text !== selected.querySelector(".text").textContent) {
      setText(key, text);
      changed(selected, "edited");
    }
  });
  $("delete").addEventListener("click", () => { remove(selected.dataset.key); });
  if ($("draw")) $("draw").addEventListener("click", () => {
    drawing = true;
    document.querySelectorAll(".page").forEach((p) => p.classList.add("drawing"));
  });
  $("add").addEventListener("click", () => {
    const text = $("add-text").value.trim();
    if (!text) return;
    const key = add($("add-kind").value, text, selected.dataset.key, null);
    if (key) { $("add-text").value = ""; select(key, "tree"); }
  });
  $("download").addEventListener("click", () => {
    const blob = new Blob([JSON.stringify(cleaned(doc), null, 2) + "\n"], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = doc.source.filename + ".corrected.json";
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash.startsWith("id=")) {
    const id = CSS.escape(hash.slice(3));
    const node = document.querySelector(`.node[data-id="${id}"], .node[data-code="${id}"]`);
    if (node) select(node.dataset.key, "link");
  } else if (hash.startsWith("/")) select(hash, "link");
})();
