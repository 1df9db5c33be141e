"""`uplink bench` (the load generator of scripts/bench/run) against the real server: every mode
gets the answers it should, every request is sent exactly once, lost requests are counted, and
a non-loopback target is refused without --allow-remote."""
import json
import sqlite3
import subprocess

import pytest

from uplink_server import UplinkServer

USERS = 40


@pytest.fixture
def bench_server(uplink_binary, tmp_path):
    """A server over the demo data set plus USERS bench subscribers user000000… / pass000000…."""
    data = tmp_path / "data"
    subprocess.run([str(uplink_binary), "demo", "--data", str(data), "--bench-subscribers", str(USERS)],
                   check=True, capture_output=True, timeout=120)
    server = UplinkServer(uplink_binary, data, demo=False).start()
    yield server
    assert server.stop() == 0, server.stderr_text()


def bench(binary, port, *args, timeout=120):
    result = subprocess.run(
        [str(binary), "bench", "--server", f"127.0.0.1:{port}", "--users", str(USERS), "--json", *map(str, args)],
        capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("mode, code", [("pap", "2"), ("chap", "2")])
def test_logins_are_all_accepted(uplink_binary, bench_server, mode, code):
    summary = bench(uplink_binary, bench_server.auth_port, "--mode", mode, "--requests", 300,
                    "--concurrency", 24, "--sockets", 3)
    assert summary["sent"] == 300
    assert summary["received"] == 300
    assert summary["timeouts"] == 0
    assert summary["codes"] == {code: 300}
    assert summary["rps"] > 0 and summary["p50_us"] > 0 and summary["p99_us"] >= summary["p50_us"]
    assert summary["client_cpu_us"] > 0


def test_accounting_sessions_are_sent_in_order_and_recorded_to_the_byte(uplink_binary, bench_server):
    # 20 sessions of five requests each (Start, three Interim-Updates, Stop); each of the 10
    # slots sends two whole sessions, every request after the answer to the one before.
    summary = bench(uplink_binary, bench_server.acct_port, "--mode", "acct", "--requests", 100,
                    "--concurrency", 10, "--sockets", 2)
    assert summary["received"] == 100
    assert summary["codes"] == {"5": 100}
    assert bench_server.stop() == 0
    with sqlite3.connect(bench_server.data_dir / "uplink.sqlite") as db:
        rows = db.execute("SELECT session_id, stopped_at IS NOT NULL, upload_bytes, download_bytes, session_time "
                          "FROM sessions").fetchall()
    # Had a Stop overtaken its Start, the session would be missing or reopened by a later Interim.
    assert len(rows) == 20
    for session_id, stopped, upload, download, seconds in rows:
        assert session_id.startswith("bench")
        assert stopped == 1
        # The Stop's cumulative counters, 6,000,000,000 and 24,000,000,000 bytes: past 2^32,
        # so they arrive with Gigawords.
        assert (upload, download, seconds) == (6_000_000_000, 24_000_000_000, 1200)


def test_requests_nobody_answers_are_counted_as_timeouts(uplink_binary, bench_server):
    # The server drops requests signed with another secret (their Message-Authenticator fails).
    summary = bench(uplink_binary, bench_server.auth_port, "--mode", "pap", "--secret", "not-the-secret",
                    "--requests", 20, "--concurrency", 10, "--timeout", 0.2)
    assert summary["sent"] == 20
    assert summary["received"] == 0
    assert summary["timeouts"] == 20


def test_a_remote_target_needs_allow_remote(uplink_binary):
    result = subprocess.run([str(uplink_binary), "bench", "--server", "192.0.2.1:1812", "--requests", "1"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "--allow-remote" in result.stderr
