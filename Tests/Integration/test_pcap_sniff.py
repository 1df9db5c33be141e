"""`uplink sniff -i lo`: live capture of the traffic this test itself sends to the demo server
with `uplink radius test`. Capturing needs root or CAP_NET_RAW; without it the test is skipped
with the reason uplink gives."""
import json
import os
import select
import signal
import subprocess
import time

import pytest

from conftest import REPO

DICTIONARY = REPO / "dictionaries"
SECRET = "testing123"


@pytest.fixture(autouse=True)
def demo_data_directory(tmp_path):
    """The `demo_server` fixture writes its log into tmp_path/data before uplink creates that
    directory; create it first (autouse fixtures run before the others)."""
    (tmp_path / "data").mkdir(exist_ok=True)


class Sniffer:
    def __init__(self, binary, *args):
        self.process = subprocess.Popen(
            [str(binary), "sniff", "-i", "lo", "--dictionary", str(DICTIONARY), *map(str, args)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        )
        self.stderr = b""

    def wait_until_capturing(self, timeout=60.0):
        """Reads stderr until uplink says it is capturing; skips the test without permission."""
        deadline = time.monotonic() + timeout
        while b"capturing on lo" not in self.stderr:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"sniff did not start: {self.stderr!r}"
            readable, _, _ = select.select([self.process.stderr], [], [], remaining)
            if readable:
                chunk = os.read(self.process.stderr.fileno(), 4096)
                if not chunk:
                    code = self.process.wait()
                    text = self.stderr.decode(errors="replace")
                    if "ermission" in text or "not permitted" in text:
                        pytest.skip(f"no capture permission on lo: {text.strip()}")
                    pytest.fail(f"sniff exited with {code} before capturing: {text}")
                self.stderr += chunk

    def finish(self, timeout=60.0):
        out, err = self.process.communicate(timeout=timeout)
        self.stderr += err
        return self.process.returncode, [json.loads(line) for line in out.decode().splitlines()]

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def test_sniff_loopback_login(uplink_binary, demo_server):
    sniffer = Sniffer(uplink_binary, "--port", demo_server.auth_port, "--secret", SECRET, "--count", 2)
    try:
        sniffer.wait_until_capturing()
        login = subprocess.run(
            [str(uplink_binary), "radius", "test", "basic1", "basic1pass", f"127.0.0.1:{demo_server.auth_port}",
             SECRET, "--method", "pap", "--dictionary", str(DICTIONARY)],
            capture_output=True, text=True, timeout=60)
        assert login.returncode == 0, login.stderr
        code, lines = sniffer.finish()
    finally:
        sniffer.kill()
    assert code == 0, sniffer.stderr
    request, accept = lines
    assert (request["code_name"], accept["code_name"]) == ("Access-Request", "Access-Accept")
    assert request["id"] == accept["id"]
    assert request["dport"] == demo_server.auth_port and accept["sport"] == demo_server.auth_port
    assert request["src"] == request["dst"] == "127.0.0.1"
    assert accept["request_frame"] == request["frame"]
    assert request["message_authenticator_valid"] is True
    assert accept["authenticator_valid"] is True and accept["message_authenticator_valid"] is True
    attributes = {a["name"]: a["value"] for a in request["attributes"]}
    assert attributes["User-Name"] == "basic1"
    assert attributes["User-Password"] == "basic1pass"  # revealed with the secret (RFC 2865 §5.2)
    assert float(accept["time"]) >= float(request["time"])
    # The reply printed by `radius test` is the one captured.
    assert json.loads(login.stdout)["authenticator"] == accept["authenticator"]


def test_sniff_stops_on_sigint(uplink_binary):
    sniffer = Sniffer(uplink_binary, "--port", 1)
    try:
        sniffer.wait_until_capturing()
        sniffer.process.send_signal(signal.SIGINT)
        code, lines = sniffer.finish()
    finally:
        sniffer.kill()
    assert code == 0, sniffer.stderr
    assert lines == []


def test_sniff_unknown_interface(uplink_binary):
    result = subprocess.run([str(uplink_binary), "sniff", "-i", "no-such-if0", "--dictionary", str(DICTIONARY)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot capture on no-such-if0"), result.stderr
