"""Accounting from a RouterOS-like NAS: usage stored to the byte across 2^32, retransmits, a lost Stop,
Accounting-On, durability (a response means committed), SIGTERM with requests in flight, restart.

The database is read with sqlite3 only after the server stopped (SIGTERM, exit 0): what is in the
file then is what a crash right after the responses would have kept.
"""
import contextlib
import select
import signal
import socket
import sqlite3
import time

import pytest

import routeros_nas as nas
from routeros_nas import START, STOP, INTERIM_UPDATE, ACCOUNTING_ON, ACCOUNTING_OFF
from uplink_server import UplinkServer

SECRET = "testing123"
G = 1 << 32  # one Gigaword
# The store keeps times as seconds since 2001-01-01 UTC (Foundation's reference date).
REFERENCE_DATE = 978_307_200


def query(data_dir, sql, args=()):
    with contextlib.closing(sqlite3.connect(f"file:{data_dir / 'uplink.sqlite'}?mode=ro", uri=True)) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute(sql, args)]


def session_row(data_dir, session_id):
    rows = query(data_dir, "SELECT * FROM sessions WHERE session_id = ?", (session_id,))
    assert len(rows) == 1, rows
    return rows[0]


def usage_totals(data_dir, user):
    rows = query(data_dir, """SELECT COALESCE(SUM(u.upload_bytes), 0) AS up, COALESCE(SUM(u.download_bytes), 0) AS down
                              FROM usage_days u JOIN subscribers s ON s.id = u.subscriber_id
                              WHERE s.username = ?""", (user,))
    return rows[0]["up"], rows[0]["down"]


def stop(server):
    code = server.stop()
    assert code == 0, f"exit {code}:\n{server.stderr_text()}"


@pytest.fixture
def router(demo_server):
    with nas.RouterOSNAS("127.0.0.1", demo_server.auth_port, demo_server.acct_port, SECRET,
                         identity="ccr-pop2") as router:
        yield router


# Cumulative (input, output) byte counters per Interim-Update, then the Stop; they cross 2^32 in
# both directions, sit on the boundary, and end several Gigawords up.
PLANS = {
    "basic1": [(1_000_000, 3_000_000), (G - 1, G), (G + 123_456, 2 * G + 7), (3 * G + 1, 5 * G + 99)],
    "std1": [(0, 0), (G, G - 1), (4 * G + 4_000_000_000, 9 * G), (7 * G + 17, 11 * G + 2 ** 31)],
    "premium1": [(2 ** 31, 2 ** 31 + 1), (2 * G, 2 * G), (2 * G + 1, 2 * G + 1), (2 * G + 1, 2 * G + 2)],
}


def test_usage_is_stored_to_the_byte_across_gigawords(demo_server, router):
    data = demo_server.data_dir
    sessions = {}
    for index, user in enumerate(sorted(PLANS)):
        mac = f"D4:CA:6D:00:10:{index:02X}"
        login = router.pppoe_login(user, f"{user}pass", mac=mac)
        assert login.accepted
        class_value = login.reply.get(nas.CLASS)
        session_id = router.next_session_id()
        sessions[user] = session_id
        common = dict(user=user, session_id=session_id, mac=mac, class_value=class_value, nas_port=0x100 + index,
                      framed_ip=f"10.10.1.{10 + index}")
        router.account(router.accounting_request(START, **common))
        plan = PLANS[user]
        for step, (inp, out) in enumerate(plan[:-1], start=1):
            request = router.accounting_request(INTERIM_UPDATE, input_bytes=inp, output_bytes=out,
                                                session_time=60 * step, input_packets=step * 10,
                                                output_packets=step * 20, **common)
            first = router.exchange(request.encode(), router.acct_port)
            nas.check_reply(first, request, router.secret, (nas.ACCOUNTING_RESPONSE,))
            if step == 2:
                # RouterOS resends an unanswered request with the same Id and authenticator
                assert router.exchange(request.encode(), router.acct_port) == first
            if step == 3:
                # a late copy of an older interim, sent anew (new Id): counters never go back
                stale = router.accounting_request(INTERIM_UPDATE, input_bytes=plan[0][0], output_bytes=plan[0][1],
                                                  session_time=60, **common)
                router.account(stale)
        inp, out = plan[-1]
        stop_request = router.accounting_request(STOP, input_bytes=inp, output_bytes=out,
                                                 session_time=60 * len(plan), input_packets=999,
                                                 output_packets=1999, terminate_cause=1, **common)
        router.account(stop_request)
        # a retransmitted Stop is acknowledged again and changes nothing
        router.account(stop_request)
    stop(demo_server)

    for user, session_id in sessions.items():
        inp, out = PLANS[user][-1]
        row = session_row(data, session_id)
        assert (row["upload_bytes"], row["download_bytes"]) == (inp, out), (user, row)
        assert row["stopped_at"] is not None and row["close_reason"] == "stop", row
        assert row["terminate_cause"] == 1
        assert row["session_time"] == 60 * len(PLANS[user])
        assert (row["input_packets"], row["output_packets"]) == (999, 1999)
        assert row["username"] == user
        subscriber = query(data, "SELECT id FROM subscribers WHERE username = ?", (user,))[0]["id"]
        assert row["subscriber_id"] == subscriber
        # standard direction: Acct-Input (from the client) is upload
        assert usage_totals(data, user) == (inp, out), user


def test_lost_stop_then_new_start_closes_the_old_session(demo_server, router):
    data = demo_server.data_dir
    mac = "D4:CA:6D:00:20:01"
    old, new = router.next_session_id(), router.next_session_id()
    common = dict(user="basic1", mac=mac, nas_port=7)
    router.account(router.accounting_request(START, session_id=old, **common))
    router.account(router.accounting_request(INTERIM_UPDATE, session_id=old, input_bytes=G + 10,
                                             output_bytes=20_000, session_time=300, **common))
    # the Stop of `old` is lost; the router redials and starts `new`
    router.account(router.accounting_request(START, session_id=new, **common))
    router.account(router.accounting_request(INTERIM_UPDATE, session_id=new, input_bytes=5, output_bytes=6,
                                             session_time=60, **common))
    # the subscriber is online once: the superseded session no longer counts against Simultaneous-Use
    router.account(router.accounting_request(STOP, session_id=new, input_bytes=7, output_bytes=8,
                                             session_time=61, **common))
    assert router.pppoe_login("basic1", "basic1pass", mac=mac).accepted
    stop(demo_server)

    closed = session_row(data, old)
    assert closed["stopped_at"] is not None and closed["close_reason"] == "superseded", closed
    assert (closed["upload_bytes"], closed["download_bytes"]) == (G + 10, 20_000)
    assert session_row(data, new)["close_reason"] == "stop"
    assert usage_totals(data, "basic1") == (G + 10 + 7, 20_000 + 8)


@pytest.mark.parametrize("status", [ACCOUNTING_ON, ACCOUNTING_OFF])
def test_accounting_on_off_closes_the_nas_sessions(demo_server, router, status):
    data = demo_server.data_dir
    a, b = router.next_session_id(), router.next_session_id()
    router.account(router.accounting_request(START, user="std1", session_id=a, mac="D4:CA:6D:00:30:01"))
    router.account(router.accounting_request(START, user="premium1", session_id=b, mac="D4:CA:6D:00:30:02"))
    router.account(router.accounting_request(INTERIM_UPDATE, user="premium1", session_id=b, mac="D4:CA:6D:00:30:02",
                                             input_bytes=3 * G, output_bytes=4 * G, session_time=120))
    # online now: Simultaneous-Use (1 for the demo packages) turns a second login away
    busy = router.pppoe_login("premium1", "premium1pass", mac="D4:CA:6D:00:30:03")
    assert busy.reply.code == nas.ACCESS_REJECT, busy.reply
    # the router says its sessions are gone (reboot, or RADIUS accounting switched off)
    router.account(router.accounting_request(status))
    assert router.pppoe_login("premium1", "premium1pass", mac="D4:CA:6D:00:30:03").accepted
    stop(demo_server)

    for session_id in (a, b):
        row = session_row(data, session_id)
        assert row["stopped_at"] is not None and row["close_reason"] == "nas_restart", row
    assert (session_row(data, b)["upload_bytes"], session_row(data, b)["download_bytes"]) == (3 * G, 4 * G)
    assert usage_totals(data, "premium1") == (3 * G, 4 * G)


def test_lost_start_is_opened_from_the_first_interim_or_stop(demo_server, router):
    data = demo_server.data_dir
    interim_first, stop_only = router.next_session_id(), router.next_session_id()
    router.account(router.accounting_request(INTERIM_UPDATE, user="std1", session_id=interim_first,
                                             input_bytes=G + 3, output_bytes=7, session_time=600))
    router.account(router.accounting_request(STOP, user="std1", session_id=interim_first,
                                             input_bytes=G + 4, output_bytes=8, session_time=601))
    router.account(router.accounting_request(STOP, user="std1", session_id=stop_only, mac="D4:CA:6D:00:60:01",
                                             input_bytes=100, output_bytes=2 * G, session_time=30))
    stop(demo_server)

    assert (session_row(data, interim_first)["upload_bytes"], session_row(data, interim_first)["download_bytes"]) \
        == (G + 4, 8)
    row = session_row(data, stop_only)
    assert row["close_reason"] == "stop" and (row["upload_bytes"], row["download_bytes"]) == (100, 2 * G)
    assert usage_totals(data, "std1") == (G + 4 + 100, 8 + 2 * G)


def test_hotspot_session_with_event_timestamps(demo_server, router):
    """Hotspot accounting as in the RouterOS 7 capture: 8-hex-digit Acct-Session-Id, NAS-Port equal
    to it read as hex (above 2^31), Event-Timestamp on every packet."""
    data = demo_server.data_dir
    login = router.hotspot_http_chap("basic1", "basic1pass", session_id="80100014")
    assert login.accepted
    common = dict(user="basic1", session_id="80100014", mac="BC:24:11:EB:56:4D", framed_ip="10.5.88.2",
                  class_value=login.reply.get(nas.CLASS), service="hotspot")
    now = int(time.time())
    router.account(router.accounting_request(START, event_timestamp=now - 120, **common))
    router.account(router.accounting_request(INTERIM_UPDATE, event_timestamp=now - 60, input_bytes=123_456,
                                             output_bytes=G + 654_321, session_time=60, **common))
    router.account(router.accounting_request(STOP, event_timestamp=now, input_bytes=223_456, output_bytes=G + 954_321,
                                             session_time=120, terminate_cause=1, **common))
    stop(demo_server)

    row = session_row(data, "80100014")
    assert row["nas_port"] == 0x80100014
    assert row["framed_ip"] == "10.5.88.2"
    assert row["close_reason"] == "stop"
    assert (row["upload_bytes"], row["download_bytes"]) == (223_456, G + 954_321)
    assert row["stopped_at"] + REFERENCE_DATE == pytest.approx(now, abs=1)
    assert row["started_at"] + REFERENCE_DATE == pytest.approx(now - 120, abs=1)
    assert usage_totals(data, "basic1") == (223_456, G + 954_321)


def test_redial_after_a_lost_stop_is_accepted(demo_server, router):
    mac = "D4:CA:6D:00:70:01"
    assert router.pppoe_login("basic1", "basic1pass", mac=mac).accepted
    router.account(router.accounting_request(START, user="basic1", session_id=router.next_session_id(), mac=mac))
    # the PPPoE link dropped, the Stop was lost (or the router rebooted: RouterOS sends no
    # Accounting-On, mikrotik.md §4.4); the same device dials again through the same router
    redial = router.pppoe_login("basic1", "basic1pass", mac=mac)
    assert redial.accepted, redial.reply_message
    # a different device is still held to the limit
    assert not router.pppoe_login("basic1", "basic1pass", mac="D4:CA:6D:00:70:02").accepted


def test_sessions_survive_a_restart(uplink_binary, tmp_path):
    data = tmp_path / "data"
    server = UplinkServer(uplink_binary, data).start()
    with nas.RouterOSNAS("127.0.0.1", server.auth_port, server.acct_port, SECRET) as router:
        done, open_ = router.next_session_id(), router.next_session_id()
        router.account(router.accounting_request(START, user="basic1", session_id=done))
        router.account(router.accounting_request(STOP, user="basic1", session_id=done, input_bytes=G + 1,
                                                 output_bytes=2 * G + 2, session_time=30))
        router.account(router.accounting_request(START, user="premium1", session_id=open_, mac="D4:CA:6D:00:40:01"))
        router.account(router.accounting_request(INTERIM_UPDATE, user="premium1", session_id=open_,
                                                 mac="D4:CA:6D:00:40:01", input_bytes=5 * G, output_bytes=G,
                                                 session_time=600))
    stop(server)
    assert session_row(data, open_)["stopped_at"] is None
    assert session_row(data, done)["close_reason"] == "stop"

    server = UplinkServer(uplink_binary, data).start()
    with nas.RouterOSNAS("127.0.0.1", server.auth_port, server.acct_port, SECRET) as router:
        # the open session was loaded: premium1 is still online, so a second login is refused
        busy = router.pppoe_login("premium1", "premium1pass", mac="D4:CA:6D:00:40:02")
        assert busy.reply.code == nas.ACCESS_REJECT, busy.reply
        # counters continue from the stored ones: only the difference is new usage
        router.account(router.accounting_request(INTERIM_UPDATE, user="premium1", session_id=open_,
                                                 mac="D4:CA:6D:00:40:01", input_bytes=6 * G, output_bytes=G + 5,
                                                 session_time=900))
        router.account(router.accounting_request(STOP, user="premium1", session_id=open_, mac="D4:CA:6D:00:40:01",
                                                 input_bytes=6 * G + 1, output_bytes=G + 6, session_time=901))
        # a Start replayed for a finished session does not reopen it
        router.account(router.accounting_request(START, user="basic1", session_id=done))
    stop(server)

    row = session_row(data, open_)
    assert row["close_reason"] == "stop" and (row["upload_bytes"], row["download_bytes"]) == (6 * G + 1, G + 6)
    assert usage_totals(data, "premium1") == (6 * G + 1, G + 6)
    finished = session_row(data, done)
    assert finished["close_reason"] == "stop" and finished["stopped_at"] is not None
    assert usage_totals(data, "basic1") == (G + 1, 2 * G + 2)


def test_sigterm_with_accounting_in_flight_loses_nothing_acknowledged(uplink_binary, tmp_path):
    """Eight routers keep a window of Accounting-Requests outstanding; SIGTERM arrives once 400 are
    answered, so requests are inside the server at that moment. Every request that got a response
    must be in the database afterwards, and the server must exit 0."""
    data = tmp_path / "data"
    server = UplinkServer(uplink_binary, data).start()
    routers = [nas.RouterOSNAS("127.0.0.1", server.auth_port, server.acct_port, SECRET, identity=f"r{n}")
               for n in range(8)]
    per_router, window, signal_after = 200, 64, 400  # 200 < 256: each request of a router has its own Id
    try:
        pending, queue = {}, []
        for i in range(per_router):  # the routers interleaved, as a POP full of them would send
            for n, router in enumerate(routers):
                session_id = f"{n:x}{i:07x}"
                request = router.accounting_request(START, user=f"flood{n}-{i}", session_id=session_id)
                pending[(n, request.identifier)] = (request, session_id)
                queue.append((n, request))
        acknowledged, outstanding = set(), set()
        sockets = {router.sock: n for n, router in enumerate(routers)}

        def drain(timeout):
            readable, _, _ = select.select(list(sockets), [], [], timeout)
            for sock in readable:
                n = sockets[sock]
                reply, _ = sock.recvfrom(4096)
                request, session_id = pending[(n, reply[1])]
                nas.check_reply(reply, request, routers[n].secret, (nas.ACCOUNTING_RESPONSE,))
                acknowledged.add(session_id)
                outstanding.discard(session_id)
            return bool(readable)

        sent, terminated, deadline = 0, False, time.monotonic() + 60
        while time.monotonic() < deadline and server.process.poll() is None:
            while sent < len(queue) and len(outstanding) < window:
                n, request = queue[sent]
                routers[n].send_raw(request.encode(), server.acct_port)
                outstanding.add(pending[(n, request.identifier)][1])
                sent += 1
            if not terminated and len(acknowledged) >= signal_after:
                server.process.send_signal(signal.SIGTERM)
                terminated = True
                in_flight_at_signal = len(outstanding)
            if not drain(0.05) and sent == len(queue) and not terminated:
                break  # everything answered before the signal: the test would prove nothing
        assert terminated, f"only {len(acknowledged)} of {sent} answered"
        while drain(0.2):  # responses sent just before exit are still in our sockets
            pass
        code = server.stop()
        assert code == 0, server.stderr_text()
    finally:
        for router in routers:
            router.close()

    stored = {row["session_id"] for row in query(data, "SELECT session_id FROM sessions")}
    assert in_flight_at_signal > 0
    missing = acknowledged - stored
    assert not missing, f"{len(missing)} acknowledged sessions are not in the database: {sorted(missing)[:5]}"
    print(f"sent {sent}, in flight at SIGTERM {in_flight_at_signal}, acknowledged {len(acknowledged)}, "
          f"stored {len(stored)}")
