"""An LLM backend for any OpenAI-compatible ``/chat/completions`` endpoint.

vLLM, Ollama, the llama.cpp servers and hosted APIs all speak this dialect, but they
differ in how they accept a JSON Schema, so the backend tries, in order:

1. ``response_format: {"type": "json_schema", ...}`` (OpenAI, vLLM, Ollama, llama.cpp's C++ server);
2. ``{"type": "json_object", "schema": ...}`` (llama-cpp-python's server: grammar from the schema);
3. ``{"type": "json_object"}`` (any JSON);
4. no response_format at all (the writer validates and repairs what comes back).

It moves down the list only when the server rejects the request as malformed (HTTP 400/422,
or a 500 that names response_format, as llama-cpp-python's server sends) and remembers the
first form that worked. Every failure a user can fix (nothing listening, wrong key, wrong
URL, server error, timeout) becomes one BackendError line; the API key never appears in a
message.

A call that fails in a way that may pass on its own (a timeout, a dropped connection, HTTP
429, 502, 503 or 504) is tried again up to ``retries`` times, waiting 0.5 s, 1 s, 2 s, ...
(or what the server's Retry-After asks, up to 10 s); the wait and the failed tries count in
the call's seconds. ``DREAMREEL_LLM_TIMEOUT`` (seconds a try may take) and
``DREAMREEL_LLM_RETRIES`` set them for the command line.
"""

import os
import time
from typing import Any

import httpx

from ...errors import BackendError, BadInputError
from .base import LLMUsage, Requirement

ENV_URL = "DREAMREEL_LLM_URL"
ENV_KEY = "DREAMREEL_LLM_KEY"
ENV_MODEL = "DREAMREEL_LLM_MODEL"
ENV_TIMEOUT = "DREAMREEL_LLM_TIMEOUT"
ENV_RETRIES = "DREAMREEL_LLM_RETRIES"

#: Statuses worth trying again after a wait (rate limits, a proxy or server briefly unable).
TRANSIENT = (429, 502, 503, 504)
BACKOFF_S = 0.5
MAX_WAIT_S = 10.0

#: Response formats, strictest first (see the module docstring).
FORMATS = ("json_schema", "json_object_schema", "json_object", "plain")

#: Told to chat models as a system message; base models served behind chat templates ignore it harmlessly.
SYSTEM = "You answer with exactly one JSON object that matches the requested schema, and nothing else."


def _normalise_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as e:
        raise BadInputError(f"LLM URL {url!r} is not a URL: {e}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise BadInputError(f"LLM URL {url!r} must start with http:// or https:// and name a host, "
                            "e.g. http://127.0.0.1:8080/v1")
    path = parsed.path.rstrip("/")
    # A bare host means the usual /v1 prefix; any other path is kept as given (hosted APIs vary).
    return parsed.copy_with(path=path or "/v1")


def _env_number(name: str, default, kind):  # type: ignore[no-untyped-def]
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return kind(raw)
    except ValueError:
        raise BadInputError(f"{name}={raw!r} is not a number") from None


def _shown(url: httpx.URL) -> str:
    """The URL as safe to print: no user info, no query (either could carry a secret)."""
    return str(url.copy_with(username=None, password=None, query=None))


class OpenAICompatBackend:
    """Chat completions over HTTP with a JSON Schema response format."""

    name = "openai"

    def __init__(self, base_url: str | None = None, api_key: str | None = None, model: str | None = None,
                 timeout: float | None = None, retries: int | None = None):
        url = base_url or os.environ.get(ENV_URL)
        timeout = timeout if timeout is not None else _env_number(ENV_TIMEOUT, 120.0, float)
        retries = retries if retries is not None else _env_number(ENV_RETRIES, 2, int)
        if not timeout > 0:
            raise BadInputError(f"the LLM timeout must be more than 0 seconds, got {timeout}")
        if retries < 0:
            raise BadInputError(f"LLM retries must be 0 or more, got {retries}")
        self.retries = retries
        if not url:
            raise BadInputError(f"no LLM endpoint given: use openai:URL (e.g. openai:http://127.0.0.1:8080/v1) "
                                f"or set {ENV_URL}")
        self.base_url = _normalise_url(url)
        self._key = api_key if api_key is not None else os.environ.get(ENV_KEY)
        self.model = model or os.environ.get(ENV_MODEL) or None
        self.timeout = timeout
        self.usage = LLMUsage()
        self._format: str | None = None  # the first response format the server accepted
        headers = {"Authorization": f"Bearer {self._key}"} if self._key else {}
        self._client = httpx.Client(base_url=str(self.base_url).rstrip("/") + "/", headers=headers,
                                    timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)))

    @classmethod
    def from_spec(cls, arg: str | None) -> "OpenAICompatBackend":
        """``openai`` (URL from the environment) or ``openai:http://host:port/v1``."""
        return cls(base_url=arg or None)

    @property
    def version(self) -> str:
        # The model is known once configured or after the first call asked the server for it.
        return f"openai-compatible; {self.model or 'server default model'} @ {_shown(self.base_url)}"

    def requires(self) -> list[Requirement]:
        return [
            Requirement("package", "httpx", present=True),
            Requirement("network", _shown(self.base_url), hint=f"start an OpenAI-compatible server or set {ENV_URL}"),
        ]

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "OpenAICompatBackend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- HTTP ---------------------------------------------------------------------------------

    def _redact(self, text: str) -> str:
        return text.replace(self._key, "***") if self._key else text

    def _fail(self, message: str) -> BackendError:
        self.usage.failures += 1
        return BackendError(self._redact(message))

    def _send(self, method: str, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        where = f"{_shown(self.base_url)}/{path}"
        try:
            return self._client.request(method, path, json=body)
        except httpx.TimeoutException:
            raise self._fail(f"LLM endpoint {where} did not answer within {self.timeout:g} s; "
                             "is the model too big for this machine, or the timeout too short?") from None
        except httpx.ConnectError as e:
            raise self._fail(f"cannot reach LLM endpoint {where}: {e or 'connection failed'}; "
                             f"is the server running? (set the URL with openai:URL or {ENV_URL})") from None
        except httpx.HTTPError as e:
            raise self._fail(f"LLM endpoint {where} failed: {type(e).__name__}: {e}") from None

    def _wait(self, attempt: int, resp: httpx.Response | None) -> float:
        wait = BACKOFF_S * 2 ** attempt
        if resp is not None:
            try:
                wait = float(resp.headers.get("Retry-After", wait))
            except ValueError:
                pass
        return min(max(wait, 0.0), MAX_WAIT_S)

    def _send_retrying(self, method: str, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        """``_send``, tried again after a wait when the failure may pass (see the module docstring)."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                resp = self._send(method, path, body)
            except BackendError as e:
                if last:
                    raise BackendError(f"{e} ({attempt + 1} tries)" if attempt else str(e)) from None
                self.usage.failures -= 1  # counted once, for the try that ends the call
                time.sleep(self._wait(attempt, None))
                continue
            if resp.status_code in TRANSIENT and not last:
                time.sleep(self._wait(attempt, resp))
                continue
            return resp
        raise AssertionError("unreachable")

    def _check(self, resp: httpx.Response, path: str) -> None:
        where = f"{_shown(self.base_url)}/{path}"
        code = resp.status_code
        if code < 400:
            return
        detail = self._redact(" ".join(resp.text.split()))[:200]
        if code in (401, 403):
            raise self._fail(f"LLM endpoint {where} refused the API key (HTTP {code}); "
                             f"check {ENV_KEY}")
        if code == 404:
            raise self._fail(f"LLM endpoint {where} answered HTTP 404 ({detail or 'not found'}); "
                             f"check that the URL ends in the API prefix (usually /v1) and the model name "
                             f"({ENV_MODEL})")
        if code == 429:
            raise self._fail(f"LLM endpoint {where} is rate limiting (HTTP 429); wait or lower the request rate")
        raise self._fail(f"LLM endpoint {where} failed with HTTP {code}: {detail}")

    def _json(self, resp: httpx.Response, path: str) -> Any:
        try:
            return resp.json()
        except ValueError:
            raise self._fail(f"LLM endpoint {_shown(self.base_url)}/{path} did not answer JSON "
                             f"(HTTP {resp.status_code}); is this an OpenAI-compatible API?") from None

    def _model(self) -> str:
        """The configured model, else the first one the server lists (llama.cpp and vLLM serve one)."""
        if self.model:
            return self.model
        resp = self._send_retrying("GET", "models")
        self._check(resp, "models")
        data = self._json(resp, "models")
        try:
            self.model = str(data["data"][0]["id"])
        except (KeyError, IndexError, TypeError):
            raise self._fail(f"LLM endpoint {_shown(self.base_url)} lists no models; set {ENV_MODEL}") from None
        return self.model

    # -- the backend call --------------------------------------------------------------------

    @staticmethod
    def _response_format(kind: str, schema: dict) -> dict[str, Any] | None:
        if kind == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": "answer", "schema": schema, "strict": True}}
        if kind == "json_object_schema":
            return {"type": "json_object", "schema": schema}
        if kind == "json_object":
            return {"type": "json_object"}
        return None

    @staticmethod
    def _rejects_format(resp: httpx.Response) -> bool:
        """Whether the server turned the request down over its shape, so a plainer format may pass."""
        if resp.status_code in (400, 422):
            return True
        # llama-cpp-python's server answers a request validation error with HTTP 500.
        return resp.status_code == 500 and "response_format" in resp.text

    def complete_json(self, prompt: str, schema: dict, *, max_tokens: int, seed: int, temperature: float) -> str:
        body: dict[str, Any] = {
            "model": self._model(),
            "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}],
            "max_tokens": max_tokens,
            "temperature": temperature,
            "seed": seed,
        }
        kinds = [self._format] if self._format else list(FORMATS)
        started = time.perf_counter()
        resp: httpx.Response | None = None
        for kind in kinds:
            fmt = self._response_format(kind, schema)
            body.pop("response_format", None)
            if fmt is not None:
                body["response_format"] = fmt
            resp = self._send_retrying("POST", "chat/completions", body)
            if kind != kinds[-1] and self._rejects_format(resp):
                continue
            self._check(resp, "chat/completions")
            self._format = kind
            break
        assert resp is not None
        seconds = time.perf_counter() - started
        data = self._json(resp, "chat/completions")
        try:
            text = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise self._fail(f"LLM endpoint {_shown(self.base_url)}/chat/completions answered without "
                             "choices[0].message.content; is this an OpenAI-compatible API?") from None
        usage = data.get("usage") or {}
        self.usage.add(int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0), seconds)
        return text if isinstance(text, str) else ""
