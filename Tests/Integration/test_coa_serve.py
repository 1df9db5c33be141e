"""`uplink serve` end to end (issue 6): the expiry timer, the enforcement service and the RFC 5176
client inside the real binary, against a test NAS (a UDP socket in this process answering
Disconnect-ACK) and routeros-test-server, all on loopback with OS-chosen ports.

Set-up edits the demo database before the server starts (the admin API that would do this is
written elsewhere): the demo NAS gets a CoA port, a RouterOS endpoint and mirror mode, `std1` gets
an open session and a paid period that has just ended. On start the timer applies the due expiry,
the engine writes a Disconnect event, and the server must send it to the NAS; the mirror must show
the active subscribers, without the expired one.

Run after `swift build --product uplink --product routeros-test-server`:
    UPLINK_BUILD_DIR=.build/debug python -m pytest Tests/Integration/test_coa_serve.py
"""

import hashlib
import json
import os
import pathlib
import queue
import socket
import sqlite3
import struct
import subprocess
import threading
import time

import pytest

from uplink_server import UplinkServer

ROOT = pathlib.Path(__file__).resolve().parents[2]
SECRET = b"testing123"
USER = "api"
PASSWORD = "s3cret"
NAS = "localhost-v4"
SESSION_ID = "81000001"
REFERENCE_DATE = 978307200  # 2001-01-01, the epoch of the stored REAL timestamps


def binary(name):
    build_dir = pathlib.Path(os.environ.get("UPLINK_BUILD_DIR", ".build/debug"))
    if not build_dir.is_absolute():
        build_dir = ROOT / build_dir
    path = build_dir / name
    assert path.exists(), f"{path} missing: build it first"
    return path


def attributes(packet):
    """(type, value) pairs of a RADIUS packet."""
    result, offset = [], 20
    length = struct.unpack("!H", packet[2:4])[0]
    while offset + 2 <= length:
        kind, size = packet[offset], packet[offset + 1]
        result.append((kind, packet[offset + 2:offset + size]))
        offset += size
    return result


ERROR_CAUSE = 101


class ControlledNAS:
    """`/radius incoming` of a router: verifies each request (RFC 5176 §2.3) and answers as told:
    `ack`, `nak` (Error-Cause 503 Session-Context-Not-Found) or `silent`."""

    def __init__(self, mode="ack"):
        self.mode = mode
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.requests = queue.Queue()
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                packet, peer = self.socket.recvfrom(4096)
            except OSError:
                return
            code, identifier, length = packet[0], packet[1], struct.unpack("!H", packet[2:4])[0]
            if packet[4:20] != hashlib.md5(packet[:4] + bytes(16) + packet[20:length] + SECRET).digest():
                continue
            self.requests.put(packet[:length])
            if self.mode == "silent":
                continue
            body = b"" if self.mode == "ack" else bytes([ERROR_CAUSE, 6]) + struct.pack("!I", 503)
            answer = bytes([code + (1 if self.mode == "ack" else 2), identifier]) + struct.pack("!H", 20 + len(body))
            authenticator = hashlib.md5(answer + packet[4:20] + body + SECRET).digest()
            self.socket.sendto(answer + authenticator + body, peer)

    def close(self):
        self.socket.close()


def fnv1a64(nas_id, session_id):
    value = 0xCBF29CE484222325
    for byte in str(nas_id).encode() + b"\0" + session_id.encode():
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def prepare(data, nas_port, router_port):
    now = time.time() - REFERENCE_DATE
    db = sqlite3.connect(data / "uplink.sqlite")
    with db:
        nas_id, body = db.execute("SELECT id, body FROM nas WHERE name = ?", (NAS,)).fetchone()
        record = json.loads(body)
        record["coaPort"] = nas_port
        record["routerOS"] = {"host": "127.0.0.1", "port": router_port, "username": USER, "useTLS": False}
        record["secrets"]["routerOSPassword"] = PASSWORD
        record["secretMirror"] = "mirror"
        db.execute("UPDATE nas SET body = ? WHERE id = ?", (json.dumps(record), nas_id))
        subscriber_id, isp_id = db.execute("SELECT id, isp_id FROM subscribers WHERE username = 'std1'").fetchone()
        db.execute("UPDATE subscribers SET expires_at = ? WHERE id = ?", (now - 5, subscriber_id))
        db.execute(
            """INSERT INTO sessions (nas_id, session_id, unique_id, isp_id, subscriber_id, username, started_at,
               updated_at, upload_bytes, download_bytes, input_packets, output_packets, session_time, framed_ip)
               VALUES (?, ?, ?, ?, ?, 'std1', ?, ?, 0, 0, 0, 0, 0, '10.10.0.5')""",
            (nas_id, SESSION_ID, fnv1a64(nas_id, SESSION_ID), isp_id, subscriber_id, now - 60, now - 10),
        )
    db.close()


def wait_until(condition, timeout=30.0):
    """Polls `condition` (a cheap read of another process's state) until true or the deadline."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


def outcome(data):
    db = sqlite3.connect(data / "uplink.sqlite")
    try:
        # the demo build queues events of its own (suspended1, expired1); this test is about std1
        return db.execute("SELECT trigger, action, outcome FROM enforcement_events WHERE username = 'std1'").fetchall()
    finally:
        db.close()


def secrets(router_port):
    printed = subprocess.run(
        [str(binary("uplink")), "routeros", "--router", f"127.0.0.1:{router_port}", "--user", USER,
         "--password", PASSWORD, "/ppp/secret/print"],
        capture_output=True, text=True, timeout=60,
    )
    assert printed.returncode == 0, printed.stderr
    return sorted(word[5:] for line in printed.stdout.splitlines() for word in line.split(" ") if word.startswith("name="))


@pytest.fixture
def router():
    process = subprocess.Popen(
        [str(binary("routeros-test-server")), "--port", "0", "--user", USER, "--password", PASSWORD],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    port = int(process.stdout.readline())
    yield port
    process.stdin.close()
    assert process.wait(timeout=10) == 0


def test_expiry_disconnects_through_the_nas_and_the_mirror_follows(tmp_path, router):
    data = tmp_path / "data"
    loaded = subprocess.run([str(binary("uplink")), "demo", "--data", str(data)], capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    nas = ControlledNAS()
    prepare(data, nas.port, router)
    server = UplinkServer(binary("uplink"), data, demo=False).start()
    try:
        request = nas.requests.get(timeout=30)
        assert request[0] == 40  # Disconnect-Request
        values = dict(attributes(request))
        assert values[1] == b"std1"                          # User-Name
        assert values[44] == SESSION_ID.encode()             # Acct-Session-Id
        assert values[8] == socket.inet_aton("10.10.0.5")    # Framed-IP-Address
        assert values[4] == socket.inet_aton("127.0.0.1")    # NAS-IP-Address (the API host: the NAS is a range)
        assert attributes(request)[0][0] == 80               # Message-Authenticator first

        assert wait_until(lambda: outcome(data) == [("expired", "disconnect", "acknowledged")]), outcome(data)
        assert wait_until(lambda: secrets(router) == ["basic1", "premium1"]), secrets(router)
    finally:
        assert server.stop() == 0, server.stderr_text()
        nas.close()
