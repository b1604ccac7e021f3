"""Drive headless Chromium over the Chrome DevTools protocol, with nothing but the stdlib.

Chromium's ``--remote-debugging-pipe`` reads protocol messages (JSON, each ended by NUL)
on file descriptor 3 and writes on 4; a shell maps our stdin/stdout pipes onto them. Used
by tests/test_explorer.py and benchmarks/bench_explorer.py.
"""

from __future__ import annotations

import base64
import contextlib
import json
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
#: Software WebGL (SwiftShader) for a headless browser without a GPU.
FLAGS = (
    "--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-default-browser-check", "--mute-audio", "--hide-scrollbars",
)  # fmt: skip


class Browser:
    """One headless Chromium with one page; ``errors`` collects console errors, uncaught
    exceptions and error log entries (CSP violations among them)."""

    def __init__(self, profile: Path, width: int = 1280, height: int = 800) -> None:
        assert CHROMIUM is not None, "no chromium"
        cmd = [
            "bash", "-c", 'exec "$@" 3<&0 4>&1 0</dev/null 1>/dev/null', "chromium",
            CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
            "--remote-debugging-pipe", "about:blank",
        ]  # fmt: skip
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self._id = 0
        self._replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.errors: list[str] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def _read(self) -> None:
        assert self.proc.stdout is not None
        buf = b""
        while chunk := self.proc.stdout.read1(65536):
            buf += chunk
            *messages, buf = buf.split(b"\0")
            for raw in messages:
                msg = json.loads(raw)
                if "id" in msg:
                    with self._lock:
                        box = self._replies.get(msg["id"])
                    if box is not None:
                        box.put(msg)
                else:
                    self._event(msg)

    def _event(self, msg: dict[str, Any]) -> None:
        method, params = msg.get("method"), msg.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(
                " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            )
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append(
                details.get("exception", {}).get("description") or details.get("text", "")
            )
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(params["entry"].get("text", ""))
        self.events.put(msg)

    def call(
        self, method: str, *, session: bool = False, timeout: float = 60, **params: Any
    ) -> dict[str, Any]:
        assert self.proc.stdin is not None
        with self._lock:
            self._id += 1
            ident = self._id
            box: queue.Queue[dict[str, Any]] = queue.Queue()
            self._replies[ident] = box
        msg: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        self.proc.stdin.write(json.dumps(msg).encode() + b"\0")
        self.proc.stdin.flush()
        reply = box.get(timeout=timeout)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def open(self, url: str, timeout: float = 60) -> float:
        """Navigate and wait for the load event; return the seconds it took."""
        while not self.events.empty():
            self.events.get_nowait()
        started = time.perf_counter()
        self.call("Page.navigate", session=True, url=url)
        deadline = started + timeout
        while True:
            msg = self.events.get(timeout=max(0.1, deadline - time.perf_counter()))
            if msg.get("method") == "Page.loadEventFired":
                return time.perf_counter() - started

    def eval(self, expression: str, timeout: float = 60) -> Any:
        """Value of a JavaScript expression in the page (promises awaited)."""
        result = self.call(
            "Runtime.evaluate",
            session=True,
            timeout=timeout,
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description"))
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20) -> Any:
        """Poll ``expression`` until it is truthy; return its value."""
        deadline = time.perf_counter() + timeout
        while True:
            value = self.eval(expression)
            if value or time.perf_counter() > deadline:
                return value
            time.sleep(0.05)

    def type_text(self, text: str) -> None:
        """Type into the focused element (as an IME would commit Chinese)."""
        self.call("Input.insertText", session=True, text=text)

    def key(self, key: str, code: str, keycode: int) -> None:
        for kind in ("keyDown", "keyUp"):
            self.call(
                "Input.dispatchKeyEvent",
                session=True,
                type=kind,
                key=key,
                code=code,
                windowsVirtualKeyCode=keycode,
            )

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.call("Browser.close", timeout=10)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
