"""Issue 6 through the real `uplink serve`: changes made with the admin API reach a test NAS (a UDP
socket in this process that ACKs, NAKs or stays silent) and, as the fallback, routeros-test-server;
every attempt shows in `GET /api/v1/customers/{id}/enforcement` and in `/metrics`. The NAS record's
RouterOS endpoint, password and TLS pin are set through `PUT /api/v1/nas/{id}`, and
`uplink routeros --router NAME` uses the stored pin against a TLS test server.

Run after `swift build --product uplink --product routeros-test-server`:
    UPLINK_BUILD_DIR=.build/debug python -m pytest Tests/Integration/test_enforcement_api.py
"""

import re
import sqlite3
import struct
import subprocess
import time

import pytest

from conftest import free_tcp_port
from test_coa_serve import (
    REFERENCE_DATE, SECRET, SESSION_ID, ControlledNAS, attributes, binary, fnv1a64, wait_until,
)
from test_http_api import call, login
from uplink_server import UplinkServer

USER = "api"
PASSWORD = "s3cret"
NAS = "localhost-v4"
MIKROTIK_VENDOR = 14988
MIKROTIK_RATE_LIMIT = 8


def start_router(*extra):
    process = subprocess.Popen(
        [str(binary("routeros-test-server")), "--port", "0", "--user", USER, "--password", PASSWORD, *extra],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    return process, int(process.stdout.readline())


def stop_router(process):
    process.stdin.close()
    assert process.wait(timeout=10) == 0


def open_session(data):
    """An open accounting session of std1 on the demo NAS, written before the server starts."""
    now = time.time() - REFERENCE_DATE
    db = sqlite3.connect(data / "uplink.sqlite")
    with db:
        nas_id = db.execute("SELECT id FROM nas WHERE name = ?", (NAS,)).fetchone()[0]
        subscriber_id, isp_id = db.execute("SELECT id, isp_id FROM subscribers WHERE username = 'std1'").fetchone()
        db.execute(
            """INSERT INTO sessions (nas_id, session_id, unique_id, isp_id, subscriber_id, username, started_at,
               updated_at, upload_bytes, download_bytes, input_packets, output_packets, session_time, framed_ip)
               VALUES (?, ?, ?, ?, ?, 'std1', ?, ?, 0, 0, 0, 0, 0, '10.10.0.5')""",
            (nas_id, SESSION_ID, fnv1a64(nas_id, SESSION_ID), isp_id, subscriber_id, now - 60, now - 10),
        )
    db.close()


class World:
    """A demo server whose NAS points at `nas` (CoA) and at a RouterOS API on `router_port`."""

    def __init__(self, server, token, nas):
        self.server, self.token, self.nas = server, token, nas
        status, _, body = call(server, "GET", "/api/v1/customers?q=std1", token)
        assert status == 200 and body["total"] == 1, body
        self.customer = body["items"][0]["id"]
        status, _, body = call(server, "GET", "/api/v1/nas", token)
        self.nas_record = next(item for item in body["items"] if item["name"] == NAS)

    def configure_nas(self, routeros, **extra):
        """PUT the NAS with this `routeros` object (and the API password); returns the response."""
        body = {
            "name": NAS, "address": self.nas_record["address"], "secret": SECRET.decode(), "coa_port": self.nas.port,
            "routeros": routeros, "routeros_password": PASSWORD, **extra,
        }
        status, _, answer = call(self.server, "PUT", f"/api/v1/nas/{self.nas_record['id']}", self.token, body)
        assert status == 200, answer
        assert PASSWORD not in str(answer)
        return answer

    def attempts(self):
        status, _, body = call(self.server, "GET", f"/api/v1/customers/{self.customer}/enforcement", self.token)
        assert status == 200, body
        return body["items"]

    def metric(self, name, **labels):
        """The value of one Prometheus sample with exactly these labels (in any order), or 0."""
        _, _, text = call(self.server, "GET", "/metrics")
        for line in text.splitlines():
            match = re.match(r"^" + name + r"\{([^}]*)\} (\S+)$", line)
            if match and dict(re.findall(r'(\w+)="([^"]*)"', match.group(1))) == labels:
                return float(match.group(2))
        return 0


@pytest.fixture
def world(tmp_path, request):
    """Demo data with std1 online, the test NAS, a router with std1 in /ppp/active, the server."""
    mode = getattr(request, "param", "ack")
    data = tmp_path / "data"
    loaded = subprocess.run([str(binary("uplink")), "demo", "--data", str(data)], capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    open_session(data)
    nas = ControlledNAS(mode)
    router, router_port = start_router("--ppp-active", "std1")
    server = UplinkServer(binary("uplink"), data, demo=False).start()
    try:
        built = World(server, login(server, "admin@ispbills.com"), nas)
        built.router_port = router_port
        built.data = data
        yield built
    finally:
        assert server.stop() == 0, server.stderr_text()
        nas.close()
        stop_router(router)


def ppp_active(port):
    printed = subprocess.run(
        [str(binary("uplink")), "routeros", "--router", f"127.0.0.1:{port}", "--user", USER, "--password", PASSWORD,
         "/ppp/active/print"], capture_output=True, text=True, timeout=60,
    )
    assert printed.returncode == 0, printed.stderr
    return [word[5:] for line in printed.stdout.splitlines() for word in line.split(" ") if word.startswith("name=")]


def test_suspension_disconnect_is_acked_and_visible(world):
    world.configure_nas({"host": "127.0.0.1", "port": world.router_port, "username": USER})
    status, _, body = call(world.server, "POST", f"/api/v1/customers/{world.customer}/suspend", world.token)
    assert status == 200, body

    request = world.nas.requests.get(timeout=30)
    assert request[0] == 40  # Disconnect-Request
    assert dict(attributes(request))[1] == b"std1"
    attempts = wait_until(world.attempts)
    assert [(a["method"], a["result"], a["trigger"], a["try_number"], a["fallback"]) for a in attempts] == [
        ("disconnect", "ack", "suspended", 1, False)]
    assert attempts[0]["session_id"] == SESSION_ID
    assert attempts[0]["nas_id"] == world.nas_record["id"]
    assert wait_until(lambda: world.metric("enforcement_attempts_total", method="disconnect", result="ack") == 1)
    assert world.metric("enforcement_events_total", action="disconnect", outcome="acknowledged") == 1
    assert ppp_active(world.router_port) == ["std1"]  # the NAS's job; the API was not needed


def test_manual_disconnect_is_logged_as_such(world):
    world.configure_nas({"host": "127.0.0.1", "port": world.router_port, "username": USER})
    status, _, report = call(world.server, "POST", f"/api/v1/customers/{world.customer}/disconnect", world.token)
    assert status == 200, report
    assert (report["requested"], report["acknowledged"]) == (1, 1)
    attempts = world.attempts()
    assert [(a["method"], a["result"], a["trigger"], a.get("event_id")) for a in attempts] == [
        ("disconnect", "ack", "manual_disconnect", None)]
    assert world.metric("enforcement_attempts_total", method="disconnect", result="ack") == 1


@pytest.mark.parametrize("world", ["nak"], indirect=True)
def test_nak_falls_back_to_the_routeros_api(world):
    world.configure_nas({"host": "127.0.0.1", "port": world.router_port, "username": USER})
    status, _, _ = call(world.server, "POST", f"/api/v1/customers/{world.customer}/suspend", world.token)
    assert status == 200

    attempts = wait_until(lambda: len(world.attempts()) == 2 and world.attempts())
    assert [(a["method"], a["result"], a["fallback"]) for a in attempts] == [
        ("api", "removed", True), ("disconnect", "nak", False)]
    assert attempts[1]["error_cause"] == 503
    assert ppp_active(world.router_port) == []
    assert wait_until(lambda: world.metric("enforcement_fallback_total", result="removed") == 1)
    assert world.metric("enforcement_attempts_total", method="api", result="removed") == 1


def test_package_change_sends_coa_with_the_new_rate_limit(world):
    world.configure_nas({"host": "127.0.0.1", "port": world.router_port, "username": USER})
    status, _, packages = call(world.server, "GET", "/api/v1/packages", world.token)
    basic = next(item["id"] for item in packages["items"] if item["name"] == "Basic")
    status, _, body = call(world.server, "POST", f"/api/v1/customers/{world.customer}/change-package", world.token,
                           {"package_id": basic})
    assert status == 200, body

    request = world.nas.requests.get(timeout=30)
    assert request[0] == 43  # CoA-Request
    vendor = [value for kind, value in attributes(request) if kind == 26]
    rate = [v[6:6 + v[5] - 2] for v in vendor if struct.unpack("!I", v[:4])[0] == MIKROTIK_VENDOR and v[4] == MIKROTIK_RATE_LIMIT]
    assert rate == [b"5M/5M"]
    attempts = wait_until(world.attempts)
    assert [(a["method"], a["result"], a["trigger"]) for a in attempts] == [("coa", "ack", "package_changed")]


@pytest.mark.parametrize("world", ["silent"], indirect=True)
def test_router_down_then_back_is_retried_until_disconnected(world):
    # The router is down: the NAS does not answer and nothing listens on its API port.
    world.configure_nas({"host": "127.0.0.1", "port": free_tcp_port(), "username": USER})
    status, _, _ = call(world.server, "POST", f"/api/v1/customers/{world.customer}/suspend", world.token)
    assert status == 200

    first = wait_until(lambda: len(world.attempts()) >= 2 and world.attempts(), timeout=60)
    assert [(a["method"], a["result"], a["try_number"]) for a in first] == [("api", "error", 1), ("disconnect", "timeout", 1)]
    assert first[1]["transmissions"] == 4
    assert wait_until(lambda: world.metric("enforcement_retries_total", action="disconnect") == 1)

    world.nas.mode = "ack"  # the router is back
    done = wait_until(lambda: world.attempts()[0]["result"] == "ack" and world.attempts(), timeout=60)
    assert (done[0]["method"], done[0]["try_number"]) == ("disconnect", 2)
    assert wait_until(lambda: world.metric("enforcement_events_total", action="disconnect", outcome="acknowledged") == 1)


def make_certificate(directory):
    key, cert = directory / "key.pem", directory / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=localhost"],
        check=True, capture_output=True,
    )
    printed = subprocess.run(["openssl", "x509", "-in", str(cert), "-noout", "-fingerprint", "-sha256"],
                             check=True, capture_output=True, text=True).stdout
    return cert, key, printed.strip().split("=", 1)[1]


def test_tls_pin_from_the_nas_api_is_used_by_the_cli(world, tmp_path):
    cert, key, fingerprint = make_certificate(tmp_path)
    router, port = start_router("--tls-cert", str(cert), "--tls-key", str(key))
    try:
        def identity():
            return subprocess.run(
                [str(binary("uplink")), "routeros", "--data", str(world.data), "--router", NAS, "/system/identity/print"],
                capture_output=True, text=True, timeout=60,
            )

        answer = world.configure_nas(
            {"host": "127.0.0.1", "port": port, "username": USER, "use_tls": True, "tls_pin_sha256": fingerprint})
        assert answer["routeros"]["tls_pin_sha256"] == fingerprint.replace(":", "").lower()
        assert answer["has_routeros_password"] is True
        matched = identity()
        assert matched.returncode == 0, matched.stderr
        assert "name=MikroTik" in matched.stdout

        world.configure_nas({"host": "127.0.0.1", "port": port, "username": USER, "use_tls": True,
                             "tls_pin_sha256": "ab" * 32})
        refused = identity()
        assert refused.returncode == 3
        assert "does not match the pinned SHA-256 fingerprint" in refused.stderr
        assert fingerprint in refused.stderr
        assert PASSWORD not in refused.stderr
    finally:
        stop_router(router)
