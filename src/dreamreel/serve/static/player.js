"use strict";
// The player: Media Source Extensions over the film's fMP4 segments, appended as they are made;
// the choice overlay with its countdown; telemetry over a WebSocket.
const $ = (id) => document.getElementById(id);
const film = location.pathname.split("/").pop();
const base = `/films/${film}/stream/`;
const video = $("video");
let sourceBuffer = null, mediaSource = null, initDone = false, complete = false, busy = false, sized = false;
const appended = new Set();  // the segments in the source buffer, by their place in the index
let placed = false;  // the viewer moved the playhead before anything played
let pending = null, shownChoice = null, socket = null, queue = [];
let interventions = [], shownInterventions = new Set(), toastUntil = 0, canContinue = false, choicesMade = 0;
const answered = new Set();  // choices answered here, until the server's status stops showing them
const choiceKey = (p) => `${p.choice_id}@${p.posted}`;

let lastTime = 0;  // the playhead before a seek moved it
function send(kind, data = {}, t = video.currentTime) {
  const ev = { kind, t: Math.max(0, t || 0), data };
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(ev)); else queue.push(ev);
}

function connect() {
  const proto = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${proto}://${location.host}/ws/films/${film}`);
  socket.onopen = () => { if (queue.length) { socket.send(JSON.stringify(queue.slice(0, 64))); queue = []; } };
  socket.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.type === "status") {
      pending = msg.pending_choice || null;
      interventions = msg.interventions || [];
      canContinue = !!msg.can_continue;
      revisable(msg);
      // (a film still being made is shared from the choices made so far; a finished one from its start)
      if (msg.taken) choicesMade = msg.status === "ready" ? 0 : msg.taken.length;
      if (msg.cast && $("save").options.length === 1)
        for (const c of msg.cast) { const o = document.createElement("option"); o.value = c.id; o.textContent = c.name; $("save").append(o); }
      $("title").textContent = msg.title || "";
      $("state").textContent = `${msg.status}` + (msg.error ? `: ${msg.error}` : "") +
        (msg.queue_position ? ` (waiting for a free slot: ${msg.queue_position - 1} ahead of you` +
          (msg.waiting_for ? `; ${msg.waiting_for}` : "") + ")" : "") +
        (msg.notes && msg.notes.length ? ` (${msg.notes.join("; ")})` : "");
      if (msg.status === "failed") $("error").textContent = msg.error;
    }
  };
  socket.onclose = () => setTimeout(connect, 1000);
}

async function fetchBytes(name) {
  const r = await fetch(base + name, { cache: "no-store" });
  if (!r.ok) return null;
  return new Uint8Array(await r.arrayBuffer());
}

function append(bytes) {
  return new Promise((resolve, reject) => {
    sourceBuffer.addEventListener("updateend", () => resolve(), { once: true });
    sourceBuffer.addEventListener("error", () => reject(new Error("the browser refused a segment")), { once: true });
    sourceBuffer.appendBuffer(bytes);
  });
}

async function pump() {
  if (busy) return;
  busy = true;
  try {
    const r = await fetch(base + "index.json", { cache: "no-store" });
    if (!r.ok) return;  // not made yet: still generating
    const index = await r.json();
    if (!mediaSource) {
      mediaSource = new MediaSource();
      video.src = URL.createObjectURL(mediaSource);
      await new Promise((ok) => mediaSource.addEventListener("sourceopen", ok, { once: true }));
      sourceBuffer = mediaSource.addSourceBuffer(index.mime);
    }
    if (!initDone) {
      const init = await fetchBytes(index.init);
      if (!init) return;
      await append(init);
      initDone = true;
    }
    if (index.complete && !sized && !sourceBuffer.updating) {
      // A finished film is its whole length at once: left open-ended, as a stream being made is,
      // the browser lets the playhead go only as far as what is appended (a seek further on is
      // taken back there, and "the scene playing" is then the wrong one).
      const end = video.buffered.length ? video.buffered.end(video.buffered.length - 1) : 0;
      mediaSource.duration = Math.max(index.duration, end);
      sized = true;
    }
    while (appended.size < index.segments.length) {
      const n = nextSegment(index.segments);
      const seg = await fetchBytes(index.segments[n].file);
      if (!seg) break;
      await append(seg);
      appended.add(n);
      if (appended.size === 1 && !placed && !video.seeking)
        video.play().catch(() => { $("state").textContent = "press play"; });
    }
    if (index.complete && appended.size === index.segments.length && !complete) {
      complete = true;
      showCredentials();
      if (mediaSource.readyState === "open") mediaSource.endOfStream();
    }
  } catch (e) {
    $("error").textContent = e.message;
  } finally {
    busy = false;
  }
}

// The segment to fetch next: the first missing one from the playhead on (a seek in a finished
// film plays from there at once), else the first missing one before it.
function nextSegment(segments) {
  let first = -1;
  for (let n = 0; n < segments.length; n++) {
    if (appended.has(n)) continue;
    if (segments[n].start + segments[n].duration > video.currentTime + 0.05) return n;
    if (first < 0) first = n;
  }
  return first;
}

function bufferedAhead() {
  const b = video.buffered;
  for (let i = 0; i < b.length; i++) if (b.start(i) <= video.currentTime + 0.05 && video.currentTime <= b.end(i))
    return b.end(i) - video.currentTime;
  return 0;
}

function showChoice(p) {
  // The countdown runs out by the time the film needs the answer to go on without a stall (as an
  // interactive title's runs over the last seconds of its scene), however long the story allows.
  const lasts = Math.min(p.timeout_s, Math.max(p.min_countdown_s || 0, (p.answer_by_s ?? Infinity) - video.currentTime));
  shownChoice = { id: p.choice_id, key: choiceKey(p), shownAt: performance.now(), timeout: lasts * 1000,
                  fallback: p.default };
  $("choice-prompt").textContent = p.prompt;
  const box = $("choice-options");
  box.textContent = "";
  for (const o of p.options) {
    const b = document.createElement("button");
    b.textContent = (o.toward_goal ? "\u2605 " : "") + o.text + (o.costs_a_life ? " \u2020" : "");
    if (o.costs_a_life) b.title = "costs the life of someone you asked to save";
    if (o.toward_goal) b.title = "keeps the ending you are steering towards within reach";
    b.dataset.option = o.id;
    b.addEventListener("click", () => answer(o.id, "viewer"));
    box.append(b);
  }
  $("choice").classList.add("on");
  send("choice", { shown: p.choice_id });
}

async function answer(optionId, by) {
  if (!shownChoice) return;
  const c = shownChoice;
  shownChoice = null;
  answered.add(c.key);
  $("choice").classList.remove("on");
  send("choice", { choice: c.id, option: optionId, by, latency_ms: Math.round(performance.now() - c.shownAt) });
  const r = await fetch(`/api/films/${film}/choice`, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ choice_id: c.id, option_id: optionId, by }) });
  if (!r.ok) $("error").textContent = (await r.json()).detail;
}

function showIntervention(i) {
  $("toast").textContent = i.why;
  $("toast").classList.add("on");
  toastUntil = performance.now() + 6000;
  const list = $("why-list");
  if (!shownInterventions.size) list.textContent = "";
  const li = document.createElement("li");
  li.textContent = `${Math.floor(i.at_s / 60)}:${String(Math.floor(i.at_s % 60)).padStart(2, "0")} ${i.why}`;
  list.append(li);
}

function tick() {
  for (const [n, i] of interventions.entries()) {
    if (!shownInterventions.has(n) && video.currentTime >= i.at_s - 0.1) { showIntervention(i); shownInterventions.add(n); }
  }
  if (toastUntil && performance.now() > toastUntil) { $("toast").classList.remove("on"); toastUntil = 0; }
  // At the end: watch it again (told another way), or, where the story can go on, the next episode.
  $("end").hidden = !(complete && video.duration - video.currentTime < 1.0);
  $("onward").hidden = !canContinue;
  const ahead = bufferedAhead();
  $("generating").classList.toggle("on", !complete && ahead < 0.3);
  if (pending && !shownChoice && !answered.has(choiceKey(pending)) && video.currentTime >= pending.start_s - 0.05)
    showChoice(pending);
  if (shownChoice) {
    const left = 1 - (performance.now() - shownChoice.shownAt) / shownChoice.timeout;
    $("choice-bar").style.transform = `scaleX(${Math.max(0, left)})`;
    if (left <= 0) answer(shownChoice.fallback, "timeout");
  }
}

let lastPointer = 0, lastWatch = 0;
video.addEventListener("play", () => send("play"));
video.addEventListener("pause", () => send("pause"));
video.addEventListener("timeupdate", () => { if (!video.seeking) lastTime = video.currentTime; });
video.addEventListener("seeking", () => {
  if (!appended.size) placed = true;  // (put somewhere before the film began: it waits there, paused)
  send("seek", { to: video.currentTime }, lastTime);
});
video.addEventListener("volumechange", () => send(video.muted ? "mute" : "volume", { volume: video.volume }));
video.addEventListener("waiting", () => send("stall"));
video.addEventListener("ended", () => send("ended"));
document.addEventListener("visibilitychange", () => send(document.hidden ? "hidden" : "visible"));
document.addEventListener("pointermove", () => {
  const now = performance.now();
  if (now - lastPointer > 1000) { lastPointer = now; send("pointer"); }
});
document.addEventListener("keydown", (e) => {
  if (e.target.tagName === "TEXTAREA" || e.target.tagName === "INPUT") return;
  if (e.key === " ") { e.preventDefault(); video.paused ? video.play() : video.pause(); }
  else if (e.key === "f") { document.fullscreenElement ? document.exitFullscreen() : $("stage").requestFullscreen(); }
  else if (e.key === "m") { video.muted = !video.muted; }
  else if (e.key === "ArrowRight") {
    // A live film exists only a second or two ahead: the wish to skip is the signal, however far it gets.
    send("skip", { wanted_s: 5 });
    video.currentTime = Math.min(video.currentTime + 5, video.buffered.length ? video.buffered.end(video.buffered.length - 1) : 0);
  }
  else if (e.key === "ArrowLeft") { video.currentTime = Math.max(0, video.currentTime - 5); }
});
setInterval(() => {
  const now = performance.now();
  if (!video.paused && now - lastWatch > 2000) { lastWatch = now; send("watch", { rate: video.playbackRate }); }
}, 500);

// Captions arrive as the film is cut; they are added to a text track as cues.
const track = video.addTextTrack("captions", "English", "en");
track.mode = "showing";
let captionsFrom = 0;
async function pullCaptions() {
  const r = await fetch(`/api/films/${film}/captions?since=${captionsFrom}`, { cache: "no-store" });
  if (!r.ok) return;
  const data = await r.json();
  for (const c of data.cues) track.addCue(new VTTCue(c.start, c.end, c.speaker ? `${c.speaker}: ${c.text}` : c.text));
  captionsFrom = data.next;
}
setInterval(pullCaptions, 1500);

$("goal").addEventListener("change", async () => {
  const r = await fetch(`/api/films/${film}/steer`, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ending: $("goal").value || null }) });
  if (!r.ok) $("error").textContent = (await r.json()).detail;
});

$("save").addEventListener("change", async () => {
  const r = await fetch(`/api/films/${film}/save`, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ characters: $("save").value ? [$("save").value] : [] }) });
  if (!r.ok) $("error").textContent = (await r.json()).detail;
});

async function changeSetting() {
  const r = await fetch(`/api/films/${film}/setting`, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ time_of_day: $("time").value || null, weather: $("weather").value || null }) });
  if (!r.ok) $("error").textContent = (await r.json()).detail;
}
$("time").addEventListener("change", changeSetting);
$("weather").addEventListener("change", changeSetting);

// Content credentials: the finished film's C2PA manifest, as the server verifies it.
async function showCredentials(tries = 10) {
  const r = await fetch(`/api/films/${film}/provenance`, { cache: "no-store" });
  if (!r.ok) return;
  const p = await r.json();
  const episodes = (p.episodes || []).map((e) => `episode ${e.episode} ${e.state}`).join(", ");
  if (p.state === "making") {  // each episode is signed as it finishes streaming, the film when it is done
    $("credentials").textContent = episodes ? `Content credentials so far: ${episodes}` : "";
    if (tries > 0) setTimeout(() => showCredentials(tries - 1), 1500);
    return;
  }
  $("credentials").textContent = `Content credentials: ${p.state} (${p.reason})` +
    (p.ai_generated ? ", made by AI (trainedAlgorithmicMedia)" : "") + (episodes ? `; stream: ${episodes}` : "");
}

async function next(button, what) {
  button.disabled = true;
  const r = await fetch(`/api/films/${film}/${what}`, { method: "POST" });
  const body = await r.json();
  if (!r.ok) { $("error").textContent = body.detail; button.disabled = false; return; }
  location.href = body.watch;  // it starts streaming at once
}
$("onward").addEventListener("click", () => next($("onward"), "continue"));
$("again").addEventListener("click", () => next($("again"), "again"));

// Webcam attention: off unless the viewer turns it on; frames are tiny, grey and not kept.
let camStream = null, camTimer = null;
const camVideo = document.createElement("video"), camCanvas = document.createElement("canvas");
camCanvas.width = 96; camCanvas.height = 72;
$("cam").addEventListener("change", async () => {
  if (!$("cam").checked) {
    clearInterval(camTimer); camTimer = null;
    if (camStream) camStream.getTracks().forEach((t) => t.stop());
    camStream = null; $("cam-note").textContent = "(off)";
    return;
  }
  try {
    camStream = await navigator.mediaDevices.getUserMedia({ video: { width: 160, height: 120 }, audio: false });
  } catch (e) {
    $("cam").checked = false; $("error").textContent = `camera: ${e.message}`; return;
  }
  camVideo.srcObject = camStream; camVideo.muted = true; await camVideo.play();
  $("cam-note").textContent = "(on: the camera light is on; untick to stop)";
  const ctx = camCanvas.getContext("2d");
  camTimer = setInterval(() => {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    ctx.filter = "grayscale(1)";
    ctx.drawImage(camVideo, 0, 0, camCanvas.width, camCanvas.height);
    const frame = camCanvas.toDataURL("image/jpeg", 0.6).split(",")[1];
    socket.send(JSON.stringify({ frame, t: video.currentTime || 0 }));
  }, 1000);
});

// Watching together: a room for this film (friends join from its link and follow the same clock).
$("together").addEventListener("click", async () => {
  const r = await fetch("/api/rooms", { method: "POST", headers: { "Content-Type": "application/json" },
                                        body: JSON.stringify({ film }) });
  const data = await r.json();
  if (!r.ok) { $("error").textContent = data.detail; return; }
  location.href = data.invite;
});

// A shared telling: a link a friend opens to watch this telling, or to choose from here on.
$("share").addEventListener("click", async () => {
  const r = await fetch(`/api/films/${film}/share`, { method: "POST", headers: { "Content-Type": "application/json" },
                                                      body: JSON.stringify({ at: choicesMade }) });
  const data = await r.json();
  if (!r.ok) { $("error").textContent = data.detail; return; }
  $("share-link").value = new URL(data.link, location.href).href;
  $("share-link").hidden = false;
  $("share-link").select();
});

// Revising (the film's owner, on a server with an LLM): the scene playing, or its episode,
// rewritten as the note asks; the revised film, made the way this one went (only the revised
// scenes are drawn again), takes this one's place in the player.
let scenes = [], reviseReady = false;
function revisable(msg) {
  scenes = msg.scenes || [];
  if (!reviseReady) {
    reviseReady = true;
    $("revise").disabled = !msg.can_revise;
    if (!msg.can_revise)
      $("revise-state").textContent = "This server has no model to revise films with (its owner can start it with --llm).";
  }
  const r = msg.revision;
  if (r && !$("revised-from").textContent) {
    const link = document.createElement("a");
    link.href = `/watch/${r.of}`;
    link.textContent = "the film it revises";
    $("revised-from").append(`Revised (\u201c${r.note}\u201d, ${r.summary}) from `,
                             r.of_deleted ? "a film since deleted" : link);
  }
}
function sceneNow() {
  let now = scenes[0] || null;
  for (const s of scenes) if (s.start_s <= (video.currentTime || 0) + 0.05) now = s;
  return now;
}
$("revise").addEventListener("click", async () => {
  const note = $("revise-note").value.trim(), scene = sceneNow();
  if (!note) { $("revise-state").textContent = "Say how to revise it first: \u201cmake her angrier\u201d."; return; }
  if (!scene) { $("revise-state").textContent = "Nothing has played yet to revise."; return; }
  const ask = $("revise-what").value === "episode" ? { note, episode: scene.episode } : { note, beat: scene.beat };
  $("revise").disabled = true;
  $("revise-state").textContent = "The model is rewriting it\u2026 (a local model can take a minute)";
  const r = await fetch(`/api/films/${film}/revise`, { method: "POST", headers: { "Content-Type": "application/json" },
                                                       body: JSON.stringify(ask) });
  const data = await r.json();
  if (!r.ok) { $("revise-state").textContent = data.detail; $("revise").disabled = false; return; }
  location.href = data.watch;  // it starts streaming at once
});

window.dreamreel = { send };  // for the console (and tests) to report as the player does
connect();
setInterval(pump, 400);
setInterval(tick, 100);
pump();
