"""`uplink routeros` (one API command, replies printed) against routeros-test-server.

Run after `swift build --product uplink --product routeros-test-server`:
    UPLINK_BUILD_DIR=.build/debug python -m pytest Tests/Integration/test_routeros_cli.py
"""

import os
import pathlib
import subprocess
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
USER = "api"
PASSWORD = "s3cret"


def binary(name):
    build_dir = pathlib.Path(os.environ.get("UPLINK_BUILD_DIR", ".build/debug"))
    if not build_dir.is_absolute():
        build_dir = ROOT / build_dir
    path = build_dir / name
    assert path.exists(), f"{path} missing: build it first"
    return str(path)


class Server:
    def __init__(self, *extra):
        self.process = subprocess.Popen(
            [binary("routeros-test-server"), "--port", "0", "--user", USER, "--password", PASSWORD, *extra],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        self.port = int(self.process.stdout.readline())

    def stop(self):
        self.process.stdin.close()
        assert self.process.wait(timeout=10) == 0


@pytest.fixture
def server():
    running = Server()
    yield running
    running.stop()


def uplink(server, *words, password=PASSWORD, extra=()):
    env = dict(os.environ, UPLINK_ROUTEROS_PASSWORD=password)
    return subprocess.run(
        [binary("uplink"), "routeros", "--router", f"127.0.0.1:{server.port}", "--user", USER, *extra, *words],
        capture_output=True, text=True, env=env, timeout=60,
    )


def test_add_then_print_with_query_and_proplist(server):
    added = uplink(server, "/ppp/secret/add", "name=alice", "=password=pw", "=comment=cust 1001")
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines() == ["!done ret=*1"]
    uplink(server, "/ppp/secret/add", "name=bob", "=password=pw")
    printed = uplink(server, "/ppp/secret/print", "?name=alice", ".proplist=.id,name,comment")
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.splitlines() == ['!re .id=*1 comment="cust 1001" name=alice', "!done"]


def test_trap_is_exit_1_with_message(server):
    uplink(server, "/ppp/secret/add", "name=alice")
    again = uplink(server, "/ppp/secret/add", "name=alice")
    assert again.returncode == 1
    assert "failure: already have such entry" in again.stderr
    unknown = uplink(server, "/interface/bogus/print")
    assert unknown.returncode == 1
    assert "no such command" in unknown.stderr


def test_failed_login_is_exit_2_and_hides_the_password(server):
    result = uplink(server, "/system/identity/print", password="wrong-secret")
    assert result.returncode == 2
    assert "login failed" in result.stderr
    assert "wrong-secret" not in result.stderr + result.stdout


def test_legacy_login(server):
    result = uplink(server, "/system/identity/print", extra=("--login", "challenge"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["!re name=MikroTik", "!done"]


def test_unreachable_router_is_exit_3():
    probe = Server()
    probe.stop()
    result = subprocess.run(
        [binary("uplink"), "routeros", "--router", f"127.0.0.1:{probe.port}", "/system/identity/print"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 3
    assert "cannot connect" in result.stderr


def test_tls_pinning_and_insecure():
    with tempfile.TemporaryDirectory() as directory:
        cert, key = f"{directory}/cert.pem", f"{directory}/key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost"],
            check=True, capture_output=True,
        )
        fingerprint = subprocess.run(
            ["openssl", "x509", "-in", cert, "-noout", "-fingerprint", "-sha256"],
            check=True, capture_output=True, text=True,
        ).stdout.strip().split("=", 1)[1]
        running = Server("--tls-cert", cert, "--tls-key", key)
        try:
            pinned = uplink(running, "/system/identity/print", extra=("--tls", "--fingerprint", fingerprint))
            assert pinned.returncode == 0, pinned.stderr
            assert pinned.stdout.splitlines()[0] == "!re name=MikroTik"
            wrong = uplink(running, "/system/identity/print", extra=("--tls", "--fingerprint", "AB" * 32))
            assert wrong.returncode == 3
            assert "TLS" in wrong.stderr
            verified = uplink(running, "/system/identity/print", extra=("--tls",))
            assert verified.returncode == 3
            insecure = uplink(running, "/system/identity/print", extra=("--tls", "--insecure"))
            assert insecure.returncode == 0, insecure.stderr
        finally:
            running.stop()
