"use strict";
// The portal: send a request, list this viewer's films.
const $ = (id) => document.getElementById(id);

async function listFilms() {
  const r = await fetch("/api/films");
  if (!r.ok) return;
  const films = await r.json();
  const ul = $("films");
  ul.textContent = "";
  if (!films.length) { ul.innerHTML = '<li class="dim">none yet</li>'; return; }
  for (const f of films) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = f.watch; a.textContent = f.title || f.prompt;
    li.append(a, document.createTextNode(`  (${f.status})`));
    ul.append(li);
  }
}

$("ask").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  $("error").textContent = "";
  $("make").disabled = true;
  try {
    const body = { prompt: $("prompt").value, episodes: Number($("episodes").value) || 1, rating: $("rating").value };
    if ($("cast-me").checked && $("cast-who").value) body.cast = [{ likeness: $("cast-who").value, role: $("cast-role").value }];
    const r = await fetch("/api/films", { method: "POST", headers: { "Content-Type": "application/json" },
                                         body: JSON.stringify(body) });
    const data = await r.json();
    if (!r.ok) throw new Error(typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail));
    location.href = data.watch;
  } catch (e) {
    $("error").textContent = e.message;
  } finally {
    $("make").disabled = false;
  }
});
const list = (text) => text.split(",").map((x) => x.trim()).filter(Boolean);
let profile = {};
async function loadProfile() {
  const r = await fetch("/api/profile");
  if (!r.ok) return;
  profile = await r.json();
  $("pacing").value = profile.pacing;
  $("ceiling").value = profile.rating_ceiling || "";
  $("loves").value = Object.entries(profile.tastes.genres).filter(([, w]) => w > 0).map(([g]) => g).join(", ");
  $("avoid").value = profile.avoid.join(", ");
}
$("profile").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const genres = Object.fromEntries(list($("loves").value).map((g) => [g, 1.0]));
  const body = { ...profile, pacing: $("pacing").value, rating_ceiling: $("ceiling").value || null,
                 tastes: { ...profile.tastes, genres }, avoid: list($("avoid").value) };
  const r = await fetch("/api/profile", { method: "PUT", headers: { "Content-Type": "application/json" },
                                          body: JSON.stringify(body) });
  const data = await r.json();
  $("profile-state").textContent = r.ok ? "saved" : data.detail;
  if (r.ok) profile = data;
});
loadProfile();
listFilms();

// Likenesses: your own (from your photo, with your consent) and those friends let you cast.
async function loadLikenesses() {
  const [me, r] = await Promise.all([fetch("/api/me"), fetch("/api/likenesses")]);
  if (me.ok) {
    const who = await me.json();
    $("me").textContent = who.id;
    if (who.sandbox) {  // a studio's sandbox: its official assets only, no likenesses
      const pack = who.sandbox[0];
      $("sandbox").hidden = false;
      $("sandbox").textContent = `Made with ${pack.name} ${pack.version} by ${pack.publisher} only ` +
        `(${pack.characters.join(", ")}), under ${pack.licence}. ${pack.attribution}.`;
      $("likeness-box").hidden = true;
    }
  }
  if (!r.ok) return;
  const items = await r.json();
  $("likenesses").textContent = "";
  $("cast-who").textContent = "";
  for (const l of items) {
    const li = document.createElement("li");
    const img = document.createElement("img");
    img.src = `/api/likenesses/${l.id}/thumbnail`; img.alt = l.name; img.height = 48;
    li.append(img, ` ${l.name} ${l.yours ? "(you)" : "(a friend who lets you cast them)"}`);
    $("likenesses").append(li);
    const o = document.createElement("option"); o.value = l.id; o.textContent = l.yours ? `me (${l.name})` : l.name;
    $("cast-who").append(o);
  }
  $("cast-me-box").hidden = items.length === 0;
}
$("likeness").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  $("likeness-error").textContent = "";
  const file = $("photo").files[0];
  if (!file) return;
  $("likeness-state").textContent = "looking at the photo...";
  const q = new URLSearchParams({ name: $("likeness-name").value, agree: $("agree").checked,
                                  voice: $("likeness-voice").value, pronouns: $("likeness-pronouns").value });
  const r = await fetch(`/api/likenesses?${q}`, { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } });
  const data = await r.json();
  $("likeness-state").textContent = "";
  if (!r.ok) { $("likeness-error").textContent = data.detail; return; }
  $("likeness-state").textContent = (data.notes || []).join("; ") || "done";
  loadLikenesses();
});
loadLikenesses();

// Watching together: a room of your own, then its page (with the link to give friends).
async function openRoom(body) {
  const r = await fetch("/api/rooms", { method: "POST", headers: { "Content-Type": "application/json" },
                                        body: JSON.stringify(body) });
  const data = await r.json();
  if (!r.ok) { $("error").textContent = data.detail; return; }
  location.href = data.invite;
}
$("together").addEventListener("click", () => openRoom({}));
