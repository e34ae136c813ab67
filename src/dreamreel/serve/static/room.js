"use strict";
// Watching together: join the room from its invite link, follow the room's shared clock (the
// server's: a film position at a server time), vote with everyone on one countdown, react, chat.
const $ = (id) => document.getElementById(id);
const code = decodeURIComponent(location.pathname.split("/").pop());
const video = $("video");
const REACTIONS = ["\u{1F44F}", "\u{1F602}", "\u{1F62E}", "\u{1F631}", "\u{1F622}", "\u2764\uFE0F", "\u{1F525}", "\u{1F440}"];
let room = null, socket = null, film = null, clock = null, offset = 0, pings = [];
let mediaSource = null, sourceBuffer = null, appended = 0, initDone = false, complete = false, busy = false;
let shownVote = null, seenDecided = 0, toastUntil = 0, gone = false;

const wall = () => (performance.timeOrigin + performance.now()) / 1000;
const serverNow = () => wall() + offset;
// Where the room is now: the clock's position, run on at its rate since it was set.
const target = () => clock ? clock.pos + clock.rate * (serverNow() - clock.at) : 0;

async function post(path, body) {
  const r = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" },
                                body: JSON.stringify(body || {}) });
  const data = await r.json().catch(() => ({ detail: `${r.status}` }));
  if (!r.ok) throw new Error(typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail));
  return data;
}
function say(text) { $("error").textContent = text; }

function send(msg) { if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg)); }
function event(kind, data = {}) { send({ type: "event", kind, t: Math.max(0, video.currentTime || 0), data }); }

async function join(name) {
  try {
    room = await post("/api/rooms/join", { code, name: name || localStorage.getItem("dreamreel-name") || "" });
  } catch (e) {
    $("join-state").textContent = e.message;
    return;
  }
  $("joining").hidden = true;
  $("room").hidden = false;
  connect();
}

function connect() {
  const proto = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${proto}://${location.host}/ws/rooms/${room.id}`);
  socket.onopen = () => { for (let i = 0; i < 5; i++) setTimeout(ping, i * 200); };
  socket.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.type === "room") render(msg);
    else if (msg.type === "pong") pong(msg);
    else if (msg.type === "say") said(msg);
    else if (msg.type === "error") say(msg.detail);
    else if (msg.type === "gone") { gone = true; leaveStage(msg.detail); }
  };
  socket.onclose = () => { if (!gone) setTimeout(connect, 1000); };
}

// The server's clock, from the ping with the shortest round trip of the last few (NTP's way).
function ping() { send({ type: "ping", c: wall() }); }
function pong(msg) {
  const now = wall(), rtt = now - msg.c;
  pings.push({ rtt, offset: msg.s - (msg.c + now) / 2 });
  if (pings.length > 8) pings.shift();
  offset = pings.reduce((a, b) => (b.rtt < a.rtt ? b : a)).offset;
}

function leaveStage(why) {
  video.pause();
  $("room").hidden = true;
  $("joining").hidden = false;
  $("join-state").textContent = why;
}

function render(r) {
  room = r;
  clock = r.clock;
  $("title").textContent = r.title || "";
  $("invite").textContent = location.origin + r.invite;
  $("code").textContent = r.code;
  $("rules").textContent = `Most votes win; a tie goes to ${r.tie === "host" ? "the host's vote" : "the director"}; ` +
    "nobody voting lets the director choose for the room.";
  $("keeps").textContent = r.keeps_to.length ? `The film keeps to everyone's profile: ${r.keeps_to.join(", ")}.` : "";
  const ul = $("members");
  ul.textContent = "";
  for (const m of r.members) {
    const li = document.createElement("li");
    li.textContent = `${m.name}${m.host ? " (host)" : ""}${m.id === r.you ? " (you)" : ""}${m.online ? "" : " (away)"}`;
    li.className = m.online ? "" : "offline";
    li.dataset.member = m.id;
    if (r.is_host && !m.host) {
      const b = document.createElement("button");
      b.textContent = "remove"; b.className = "remove";
      b.addEventListener("click", () => post(`/api/rooms/${r.id}/remove`, { member: m.id }).catch((e) => say(e.message)));
      li.append(b);
    }
    ul.append(li);
  }
  $("host-box").hidden = !r.is_host;
  $("leave").hidden = r.is_host;
  $("playpause").hidden = !r.is_host || !r.film;
  $("playpause").textContent = clock.playing ? "Pause for everyone" : "Play for everyone";
  if ($("limit").options.length === 0) for (let n = 2; n <= 32; n++) $("limit").append(new Option(String(n), String(n)));
  $("limit").value = String(r.limit);
  $("tie").value = r.tie;
  if (r.film !== film) startFilm(r.film);
  const decided = r.decided || [];
  if (decided.length) {
    $("decided").textContent = "";
    for (const d of decided) {
      const li = document.createElement("li");
      li.textContent = `${d.prompt} \u2192 ${d.text} (${d.why})`;
      $("decided").append(li);
    }
    if (decided.length > seenDecided) showToast(`We chose \u201c${decided[decided.length - 1].text}\u201d: ${decided[decided.length - 1].why}`);
    seenDecided = decided.length;
  }
}

function showToast(text) {
  $("toast").textContent = text;
  $("toast").classList.add("on");
  toastUntil = performance.now() + 6000;
}

// -- the stream: Media Source Extensions over the room's film's fMP4 segments ---------------
function startFilm(id) {
  film = id;
  appended = 0; initDone = false; complete = false; mediaSource = null; sourceBuffer = null;
  if (id) pump();
}

function append(bytes) {
  return new Promise((resolve, reject) => {
    sourceBuffer.addEventListener("updateend", () => resolve(), { once: true });
    sourceBuffer.addEventListener("error", () => reject(new Error("the browser refused a segment")), { once: true });
    sourceBuffer.appendBuffer(bytes);
  });
}

async function pump() {
  if (busy || !film || !room) return;
  busy = true;
  const base = `/together/${room.id}/stream/`, mine = film;
  try {
    const r = await fetch(base + "index.json", { cache: "no-store" });
    if (!r.ok) return;
    const index = await r.json();
    if (!mediaSource) {
      mediaSource = new MediaSource();
      video.src = URL.createObjectURL(mediaSource);
      await new Promise((ok) => mediaSource.addEventListener("sourceopen", ok, { once: true }));
      sourceBuffer = mediaSource.addSourceBuffer(index.mime);
    }
    const get = async (name) => { const x = await fetch(base + name, { cache: "no-store" }); return x.ok ? new Uint8Array(await x.arrayBuffer()) : null; };
    if (!initDone) { const init = await get(index.init); if (!init) return; await append(init); initDone = true; }
    while (appended < index.segments.length && film === mine) {
      const seg = await get(index.segments[appended].file);
      if (!seg) break;
      await append(seg);
      appended += 1;
    }
    if (index.complete && appended === index.segments.length && !complete) {
      complete = true;
      if (mediaSource.readyState === "open") mediaSource.endOfStream();
    }
  } catch (e) {
    say(e.message);
  } finally {
    busy = false;
  }
}

function buffered(t) {
  const b = video.buffered;
  for (let i = 0; i < b.length; i++) if (b.start(i) <= t + 0.05 && t <= b.end(i)) return b.end(i) - t;
  return -1;
}

// -- following the room's clock ------------------------------------------------------------
let lastSeek = 0;
function sync() {
  if (!clock || !initDone || !video.buffered.length) return;
  const want = target(), d = video.currentTime - want, now = performance.now();
  if (clock.rate === 0) {  // paused for everyone, or waiting for the film to be made
    if (!video.paused) video.pause();
    if (Math.abs(d) > 0.04 && buffered(want) >= 0 && now - lastSeek > 300) { video.currentTime = want; lastSeek = now; }
    return;
  }
  if (Math.abs(d) > 1.0) {  // far out (a late joiner, a stall): jump to where the room is
    if (buffered(want) >= 0 && now - lastSeek > 500) { video.currentTime = want + 0.05; lastSeek = now; }
    video.playbackRate = 1;
  } else if (Math.abs(d) > 0.02) {  // close: run a little faster or slower until level
    video.playbackRate = Math.min(1.25, Math.max(0.75, 1 - d * 0.8));
  } else {
    video.playbackRate = 1;
  }
  if (video.paused) video.play().catch(() => say("press play to join the picture"));
}

function tick() {
  const ahead = buffered(video.currentTime);
  $("generating").classList.toggle("on", !!film && (!complete && ahead < 0.3 || (clock && clock.waiting)));
  if (clock) $("clock").textContent = `${target().toFixed(1)} s` + (clock.waiting ? " (being made)" : clock.playing ? "" : " (paused)");
  if (toastUntil && performance.now() > toastUntil) { $("toast").classList.remove("on"); toastUntil = 0; }
  const v = room && room.vote;
  if (v && !v.result && serverNow() < v.closes + 0.5) showVote(v); else hideVote();
}

function showVote(v) {
  if (!shownVote || shownVote.choice_id !== v.choice_id) {
    shownVote = { choice_id: v.choice_id, shownAt: performance.now() };
    $("choice-prompt").textContent = v.prompt;
    event("choice", { shown: v.choice_id });
  }
  const box = $("choice-options");
  if (box.dataset.key !== `${v.choice_id}:${JSON.stringify(v.options)}:${v.yours}`) {
    box.dataset.key = `${v.choice_id}:${JSON.stringify(v.options)}:${v.yours}`;
    box.textContent = "";
    for (const o of v.options) {
      const b = document.createElement("button");
      b.dataset.option = o.id;
      b.className = v.yours === o.id ? "mine" : "";
      b.append(document.createTextNode(o.text));
      const n = document.createElement("span"); n.className = "count"; n.textContent = o.votes ? ` ${o.votes}` : "";
      b.append(n);
      b.addEventListener("click", () => vote(v.choice_id, o.id));
      box.append(b);
    }
  }
  const left = Math.max(0, (v.closes - serverNow()) / Math.max(0.1, v.closes - v.opens));
  $("choice-bar").style.transform = `scaleX(${left})`;
  $("choice-count").textContent = `${v.voters} of ${room.members.filter((m) => m.online).length} voted \u00b7 ` +
    `${Math.max(0, Math.ceil(v.closes - serverNow()))} s`;
  $("choice").classList.add("on");
}
function hideVote() { $("choice").classList.remove("on"); }

function vote(choiceId, optionId) {
  send({ type: "vote", choice_id: choiceId, option_id: optionId });
  if (shownVote) event("choice", { choice: choiceId, option: optionId, by: "viewer",
                                   latency_ms: Math.round(performance.now() - shownVote.shownAt) });
}

// -- reactions and chat (shown as text, never as markup) -------------------------------------
function said(m) {
  if (m.kind === "react") {
    const s = document.createElement("span");
    s.textContent = m.text;
    s.style.left = `${10 + Math.random() * 80}%`;
    s.title = m.name;
    $("floats").append(s);
    setTimeout(() => s.remove(), 2700);
    return;
  }
  const li = document.createElement("li");
  const who = document.createElement("b");
  who.textContent = m.name;
  li.append(who, document.createTextNode(`: ${m.text}`));
  $("chat").append(li);
  while ($("chat").children.length > 200) $("chat").firstChild.remove();
  $("chat").scrollTop = $("chat").scrollHeight;
}
for (const r of REACTIONS) {
  const b = document.createElement("button");
  b.type = "button"; b.className = "react"; b.textContent = r;
  b.addEventListener("click", () => send({ type: "react", text: r }));
  $("reactions").append(b);
}
$("chat-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = $("chat-text").value.trim();
  if (text) send({ type: "chat", text });
  $("chat-text").value = "";
});

// -- the host's levers ------------------------------------------------------------------------
$("playpause").addEventListener("click", () => send({ type: clock && clock.playing ? "pause" : "play" }));
$("film-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  $("make").disabled = true;
  try { render(await post(`/api/rooms/${room.id}/film`, { prompt: $("prompt").value, episodes: 1 })); say(""); }
  catch (e) { say(e.message); } finally { $("make").disabled = false; }
});
const settings = (body) => post(`/api/rooms/${room.id}/settings`, body).then(render).catch((e) => say(e.message));
$("limit").addEventListener("change", () => settings({ limit: Number($("limit").value) }));
$("tie").addEventListener("change", () => settings({ tie: $("tie").value }));
$("close").addEventListener("click", () => post(`/api/rooms/${room.id}/close`).catch((e) => say(e.message)));
$("leave").addEventListener("click", async () => {
  try { await post(`/api/rooms/${room.id}/leave`); gone = true; socket.close(); leaveStage("You left the room. Open the invite link again to rejoin."); }
  catch (e) { say(e.message); }
});
$("copy").addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText($("invite").textContent));

// -- what the director hears from this member -------------------------------------------------
let lastPointer = 0, lastWatch = 0;
document.addEventListener("visibilitychange", () => event(document.hidden ? "hidden" : "visible"));
video.addEventListener("volumechange", () => event(video.muted ? "mute" : "volume", { volume: video.volume }));
document.addEventListener("pointermove", () => {
  const now = performance.now();
  if (now - lastPointer > 1000) { lastPointer = now; event("pointer"); }
});

// Captions, as the film is cut.
const track = video.addTextTrack("captions", "English", "en");
track.mode = "showing";
let captionsFrom = 0, captionsFilm = null;
async function pullCaptions() {
  if (!room || !film) return;
  if (captionsFilm !== film) { captionsFilm = film; captionsFrom = 0; for (const c of [...(track.cues || [])]) track.removeCue(c); }
  const r = await fetch(`/api/rooms/${room.id}/captions?since=${captionsFrom}`, { cache: "no-store" });
  if (!r.ok) return;
  const data = await r.json();
  for (const c of data.cues) track.addCue(new VTTCue(c.start, c.end, c.speaker ? `${c.speaker}: ${c.text}` : c.text));
  captionsFrom = data.next;
}

window.dreamreelRoom = { target, serverNow, offset: () => offset, state: () => room, send };  // for tests
setInterval(() => {
  const now = performance.now();
  if (clock && clock.rate > 0 && now - lastWatch > 2000) { lastWatch = now; event("watch", { rate: 1 }); }
}, 500);
setInterval(() => { if (socket && socket.readyState === WebSocket.OPEN) ping(); }, 3000);
setInterval(pump, 400);
setInterval(sync, 50);
setInterval(tick, 100);
setInterval(pullCaptions, 1500);
join();
