// As-you-type suggestions for the search box. The box works without this: it submits to the search page.
(function () {
  const input = document.getElementById("site-search");
  const list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) return;
  const prefix = document.documentElement.lang === "ru" ? "/ru" : "/en";
  const paths = { person: "/people/", organization: "/organizations/", event: "/events/", news: "/news/" };
  let timer = null, selected = -1;

  function close() { list.hidden = true; list.innerHTML = ""; selected = -1; input.setAttribute("aria-expanded", "false"); }
  function highlight(index) {
    const links = list.querySelectorAll("a");
    links.forEach((a, i) => a.setAttribute("aria-selected", i === index ? "true" : "false"));
    selected = index;
  }
  async function suggest() {
    const q = input.value.trim();
    if (q.length < 2) return close();
    const response = await fetch(input.dataset.suggest + "?per_page=8&q=" + encodeURIComponent(q));
    if (!response.ok) return close();
    const hits = (await response.json()).results;
    list.innerHTML = "";
    hits.forEach((hit) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      const a = document.createElement("a");
      a.href = prefix + paths[hit.kind] + hit.id + "/";
      a.textContent = hit.label;
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = hit.kind;
      a.appendChild(kind);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", hits.length ? "true" : "false");
  }
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 150); });
  input.addEventListener("keydown", (event) => {
    const links = list.querySelectorAll("a");
    if (event.key === "ArrowDown" && links.length) { event.preventDefault(); highlight(Math.min(selected + 1, links.length - 1)); }
    else if (event.key === "ArrowUp" && links.length) { event.preventDefault(); highlight(Math.max(selected - 1, 0)); }
    else if (event.key === "Enter" && selected >= 0) { event.preventDefault(); window.location = links[selected].href; }
    else if (event.key === "Escape") { close(); }
  });
  document.addEventListener("click", (event) => { if (!list.contains(event.target) && event.target !== input) close(); });
})();
