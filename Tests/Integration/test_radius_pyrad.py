"""pyrad builds the requests; the replies are checked twice: by pyrad and by our own RFC 3579
HMAC-MD5 (routeros_nas.check_reply), so neither library's mistake can hide a server bug."""
import os

import pyrad.packet
import pytest
from pyrad.client import Client
from pyrad.dictionary import Dictionary

import routeros_nas as nas

SECRET = b"testing123"

DICTIONARY = """
ATTRIBUTE User-Name 1 string
ATTRIBUTE User-Password 2 string encrypt=1
ATTRIBUTE CHAP-Password 3 octets
ATTRIBUTE NAS-IP-Address 4 ipaddr
ATTRIBUTE NAS-Port 5 integer
ATTRIBUTE Service-Type 6 integer
ATTRIBUTE Framed-Protocol 7 integer
ATTRIBUTE Framed-IP-Address 8 ipaddr
ATTRIBUTE Reply-Message 18 string
ATTRIBUTE Class 25 octets
ATTRIBUTE Session-Timeout 27 integer
ATTRIBUTE Idle-Timeout 28 integer
ATTRIBUTE Called-Station-Id 30 string
ATTRIBUTE Calling-Station-Id 31 string
ATTRIBUTE NAS-Identifier 32 string
ATTRIBUTE Proxy-State 33 octets
ATTRIBUTE Acct-Status-Type 40 integer
ATTRIBUTE Acct-Delay-Time 41 integer
ATTRIBUTE Acct-Input-Octets 42 integer
ATTRIBUTE Acct-Output-Octets 43 integer
ATTRIBUTE Acct-Session-Id 44 string
ATTRIBUTE Acct-Session-Time 46 integer
ATTRIBUTE Acct-Input-Gigawords 52 integer
ATTRIBUTE Acct-Output-Gigawords 53 integer
ATTRIBUTE CHAP-Challenge 60 octets
ATTRIBUTE NAS-Port-Type 61 integer
ATTRIBUTE Acct-Interim-Interval 85 integer
ATTRIBUTE Message-Authenticator 80 octets
ATTRIBUTE Framed-Pool 88 string
VENDOR Microsoft 311
BEGIN-VENDOR Microsoft
ATTRIBUTE MS-CHAP-Error 2 octets
ATTRIBUTE MS-CHAP-Challenge 11 octets
ATTRIBUTE MS-MPPE-Send-Key 16 octets
ATTRIBUTE MS-MPPE-Recv-Key 17 octets
ATTRIBUTE MS-CHAP2-Response 25 octets
ATTRIBUTE MS-CHAP2-Success 26 octets
END-VENDOR Microsoft
VENDOR Mikrotik 14988
BEGIN-VENDOR Mikrotik
ATTRIBUTE Mikrotik-Group 3 string
ATTRIBUTE Mikrotik-Rate-Limit 8 string
END-VENDOR Mikrotik
"""


@pytest.fixture
def client(demo_server, tmp_path):
    path = tmp_path / "dictionary"
    path.write_text(DICTIONARY)
    return Client(server="127.0.0.1", authport=demo_server.auth_port, acctport=demo_server.acct_port,
                  secret=SECRET, dict=Dictionary(str(path)))


@pytest.fixture
def wire(demo_server):
    """A raw UDP peer on loopback for sending pyrad's bytes (and resending them unchanged)."""
    with nas.RouterOSNAS("127.0.0.1", demo_server.auth_port, demo_server.acct_port, SECRET.decode()) as peer:
        yield peer


def pap_request(client, user, password, proxy_states=()):
    request = client.CreateAuthPacket(code=pyrad.packet.AccessRequest, User_Name=user)
    request["User-Password"] = request.PwCrypt(password)
    request["NAS-Identifier"] = "pyrad"
    for state in proxy_states:
        request.AddAttribute("Proxy-State", state)
    request.add_message_authenticator()
    return request


def send(wire, client, request, port) -> tuple[bytes, pyrad.packet.Packet]:
    """Sends pyrad's request bytes, checks the reply with pyrad and with our own HMAC."""
    raw = request.RequestPacket()
    reply_bytes = wire.exchange(raw, port)
    # check_reply requires Message-Authenticator in every reply (Accounting-Response included)
    # and verifies it
    ours = nas.check_reply(reply_bytes, nas.decode(raw), SECRET,
                           (nas.ACCESS_ACCEPT, nas.ACCESS_REJECT, nas.ACCOUNTING_RESPONSE))
    reply = request.CreateReply(packet=reply_bytes)
    assert request.VerifyReply(reply, reply_bytes), "pyrad: response authenticator"
    if ours.get(nas.MESSAGE_AUTHENTICATOR) is not None:
        assert reply.verify_message_authenticator(original_authenticator=request.authenticator,
                                                  original_code=request.code), "pyrad: Message-Authenticator"
    return reply_bytes, reply


def test_accept_reply_is_signed_and_carries_the_package(client, wire, demo_server):
    _, reply = send(wire, client, pap_request(client, "basic1", "basic1pass"), demo_server.auth_port)
    assert reply.code == pyrad.packet.AccessAccept
    assert reply["Mikrotik-Rate-Limit"] == ["5M/5M"]
    assert reply["Framed-Pool"] == ["demo-pool"]


@pytest.mark.parametrize("user,password", [("basic1", "wrong"), ("nobody", "x"), ("expired1", "expired1pass"),
                                           ("suspended1", "suspended1pass")])
def test_reject_reply_is_signed(client, wire, demo_server, user, password):
    _, reply = send(wire, client, pap_request(client, user, password), demo_server.auth_port)
    assert reply.code == pyrad.packet.AccessReject
    assert reply["Reply-Message"]


def test_accounting_response_verifies(client, wire, demo_server):
    request = client.CreateAcctPacket(User_Name="basic1")
    request["Acct-Status-Type"] = 1
    request["Acct-Session-Id"] = "81000abc"
    request["NAS-Identifier"] = "pyrad"
    _, reply = send(wire, client, request, demo_server.acct_port)
    assert reply.code == pyrad.packet.AccountingResponse


def test_proxy_state_is_echoed_in_order(client, wire, demo_server):
    states = [b"\x01proxy-one", b"\x02proxy-two"]
    for user, password, code in [("basic1", "basic1pass", pyrad.packet.AccessAccept),
                                 ("basic1", "wrong", pyrad.packet.AccessReject)]:
        raw_reply, reply = send(wire, client, pap_request(client, user, password, states), demo_server.auth_port)
        assert reply.code == code
        assert nas.decode(raw_reply).get_all(nas.PROXY_STATE) == states


def test_proxy_state_is_echoed_in_accounting_responses(client, wire, demo_server):
    request = client.CreateAcctPacket(User_Name="std1")
    request["Acct-Status-Type"] = 1
    request["Acct-Session-Id"] = "81000abd"
    request.AddAttribute("Proxy-State", b"acct-proxy")
    raw_reply, _ = send(wire, client, request, demo_server.acct_port)
    assert nas.decode(raw_reply).get_all(nas.PROXY_STATE) == [b"acct-proxy"]


def test_retransmission_gets_the_identical_reply(client, wire, demo_server):
    """RFC 5080 §2.2.2: same source, Id and authenticator → the cached reply, byte for byte."""
    raw = pap_request(client, "premium1", "premium1pass").RequestPacket()
    first = wire.exchange(raw, demo_server.auth_port)
    second = wire.exchange(raw, demo_server.auth_port)
    assert nas.decode(first).code == nas.ACCESS_ACCEPT
    assert second == first


def test_mschapv2_retransmission_is_not_decided_twice(wire, demo_server):
    """MPPE key salts are random per decision, so only a cached reply can be byte-identical."""
    user, password = "std1", "std1pass"
    request = wire._pppoe_request(user, "D4:CA:6D:00:00:01", "pppoe-isp", 1)
    challenge, peer = os.urandom(16), os.urandom(16)
    nt = nas.generate_nt_response(challenge, peer, user.encode(), password)
    request.add_vsa(nas.MICROSOFT, nas.MS_CHAP_CHALLENGE, challenge)
    request.add_vsa(nas.MICROSOFT, nas.MS_CHAP2_RESPONSE, bytes([7, 0]) + peer + b"\x00" * 8 + nt)
    raw = nas.sign_access_request(request, SECRET)
    first = wire.exchange(raw, demo_server.auth_port)
    second = wire.exchange(raw, demo_server.auth_port)
    assert nas.check_reply(first, request, SECRET, (nas.ACCESS_ACCEPT,)).vsa(nas.MICROSOFT, nas.MS_MPPE_SEND_KEY)
    assert second == first


def test_same_identifier_with_a_new_authenticator_is_a_new_request(client, wire, demo_server):
    wrong = pap_request(client, "basic1", "wrong")
    right = pap_request(client, "basic1", "basic1pass")
    right.id = wrong.id
    _, first = send(wire, client, wrong, demo_server.auth_port)
    _, second = send(wire, client, right, demo_server.auth_port)
    assert first.code == pyrad.packet.AccessReject
    assert second.code == pyrad.packet.AccessAccept


def test_request_with_a_bad_message_authenticator_is_dropped(client, wire, demo_server):
    raw = bytearray(pap_request(client, "basic1", "basic1pass").RequestPacket())
    offset = 20
    while raw[offset] != nas.MESSAGE_AUTHENTICATOR:
        offset += raw[offset + 1]
    raw[offset + 2] ^= 0xFF
    with pytest.raises(nas.NoReply):
        wire.exchange(bytes(raw), demo_server.auth_port, timeout=1.0)
    # the server is still answering
    _, reply = send(wire, client, pap_request(client, "basic1", "basic1pass"), demo_server.auth_port)
    assert reply.code == pyrad.packet.AccessAccept
