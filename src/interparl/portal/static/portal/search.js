// As-you-type suggestions for the search box. The box works without this: it submits to the search page.
(function () {
  const input = document.getElementById("site-search");
  const list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) return;
  const prefix = document.documentElement.lang === "ru" ? "/ru" : "/en";
  const paths = { person: "/people/", organization: "/organizations/", event: "/events/", news: "/news/" };
  let timer = null, selected = -1;

  const status = document.getElementById("search-status");
  // A combobox (WAI-ARIA 1.2): the input owns a listbox; the highlighted option is its active descendant.
  function close() {
    list.hidden = true; list.innerHTML = ""; selected = -1;
    input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant");
  }
  function highlight(index) {
    const options = list.querySelectorAll("[role=option]");
    options.forEach((li, i) => li.setAttribute("aria-selected", i === index ? "true" : "false"));
    selected = index;
    if (options[index]) input.setAttribute("aria-activedescendant", options[index].id);
  }
  async function suggest() {
    const q = input.value.trim();
    if (q.length < 2) return close();
    const lang = document.documentElement.lang === "ru" ? "ru" : "en";
    const response = await fetch(input.dataset.suggest + "?per_page=8&lang=" + lang + "&q=" + encodeURIComponent(q));
    if (!response.ok) return close();
    const hits = (await response.json()).results;
    list.innerHTML = "";
    hits.forEach((hit, index) => {
      // An option holds text only (no link inside: an option is not a container of controls); choosing it
      // with Enter or a click goes to its page.
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "suggestion-" + index;
      li.setAttribute("aria-selected", "false");
      li.dataset.href = prefix + paths[hit.kind] + hit.id + "/";
      li.textContent = hit.label;
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = input.dataset["kind" + hit.kind[0].toUpperCase() + hit.kind.slice(1)] || hit.kind;
      li.appendChild(kind);
      li.addEventListener("mousedown", (event) => { event.preventDefault(); window.location = li.dataset.href; });
      li.addEventListener("mousemove", () => highlight(index));
      list.appendChild(li);
    });
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", hits.length ? "true" : "false");
    if (status) status.textContent = hits.length ? input.dataset.found.replace("%s", hits.length) : "";
  }
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 150); });
  input.addEventListener("keydown", (event) => {
    const options = list.querySelectorAll("[role=option]");
    if (event.key === "ArrowDown" && options.length) { event.preventDefault(); highlight(Math.min(selected + 1, options.length - 1)); }
    else if (event.key === "ArrowUp" && options.length) { event.preventDefault(); highlight(Math.max(selected - 1, 0)); }
    else if (event.key === "Enter" && selected >= 0) { event.preventDefault(); window.location = options[selected].dataset.href; }
    else if (event.key === "Escape") { close(); }
  });
  document.addEventListener("click", (event) => { if (!list.contains(event.target) && event.target !== input) close(); });
})();
