"""Provenance: every film dreamreel writes carries a signed C2PA manifest (c2pa-python).

    film.mp4 + what made it -> manifest (created by trainedAlgorithmicMedia; generator,
    backends, ingredients) -> signed in place -> verify: trusted / valid / invalid / unsigned

Keys: a user's own certificate chain and key when configured (``DREAMREEL_SIGN_CERT``: the
chain, leaf first, PEM; ``DREAMREEL_SIGN_KEY``: its private key, PEM; ``DREAMREEL_TRUST_ANCHORS``:
the roots ``verify`` trusts), else a development chain in the user's data folder, made on first
use (or by ``dreamreel keys init``): a local CA and a leaf signed by it, with the extensions C2PA
asks for (AKI/SKI, digitalSignature, emailProtection). The CA's private key is not kept: the
development CA can sign one leaf, then nothing else. A film signed with it verifies as *valid*
everywhere and as *trusted* only where its CA is a trust anchor (this machine's ``verify``).
"""

from __future__ import annotations

import datetime
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .. import __version__
from ..errors import BadInputError, DreamreelError, OutputError
from ..model.label import Label, as_label
from ..store.files import umask, write_atomic

#: IPTC's term for media made by a trained model (the C2PA digitalSourceType).
TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
CHAIN, KEY, ANCHOR = "signer.pem", "signer.key", "ca.pem"


class ProvenanceError(DreamreelError):
    """Signing or verifying failed (bad keys, a file C2PA cannot hold)."""


def keys_dir() -> Path:
    """Where the development chain lives: ``$DREAMREEL_KEYS_DIR``, else the user's data folder."""
    env = os.environ.get("DREAMREEL_KEYS_DIR")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "dreamreel" / "keys"


@dataclass
class Keys:
    chain: bytes             # PEM, leaf first
    key: bytes               # PEM private key of the leaf
    anchors: bytes | None    # PEM roots that verify trusts
    development: bool        # the local development chain (not anyone's identity)
    where: str = ""


def init_keys(folder: Path | None = None, *, force: bool = False) -> Path:
    """Make a development CA and a signing leaf in ``folder`` (default ``keys_dir()``)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder = Path(folder) if folder is not None else keys_dir()
    if (folder / CHAIN).exists() and not force:
        raise BadInputError(f"{folder} already holds a signing chain; pass --force to replace it")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"cannot create {folder}: {e.strerror}") from None
    now = datetime.datetime.now(datetime.timezone.utc)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "dreamreel development (not an identity)")])

    def usage(**on: bool) -> x509.KeyUsage:
        flags = dict.fromkeys(("digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
                               "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only"), False)
        return x509.KeyUsage(**{**flags, **on})

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name("dreamreel development CA")).issuer_name(name("dreamreel development CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(usage(key_cert_sign=True, crl_sign=True), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(name("dreamreel development signer")).issuer_name(ca.subject)
            .public_key(leaf_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(usage(digital_signature=True), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    # The chain is written last: its presence says the key and anchor beside it are complete.
    key = leaf_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    fd = os.open(folder / KEY, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    write_atomic(folder / ANCHOR, ca.public_bytes(pem))
    write_atomic(folder / CHAIN, leaf.public_bytes(pem) + ca.public_bytes(pem))
    return folder


def _init_once(folder: Path) -> None:
    """Make the development chain unless another process already has: a server's render
    workers all sign at first use, and two chains made at once would leave one's anchor beside
    the other's leaf (every film after it 'valid', never 'trusted')."""
    import fcntl

    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(folder / ".lock", "a")
    except OSError as e:
        raise OutputError(f"cannot create {folder}: {e.strerror}") from None
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / CHAIN).exists():
            init_keys(folder)


def load_keys(folder: Path | None = None) -> Keys:
    """The user's own chain if configured, else the development chain (made on first use)."""
    cert, key = os.environ.get("DREAMREEL_SIGN_CERT"), os.environ.get("DREAMREEL_SIGN_KEY")
    anchors_path = os.environ.get("DREAMREEL_TRUST_ANCHORS")
    if cert or key:
        if not (cert and key):
            raise BadInputError("set both DREAMREEL_SIGN_CERT (the chain, PEM) and DREAMREEL_SIGN_KEY (its key, PEM)")
        return Keys(_read(cert, "signing chain"), _read(key, "signing key"),
                    _read(anchors_path, "trust anchors") if anchors_path else None, development=False, where=cert)
    folder = Path(folder) if folder is not None else keys_dir()
    if not (folder / CHAIN).exists():
        _init_once(folder)
    return Keys(_read(str(folder / CHAIN), "signing chain"), _read(str(folder / KEY), "signing key"),
                _read(anchors_path, "trust anchors") if anchors_path else _read(str(folder / ANCHOR), "trust anchors"),
                development=True, where=str(folder))


def _read(path: str, what: str) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise BadInputError(f"cannot read the {what} {path}: {e.strerror}") from None
    if b"-----BEGIN" not in data:
        raise BadInputError(f"{path}: the {what} must be PEM (-----BEGIN ...)")
    return data


def film_manifest(title: str, *, backends: dict[str, str], ingredients: list[dict[str, Any]] | None = None,
                  story_id: str = "", seed: int = 0, visible_label: Label | bool | None = True) -> dict[str, Any]:
    """The manifest for a film: created by a trained model (every frame and voice is), by which
    generator and backends, from which licensed assets (ingredients). ``visible_label``: the label
    burned into the picture (True: the default one; False/None: none): the manifest says whether
    there is one (``visible_label``) and what it says and where (``label_text``, ``label_corner``)."""
    label = as_label(visible_label)
    agent = {"name": "dreamreel", "version": __version__}
    return {
        "claim_generator_info": [agent],
        "title": title,
        "format": "video/mp4",
        "assertions": [
            {"label": "c2pa.actions", "data": {"actions": [
                {"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA, "softwareAgent": agent,
                 "parameters": {"backends": backends, "story": story_id, "seed": seed}},
            ]}},
            {"label": "dreamreel.generation", "data": {"ai_generated": True, "visible_label": label is not None,
                                                       "label_text": label.text if label else None,
                                                       "label_corner": label.corner if label else None,
                                                       "backends": backends, "story": story_id, "seed": seed}},
        ],
        "ingredients": list(ingredients or []),
    }


def sign(path: str | Path, manifest: dict[str, Any], keys: Keys) -> Path:
    """Sign the MP4 at ``path`` in place (written beside it, then renamed over it)."""
    import c2pa

    path = Path(path)
    try:
        signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(c2pa.C2paSigningAlg.ES256, keys.chain, keys.key, None))
    except (c2pa.C2paError, ValueError) as e:
        raise ProvenanceError(f"cannot sign with the chain in {keys.where}: {e}") from None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".signing.mp4", dir=path.parent)
    os.close(fd)
    try:
        with c2pa.Builder(manifest) as builder, signer:
            builder.sign_file(str(path), tmp, signer)
        # mkstemp makes 0600 files: the signed film gets the permissions a plain open() would give it.
        os.chmod(tmp, 0o666 & ~umask())
        os.replace(tmp, path)
    except c2pa.C2paError as e:
        raise ProvenanceError(f"cannot sign {path}: {e}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


@dataclass
class Verdict:
    state: Literal["trusted", "valid", "invalid", "unsigned"]
    reason: str
    manifest: dict[str, Any] | None = None
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.state in ("trusted", "valid")

    @property
    def ai_generated(self) -> bool:
        acts = [a for s in (self.manifest or {}).get("assertions", []) if s.get("label", "").startswith("c2pa.actions")
                for a in s.get("data", {}).get("actions", [])]
        return any(a.get("digitalSourceType") == TRAINED_ALGORITHMIC_MEDIA for a in acts)


def verify(path: str | Path, anchors: bytes | None = None) -> Verdict:
    """Read and check a file's C2PA manifest: trusted (valid, and its chain ends at one of
    ``anchors``), valid (signature and hashes hold, chain not trusted here), invalid (why), or
    unsigned."""
    import c2pa

    path = Path(path)
    if not path.is_file():
        raise BadInputError(f"{path}: no such file")
    settings: dict[str, Any] = {"verify": {"verify_trust": anchors is not None}}
    if anchors is not None:
        settings["trust"] = {"trust_anchors": anchors.decode("ascii", "replace")}
    try:
        with c2pa.Context.from_json(json.dumps(settings)) as ctx, c2pa.Reader(str(path), context=ctx) as reader:
            return _verdict(reader, anchors)
    except c2pa.C2paError as e:
        text = str(e)
        if "ManifestNotFound" in type(e).__name__ or "no JUMBF" in text or "not found" in text.lower():
            return Verdict("unsigned", "the file carries no C2PA manifest")
        return Verdict("invalid", f"the manifest cannot be read: {text}")


def _verdict(reader: Any, anchors: bytes | None) -> Verdict:
    state = (reader.get_validation_state() or "").lower()
    results = reader.get_validation_results() or {}
    active = reader.get_active_manifest()
    failures = [f"{f.get('code')}: {f.get('explanation', '')}" for f in results.get("activeManifest", {}).get("failure", [])]
    if state == "trusted":
        return Verdict("trusted", "signature valid, chain trusted", active, failures)
    real = [f for f in failures if not f.startswith("signingCredential.untrusted")]
    if state == "valid" or (state != "invalid" and not real):
        why = "signature valid; the signing chain is not trusted here" if failures else \
            "signature valid" + ("" if anchors is not None else " (no trust anchors given to check its chain)")
        return Verdict("valid", why, active, failures)
    return Verdict("invalid", real[0] if real else f"validation state {state or 'unknown'}", active, failures)


# -- streams: a signed manifest for each finished episode ------------------------------------

#: In a stream folder: which manifest covers which segments.
STREAM_PROVENANCE = "provenance.json"


def _episode_bytes(folder: Path, files: list[str]) -> bytes:
    """The fragmented MP4 an episode's manifest covers: the init segment, then its media segments."""
    return (folder / "init.mp4").read_bytes() + b"".join((folder / f).read_bytes() for f in files)


def sign_stream_episode(folder: str | Path, episode: int, files: list[str], span: tuple[float, float],
                        manifest: dict[str, Any], keys: Keys) -> dict[str, Any]:
    """Sign episode ``episode`` of the stream in ``folder`` as it finishes: a C2PA manifest (kept
    beside the segments, ``episode_NN.c2pa``) over the init segment and ``files``, the media
    segments that hold the episode (``span``: its start and end in seconds; a segment across the
    boundary between two episodes is in both). Lists it in ``provenance.json``."""
    import io

    import c2pa

    folder = Path(folder)
    name = f"episode_{episode:02d}.c2pa"
    try:
        signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(c2pa.C2paSigningAlg.ES256, keys.chain, keys.key, None))
        with c2pa.Builder(manifest) as builder, signer:
            builder.set_no_embed()  # a stream's segments are already out: the manifest goes beside them
            store = builder.sign(signer, "video/mp4", io.BytesIO(_episode_bytes(folder, files)), io.BytesIO())
    except (c2pa.C2paError, ValueError, OSError) as e:
        raise ProvenanceError(f"cannot sign episode {episode} of the stream in {folder}: {e}") from None
    write_atomic(folder / name, store)
    listing = _stream_listing(folder)
    entry = {"episode": episode, "manifest": name, "segments": files,
             "start": round(span[0], 3), "end": round(span[1], 3)}
    listing["episodes"] = [e for e in listing["episodes"] if e["episode"] != episode] + [entry]
    write_atomic(folder / STREAM_PROVENANCE, json.dumps(listing, indent=2) + "\n")
    return entry


def _stream_listing(folder: Path) -> dict[str, Any]:
    try:
        listing = json.loads((folder / STREAM_PROVENANCE).read_text(encoding="utf-8"))
        if isinstance(listing, dict) and isinstance(listing.get("episodes"), list):
            return listing
    except (OSError, ValueError):
        pass
    return {"schema_version": 1, "episodes": []}


def verify_stream(folder: str | Path, anchors: bytes | None = None) -> list[tuple[int, Verdict]]:
    """Each signed episode of the stream in ``folder`` with its verdict (as :func:`verify`)."""
    import io

    import c2pa

    folder = Path(folder)
    if not (folder / "init.mp4").is_file():
        raise BadInputError(f"{folder}: not a dreamreel stream folder (no init.mp4)")
    settings: dict[str, Any] = {"verify": {"verify_trust": anchors is not None}}
    if anchors is not None:
        settings["trust"] = {"trust_anchors": anchors.decode("ascii", "replace")}
    out = []
    for entry in sorted(_stream_listing(folder)["episodes"], key=lambda e: e.get("episode", 0)):
        episode = int(entry.get("episode", 0))
        files = [str(f) for f in entry.get("segments", [])]
        if any(not re.fullmatch(r"seg_\d{5}\.m4s", f) for f in files) or \
                not re.fullmatch(r"episode_\d{2}\.c2pa", str(entry.get("manifest", ""))):
            out.append((episode, Verdict("invalid", f"{STREAM_PROVENANCE} names files that are not this stream's")))
            continue
        try:
            data, store = _episode_bytes(folder, files), (folder / entry["manifest"]).read_bytes()
        except OSError as e:
            out.append((episode, Verdict("invalid", f"a file it covers is missing: {e.filename}")))
            continue
        try:
            with c2pa.Context.from_json(json.dumps(settings)) as ctx, \
                    c2pa.Reader("video/mp4", io.BytesIO(data), manifest_data=store, context=ctx) as reader:
                out.append((episode, _verdict(reader, anchors)))
        except c2pa.C2paError as e:
            out.append((episode, Verdict("invalid", f"the manifest cannot be read: {e}")))
    return out
