"""Starts the real `uplink serve` binary on loopback for a test and stops it afterwards.

`uplink serve --ready-json` prints one JSON line on stdout once every listener is bound:
{"event": "ready", "auth_port": N, "acct_port": N, "http_port": N}. Ports are 0 on the
command line, so the OS picks free ones and parallel tests never collide.
"""
import json
import os
import pathlib
import select
import signal
import subprocess
import time


class UplinkServer:
    def __init__(self, binary: pathlib.Path, data_dir: pathlib.Path, demo: bool = True,
                 extra_args=(), config: pathlib.Path | None = None):
        self.binary = binary
        self.data_dir = data_dir
        self.demo = demo
        self.extra_args = list(extra_args)
        self.config = config
        self.process: subprocess.Popen | None = None
        self.ready: dict = {}
        self.stderr_path = data_dir / "uplink.stderr.log"

    @property
    def auth_port(self) -> int:
        return self.ready["auth_port"]

    @property
    def acct_port(self) -> int:
        return self.ready["acct_port"]

    @property
    def http_port(self) -> int:
        return self.ready["http_port"]

    def start(self, timeout: float = 60.0) -> "UplinkServer":
        args = [str(self.binary), "serve", "--data", str(self.data_dir), "--bind", "127.0.0.1",
                "--auth-port", "0", "--acct-port", "0", "--http-port", "0", "--ready-json"]
        if self.config is not None:
            args += ["--config", str(self.config)]
        if self.demo:
            args.append("--demo")
        args += self.extra_args
        repo = pathlib.Path(__file__).resolve().parents[2]
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.stderr_file = open(self.stderr_path, "wb")
        self.process = subprocess.Popen(args, cwd=repo, stdout=subprocess.PIPE,
                                        stderr=self.stderr_file, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        buffer = b""
        while b"\n" not in buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stop()
                raise TimeoutError(f"uplink did not get ready in {timeout}s; stderr:\n{self.stderr_text()}")
            readable, _, _ = select.select([self.process.stdout], [], [], remaining)
            if readable:
                chunk = os.read(self.process.stdout.fileno(), 4096)
                if not chunk:
                    code = self.process.wait()
                    raise RuntimeError(f"uplink exited with {code} before ready; stderr:\n{self.stderr_text()}")
                buffer += chunk
        line = buffer.split(b"\n", 1)[0]
        self.ready = json.loads(line)
        assert self.ready.get("event") == "ready", line
        return self

    def stderr_text(self) -> str:
        try:
            return self.stderr_path.read_text(errors="replace")[-8000:]
        except OSError:
            return ""

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM and wait; returns the exit code (0 on a graceful stop)."""
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.stderr_file.close()
        code = self.process.returncode
        self.process = None
        return code
