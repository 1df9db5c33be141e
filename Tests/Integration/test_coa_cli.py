"""`uplink routeros sync` and `uplink routeros fallback-script` (issue 6, secret fallback) against
routeros-test-server, on a demo database.

The admin API that configures a router's RouterOS endpoint is written elsewhere; until it lands,
the test gives the demo NAS its endpoint, API password and mirror mode by editing the NAS row of
the test database directly (the row body is the NAS record as JSON).

Run after `swift build --product uplink --product routeros-test-server`:
    UPLINK_BUILD_DIR=.build/debug python -m pytest Tests/Integration/test_coa_cli.py
"""

import json
import os
import pathlib
import sqlite3
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
USER = "api"
PASSWORD = "s3cret"
NAS = "localhost-v4"


def binary(name):
    build_dir = pathlib.Path(os.environ.get("UPLINK_BUILD_DIR", ".build/debug"))
    if not build_dir.is_absolute():
        build_dir = ROOT / build_dir
    path = build_dir / name
    assert path.exists(), f"{path} missing: build it first"
    return str(path)


def uplink(*words, data):
    env = {k: v for k, v in os.environ.items() if k != "UPLINK_ROUTEROS_PASSWORD"}
    return subprocess.run(
        [binary("uplink"), *words, "--data", str(data)], capture_output=True, text=True, env=env, timeout=120,
    )


@pytest.fixture
def router():
    process = subprocess.Popen(
        [binary("routeros-test-server"), "--port", "0", "--user", USER, "--password", PASSWORD],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    port = int(process.stdout.readline())
    yield port
    process.stdin.close()
    assert process.wait(timeout=10) == 0


@pytest.fixture
def data(tmp_path):
    directory = tmp_path / "data"
    loaded = subprocess.run([binary("uplink"), "demo", "--data", str(directory)], capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    return directory


def configure_nas(data, port, mirror=True):
    """Stores the RouterOS endpoint, API password and mirror mode on the demo NAS."""
    db = sqlite3.connect(data / "uplink.sqlite")
    with db:
        (body,) = db.execute("SELECT body FROM nas WHERE name = ?", (NAS,)).fetchone()
        record = json.loads(body)
        record["routerOS"] = {"host": "127.0.0.1", "port": port, "username": USER, "useTLS": False}
        record["secrets"]["routerOSPassword"] = PASSWORD
        record["secretMirror"] = "mirror" if mirror else "off"
        db.execute("UPDATE nas SET body = ? WHERE name = ?", (json.dumps(record), NAS))
    db.close()


def secrets_on_router(port, data):
    """`/ppp/secret` as the router prints it: name → properties."""
    printed = subprocess.run(
        [binary("uplink"), "routeros", "--router", f"127.0.0.1:{port}", "--user", USER, "--password", PASSWORD,
         "--data", str(data), "/ppp/secret/print"],
        capture_output=True, text=True, timeout=60,
    )
    assert printed.returncode == 0, printed.stderr
    rows = {}
    for line in printed.stdout.splitlines():
        if not line.startswith("!re "):
            continue
        fields = dict(word.split("=", 1) for word in line[4:].split(" ") if "=" in word)
        rows[fields["name"]] = fields
    return rows


def test_dry_run_prints_the_plan_and_changes_nothing(data, router):
    configure_nas(data, router)
    planned = uplink("routeros", "sync", "--router", NAS, "--dry-run", data=data)
    assert planned.returncode == 0, planned.stderr
    lines = planned.stdout.splitlines()
    assert "+ /ppp/profile uplink-Standard rate-limit=10M/10M" in lines
    assert any(line.startswith("+ /ppp/secret std1 profile=uplink-Standard") for line in lines)
    assert lines[-1] == "6 to add, 0 to change, 0 to remove, 0 unchanged, 0 conflicts"
    assert "std1pass" not in planned.stdout
    assert secrets_on_router(router, data) == {}


def test_sync_mirrors_then_second_sync_changes_nothing(data, router):
    configure_nas(data, router)
    first = uplink("routeros", "sync", "--router", NAS, data=data)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == "done: 6 added, 0 changed, 0 removed, 0 unchanged"
    secrets = secrets_on_router(router, data)
    assert set(secrets) == {"basic1", "std1", "premium1"}
    assert secrets["std1"]["profile"] == "uplink-Standard"
    assert secrets["std1"]["password"] == "std1pass"
    assert secrets["std1"]["disabled"] in ("yes", "true")
    assert secrets["std1"]["comment"].startswith("uplink:subscriber=")
    assert secrets["premium1"]["remote-address"] == "10.10.0.10"

    second = uplink("routeros", "sync", "--router", NAS, data=data)
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines() == ["0 to add, 0 to change, 0 to remove, 6 unchanged, 0 conflicts"]


def test_mirror_off_removes_what_uplink_put_there(data, router):
    configure_nas(data, router)
    assert uplink("routeros", "sync", "--router", NAS, data=data).returncode == 0
    configure_nas(data, router, mirror=False)
    cleaned = uplink("routeros", "sync", "--router", NAS, data=data)
    assert cleaned.returncode == 0, cleaned.stderr
    assert "not in mirror mode" in cleaned.stdout
    assert cleaned.stdout.splitlines()[-1] == "done: 0 added, 0 changed, 6 removed, 0 unchanged"
    assert secrets_on_router(router, data) == {}


def test_run_resolves_a_router_name_from_the_database(data, router):
    configure_nas(data, router)
    identity = uplink("routeros", "--router", NAS, "/system/identity/print", data=data)
    assert identity.returncode == 0, identity.stderr
    assert identity.stdout.splitlines() == ["!re name=MikroTik", "!done"]


def test_sync_errors_are_clear(data, tmp_path):
    unknown = uplink("routeros", "sync", "--router", "nosuch", data=data)
    assert unknown.returncode != 0
    assert "no router called nosuch" in unknown.stderr
    no_endpoint = uplink("routeros", "sync", "--router", NAS, data=data)
    assert no_endpoint.returncode != 0
    assert "no RouterOS API endpoint" in no_endpoint.stderr
    empty = uplink("routeros", "sync", "--router", NAS, data=tmp_path / "empty")
    assert empty.returncode != 0
    assert "no database" in empty.stderr
    assert not (tmp_path / "empty").exists()


def test_fallback_script(data):
    script = uplink("routeros", "fallback-script", "--router", NAS, "--radius-address", "192.0.2.5", data=data)
    assert script.returncode == 0, script.stderr
    lines = script.stdout.splitlines()
    assert '/tool netwatch remove [find comment="uplink-radius-fallback"]' in lines
    assert any(line.startswith("/tool netwatch add host=192.0.2.5 interval=10s") for line in lines)
    assert any('/ppp secret enable [find comment~\\"^uplink:\\"]' in line for line in lines)
    assert any('/ppp secret disable [find comment~\\"^uplink:\\"]' in line for line in lines)

    without_address = uplink("routeros", "fallback-script", "--router", NAS, data=data)
    assert without_address.returncode != 0
    assert "--radius-address" in without_address.stderr
