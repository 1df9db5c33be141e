"""The RouterOS API test server (`routeros-test-server`) driven by two independent Python clients,
librouteros (PyPI librouteros 4.x) and RouterOS-api (import routeros_api), to show it speaks what
real clients speak: both login styles, add/print/set/remove, queries, .proplist, traps, !fatal,
!empty and API-SSL.

Run after `swift build --product routeros-test-server`:
    UPLINK_BUILD_DIR=.build/debug python -m pytest Tests/Integration/test_routeros_clients.py
"""

import os
import pathlib
import ssl
import subprocess
import tempfile

import librouteros
import pytest
import routeros_api
from librouteros.exceptions import FatalError, TrapError
from librouteros.login import plain, token
from librouteros.query import Key
from routeros_api.exceptions import RouterOsApiCommunicationError

USER = "api"
PASSWORD = "s3cret"
ROOT = pathlib.Path(__file__).resolve().parents[2]


def server_binary():
    build_dir = pathlib.Path(os.environ.get("UPLINK_BUILD_DIR", ".build/debug"))
    if not build_dir.is_absolute():
        build_dir = ROOT / build_dir
    binary = build_dir / "routeros-test-server"
    assert binary.exists(), f"{binary} missing: run `swift build --product routeros-test-server` first"
    return binary


class Server:
    """A running routeros-test-server on 127.0.0.1; stops when its stdin closes."""

    def __init__(self, *extra):
        self.process = subprocess.Popen(
            [str(server_binary()), "--port", "0", "--user", USER, "--password", PASSWORD, *extra],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        line = self.process.stdout.readline()
        assert line, "routeros-test-server printed no port"
        self.port = int(line)

    def stop(self):
        self.process.stdin.close()
        assert self.process.wait(timeout=10) == 0


@pytest.fixture
def server():
    running = Server()
    yield running
    running.stop()


def connect(server, login_method=plain):
    return librouteros.connect("127.0.0.1", USER, PASSWORD, port=server.port, login_method=login_method, timeout=10)


# librouteros


@pytest.mark.parametrize("login_method", [plain, token], ids=["plain", "legacy-challenge"])
def test_librouteros_login_both_styles(server, login_method):
    api = connect(server, login_method)
    assert list(api.path("system", "identity")) == [{"name": "MikroTik"}]
    api.close()


def test_librouteros_failed_login(server):
    with pytest.raises(TrapError) as raised:
        librouteros.connect("127.0.0.1", USER, "wrong", port=server.port, login_method=plain, timeout=10)
    assert "invalid user name or password" in raised.value.message


def test_librouteros_secret_lifecycle(server):
    api = connect(server)
    secrets = api.path("ppp", "secret")
    alice = secrets.add(name="alice", password="pw", profile="plan-10M", disabled="yes", comment="uplink:1")
    bob = secrets.add(name="bob", password="pw", profile="plan-20M")
    assert (alice, bob) == ("*1", "*2")
    rows = list(secrets)
    assert [row["name"] for row in rows] == ["alice", "bob"]
    assert rows[0][".id"] == "*1" and rows[0]["disabled"] is True

    secrets.update(**{".id": alice, "profile": "plan-50M", "disabled": "no"})
    name, profile = Key("name"), Key("profile")
    changed = list(secrets.select(name, profile).where(name == "alice"))
    assert changed == [{"name": "alice", "profile": "plan-50M"}]

    secrets.remove(alice)
    assert [row["name"] for row in secrets] == ["bob"]
    api.close()


def test_librouteros_queries(server):
    api = connect(server)
    secrets = api.path("ppp", "secret")
    for name, profile in [("a", "gold"), ("b", "silver"), ("c", "bronze")]:
        secrets.add(name=name, password="x", profile=profile)
    name, profile = Key("name"), Key("profile")
    assert [r["name"] for r in secrets.select(name).where(profile.In("gold", "silver"))] == ["a", "b"]
    assert [r["name"] for r in secrets.select(name).where(profile != "gold")] == ["b", "c"]
    api.close()


def test_librouteros_traps(server):
    api = connect(server)
    secrets = api.path("ppp", "secret")
    secrets.add(name="alice", password="x")
    with pytest.raises(TrapError) as duplicate:
        secrets.add(name="alice", password="y")
    assert duplicate.value.message == "failure: already have such entry"
    assert duplicate.value.category == 1
    with pytest.raises(TrapError) as unknown:
        tuple(api.rawCmd("/interface/bogus/print"))
    assert "no such command" in unknown.value.message
    with pytest.raises(TrapError):
        secrets.remove("*FF")
    api.close()


def test_librouteros_quit_is_fatal_with_bare_reason(server):
    api = connect(server)
    with pytest.raises(FatalError) as fatal:
        tuple(api.rawCmd("/quit"))
    assert "session terminated on request" in str(fatal.value)


# RouterOS-api (routeros_api): tags every command, `=key` for empty values


def pool_for(server, **options):
    return routeros_api.RouterOsApiPool("127.0.0.1", username=USER, password=PASSWORD, port=server.port, **options)


@pytest.mark.parametrize("plaintext", [True, False], ids=["plain", "legacy-challenge"])
def test_routeros_api_login_both_styles(server, plaintext):
    pool = pool_for(server, plaintext_login=plaintext)
    api = pool.get_api()
    assert api.get_resource("/system/identity").get() == [{"name": "MikroTik"}]
    pool.disconnect()


def test_routeros_api_secret_lifecycle_and_queries(server):
    pool = pool_for(server, plaintext_login=True)
    secrets = pool.get_api().get_resource("/ppp/secret")
    added = secrets.add(name="alice", password="pw", profile="plan-10M")
    assert added.done_message["ret"] == "*1"
    secrets.add(name="bob", password="pw", profile="plan-20M", comment="")
    assert [row["name"] for row in secrets.get(profile="plan-20M")] == ["bob"]
    assert secrets.get(name="bob")[0]["comment"] == ""

    secrets.set(id="*1", profile="plan-50M")
    assert secrets.get(name="alice")[0]["profile"] == "plan-50M"
    detailed = secrets.detailed_get(name="alice")
    assert detailed[0]["id"] == "*1"

    secrets.remove(id="*1")
    assert [row["name"] for row in secrets.get()] == ["bob"]
    pool.disconnect()


def test_routeros_api_trap(server):
    pool = pool_for(server, plaintext_login=True)
    secrets = pool.get_api().get_resource("/ppp/secret")
    secrets.add(name="alice", password="x")
    with pytest.raises(RouterOsApiCommunicationError) as raised:
        secrets.add(name="alice", password="y")
    assert b"already have such entry" in raised.value.original_message
    pool.disconnect()


def test_routeros_api_empty_reply():
    running = Server("--empty")
    try:
        pool = pool_for(running, plaintext_login=True)
        assert pool.get_api().get_resource("/ip/pool").get() == []
        pool.disconnect()
        api = connect(running)
        assert list(api.path("ip", "pool")) == []
        api.close()
    finally:
        running.stop()


def test_routeros_api_over_tls():
    with tempfile.TemporaryDirectory() as directory:
        cert, key = f"{directory}/cert.pem", f"{directory}/key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=IP:127.0.0.1"],
            check=True, capture_output=True,
        )
        running = Server("--tls-cert", cert, "--tls-key", key)
        try:
            context = ssl.create_default_context(cafile=cert)
            pool = pool_for(running, plaintext_login=True, use_ssl=True, ssl_context=context)
            assert pool.get_api().get_resource("/system/identity").get() == [{"name": "MikroTik"}]
            pool.disconnect()
        finally:
            running.stop()
