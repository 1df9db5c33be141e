"""A NAS that sends what RouterOS sends (PPPoE with MS-CHAPv2 by default, Hotspot HTTP-CHAP and MAC
login) and believes a reply only after the checks RouterOS 7.15+ makes (routeros_nas.py)."""
import sqlite3
import time

import pytest

import routeros_nas as nas
from uplink_server import UplinkServer

SECRET = "testing123"
PREMIUM_RATE = "20M/20M 40M/40M 16M/16M 10/10 5 10M/10M"
RATES = {"basic1": "5M/5M", "std1": "10M/10M", "premium1": PREMIUM_RATE}


@pytest.fixture
def router(demo_server):
    with nas.RouterOSNAS("127.0.0.1", demo_server.auth_port, demo_server.acct_port, SECRET,
                         identity="rb4011-pop1") as router:
        yield router


def ms_chap_error(outcome: nas.AuthOutcome) -> str | None:
    value = outcome.reply.vsa(nas.MICROSOFT, nas.MS_CHAP_ERROR)
    return None if value is None else value[1:].decode("ascii", "replace")


# --- PPPoE -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("user", sorted(RATES))
def test_pppoe_mschapv2_accept_with_success_and_mppe_keys(router, user):
    outcome = router.pppoe_login(user, f"{user}pass")  # checks MS-CHAP2-Success and MPPE keys itself
    assert outcome.accepted, outcome.reply
    assert outcome.rate_limit == RATES[user]
    assert outcome.reply.vsa(nas.MIKROTIK, nas.MIKROTIK_GROUP) == b"default"
    if user == "premium1":
        assert outcome.framed_ip == "10.10.0.10"
        assert outcome.reply.get(nas.FRAMED_POOL) is None
    else:
        assert outcome.reply.get(nas.FRAMED_POOL) == b"demo-pool"
    assert outcome.reply.get(nas.CLASS) is not None


@pytest.mark.parametrize("method", ["mschap1", "chap", "pap"])
def test_pppoe_other_methods_accept(router, method):
    outcome = router.pppoe_login("std1", "std1pass", method=method)
    assert outcome.accepted, outcome.reply
    assert outcome.rate_limit == "10M/10M"
    assert outcome.reply.vsa(nas.MICROSOFT, nas.MS_CHAP2_SUCCESS) is None


@pytest.mark.parametrize("method", ["mschap2", "mschap1", "chap", "pap"])
def test_pppoe_wrong_password_is_rejected(router, method):
    outcome = router.pppoe_login("basic1", "basic1-wrong", method=method)
    assert outcome.reply.code == nas.ACCESS_REJECT
    assert outcome.reply_message
    assert outcome.rate_limit is None
    if method in ("mschap2", "mschap1"):
        # RFC 2548 §2.1.5: the PPP peer learns E=691 (authentication failure)
        assert (ms_chap_error(outcome) or "").startswith("E=691"), outcome.reply
        assert len(outcome.reply.vsa_all(nas.MICROSOFT, nas.MS_CHAP_ERROR)) == 1, outcome.reply


def test_pppoe_expired_subscriber_is_rejected_with_a_reason(router):
    outcome = router.pppoe_login("expired1", "expired1pass")
    assert outcome.reply.code == nas.ACCESS_REJECT
    assert "expired" in outcome.reply_message.lower()
    assert ms_chap_error(outcome) is not None and ms_chap_error(outcome).startswith("E=")


def test_pppoe_suspended_subscriber_is_rejected_as_disabled(router):
    outcome = router.pppoe_login("suspended1", "suspended1pass")
    assert outcome.reply.code == nas.ACCESS_REJECT
    assert "suspended" in outcome.reply_message.lower()
    assert (ms_chap_error(outcome) or "").startswith("E=647"), outcome.reply  # account disabled


def test_pppoe_unknown_user_is_rejected(router):
    outcome = router.pppoe_login("ghost", "ghostpass")
    assert outcome.reply.code == nas.ACCESS_REJECT
    assert outcome.reply_message


def test_session_timeout_ends_at_the_paid_expiry(demo_server, router):
    before = time.time()
    outcome = router.pppoe_login("basic1", "basic1pass")
    after = time.time()
    assert outcome.accepted
    timeout = outcome.reply.integer(nas.SESSION_TIMEOUT)
    assert demo_server.stop() == 0
    with sqlite3.connect(demo_server.data_dir / "uplink.sqlite") as db:
        (expires,) = db.execute("SELECT expires_at FROM subscribers WHERE username = 'basic1'").fetchone()
    expires += 978_307_200  # stored as seconds since 2001-01-01
    assert before + timeout <= expires + 1  # never past the paid expiry
    assert after + timeout >= expires - 1   # and no earlier: the package sets no shorter timeout


def test_ipv6_nas(uplink_binary, tmp_path):
    """The demo NAS `::1`: a router talking over IPv6 loopback authenticates and accounts."""
    server = UplinkServer(uplink_binary, tmp_path / "data", extra_args=["--bind", "::1"]).start()
    try:
        with nas.RouterOSNAS("::1", server.auth_port, server.acct_port, SECRET, bind="::1") as router:
            outcome = router.pppoe_login("premium1", "premium1pass")
            assert outcome.accepted and outcome.rate_limit == PREMIUM_RATE
            assert router.status_server(router.acct_port).code == nas.ACCOUNTING_RESPONSE
            session = router.next_session_id()
            router.account(router.accounting_request(nas.START, user="premium1", session_id=session))
            router.account(router.accounting_request(nas.STOP, user="premium1", session_id=session,
                                                     input_bytes=5, output_bytes=6, session_time=1))
    finally:
        assert server.stop() == 0, server.stderr_text()


def test_status_server_on_both_ports(router):
    assert router.status_server(router.auth_port).code == nas.ACCESS_ACCEPT
    assert router.status_server(router.acct_port).code == nas.ACCOUNTING_RESPONSE


# --- Hotspot HTTP-CHAP -------------------------------------------------------------------------------

def test_hotspot_http_chap_accept(router):
    outcome = router.hotspot_http_chap("basic1", "basic1pass")
    assert outcome.accepted, outcome.reply
    assert outcome.rate_limit == "5M/5M"


def test_hotspot_http_chap_wrong_password_shows_a_message(router):
    outcome = router.hotspot_http_chap("basic1", "nope")
    assert outcome.reply.code == nas.ACCESS_REJECT
    assert outcome.reply_message  # errors.txt `radius-reply` shows this on the login page


def test_hotspot_http_chap_expired_shows_expired(router):
    outcome = router.hotspot_http_chap("expired1", "expired1pass")
    assert outcome.reply.code == nas.ACCESS_REJECT
    assert "expired" in outcome.reply_message.lower()


# --- Hotspot MAC authentication ------------------------------------------------------------------------

BOUND_MAC = "BC:24:11:EB:56:4D"


@pytest.fixture
def mac_bound_server(uplink_binary, tmp_path):
    """The demo data set with std1 bound to BOUND_MAC.

    The demo set has no MAC binding and no CLI/API can add one yet, so the binding is written into
    the subscribers row of a fresh demo database before the server starts (the engine loads its
    whole state, including the MAC index, from these rows at start-up)."""
    data = tmp_path / "data"
    first = UplinkServer(uplink_binary, data).start()
    assert first.stop() == 0, first.stderr_text()
    value = int(BOUND_MAC.replace(":", ""), 16)
    with sqlite3.connect(data / "uplink.sqlite") as db:
        changed = db.execute("UPDATE subscribers SET mac_binding = ? WHERE username = 'std1'", (value,)).rowcount
    assert changed == 1
    server = UplinkServer(uplink_binary, data).start()
    yield server
    assert server.stop() == 0, server.stderr_text()


@pytest.fixture
def mac_router(mac_bound_server):
    with nas.RouterOSNAS("127.0.0.1", mac_bound_server.auth_port, mac_bound_server.acct_port, SECRET,
                         identity="hap-hotspot") as router:
        yield router


@pytest.mark.parametrize("mode", ["mac-as-username", "mac-as-username-and-password"])
@pytest.mark.parametrize("mac_format", sorted(nas.MAC_FORMATS))
def test_hotspot_mac_login_in_every_radius_mac_format(mac_router, mac_format, mode):
    outcome = mac_router.hotspot_mac_login(BOUND_MAC, mac_format, mode)
    assert outcome.accepted, (outcome.reply, outcome.reply_message)
    assert outcome.rate_limit == "10M/10M"


def test_hotspot_mac_login_lowercase(mac_router):
    outcome = mac_router.hotspot_mac_login(BOUND_MAC.lower(), "XX:XX:XX:XX:XX:XX")
    assert outcome.accepted, outcome.reply_message


def test_hotspot_mac_login_of_an_unbound_mac_is_rejected(mac_router):
    outcome = mac_router.hotspot_mac_login("02:00:00:00:00:99")
    assert outcome.reply.code == nas.ACCESS_REJECT


def test_mac_binding_checks_the_calling_station_of_a_pppoe_login(mac_router):
    assert mac_router.pppoe_login("std1", "std1pass", mac=BOUND_MAC).accepted
    other = mac_router.pppoe_login("std1", "std1pass", mac="02:00:00:00:00:01")
    assert other.reply.code == nas.ACCESS_REJECT
    assert other.reply_message


def test_hotspot_chap_login_by_name_still_works_for_a_bound_subscriber(mac_router):
    assert mac_router.hotspot_http_chap("std1", "std1pass", mac=BOUND_MAC).accepted
