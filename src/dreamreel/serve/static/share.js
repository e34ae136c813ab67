"use strict";
// A shared telling: what a friend shared (their choices, the branch point), watching it as they
// did or choosing from the branch point, and afterwards where the two paths parted (a picture of
// the story graph with both paths, drawn by the server).
const $ = (id) => document.getElementById(id);
const token = decodeURIComponent(location.pathname.split("/").pop());

function item(text) { const li = document.createElement("li"); li.textContent = text; return li; }

function showTelling(t) {
  const box = document.createElement("div");
  box.className = "telling";
  const d = t.diverged, p = document.createElement("p");
  if (d.same) p.textContent = t.complete ? "The same telling, all the way." : "The same so far.";
  else if (d.prompt) p.textContent = `At "${d.title}" (${d.prompt}) you chose "${d.yours || "nothing yet"}"; ` +
    `${t.who} chose "${d.theirs || "nothing yet"}".`;
  else p.textContent = `Your paths part after "${d.title}".`;
  const link = document.createElement("a");
  link.href = t.watch; link.textContent = " watch yours";
  p.appendChild(link);
  const img = document.createElement("img");
  img.src = t.picture; img.alt = "the story graph with both paths"; img.className = "paths";
  img.style.maxWidth = "100%";
  box.append(p, img);
  return box;
}

async function load() {
  const r = await fetch(`/api/shares/${encodeURIComponent(token)}`);
  const data = await r.json().catch(() => ({ detail: `${r.status}` }));
  if (!r.ok) { $("error").textContent = data.detail; return; }
  $("title").textContent = data.title;
  $("about").textContent = `rated ${data.rating}, ${data.episodes} episode${data.episodes > 1 ? "s" : ""}` +
    `; link valid until ${new Date(data.until * 1000).toLocaleDateString()}`;
  $("choices").replaceChildren(...data.choices.map((c, i) =>
    item(`${c.prompt} they chose "${c.text}"` + (i === data.at ? "  \u2190 the branch point: from here you choose" : ""))));
  if (data.at >= data.choices.length) $("choices").append(item("\u2190 the branch point: from here you choose"));
  $("offer").hidden = data.yours;
  $("mine").hidden = !data.yours;
  $("parted").hidden = !data.tellings.length;
  $("tellings").replaceChildren(...data.tellings.map(showTelling));
}

async function watch(how, button) {
  button.disabled = true;
  const r = await fetch(`/api/shares/${encodeURIComponent(token)}/watch`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ how }) });
  const data = await r.json().catch(() => ({ detail: `${r.status}` }));
  if (!r.ok) { $("error").textContent = data.detail; button.disabled = false; return; }
  location.href = data.watch;
}
$("same").addEventListener("click", () => watch("same", $("same")));
$("choose").addEventListener("click", () => watch("choose", $("choose")));
window.dreamreelShare = { load };
load();
