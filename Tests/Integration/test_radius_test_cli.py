"""`uplink radius test` (like radtest): against the demo server (`uplink serve --demo`, users
basic1/basic1pass, secret testing123), against a closed port, and against a small scripted
RADIUS responder in this file that lets a test see the request and forge replies (wrong secret,
missing MS-CHAP2-Success, stray Identifier). Exit status: 0 Accept/Response, 1 Reject, 2 no reply
or a reply that does not verify."""
import hashlib
import hmac
import json
import socket
import struct
import subprocess
import threading

import pytest

from conftest import REPO, free_udp_port

DICTIONARY = REPO / "dictionaries"
SECRET = "testing123"


@pytest.fixture(autouse=True)
def demo_data_directory(tmp_path):
    """The `demo_server` fixture writes its log into tmp_path/data before uplink creates that
    directory; create it first (autouse fixtures run before the others)."""
    (tmp_path / "data").mkdir(exist_ok=True)
METHODS = ["pap", "chap", "mschap", "mschapv2"]


def radius_test(binary, *args, timeout=60):
    result = subprocess.run(
        [str(binary), "radius", "test", *map(str, args), "--dictionary", str(DICTIONARY)],
        capture_output=True, text=True, timeout=timeout,
    )
    reply = json.loads(result.stdout) if result.stdout.strip() else None
    return result, reply


def attribute(reply, name):
    return [a for a in reply["attributes"] if a["name"] == name]


# ---------------------------------------------------------------- against the demo server

@pytest.mark.parametrize("method", METHODS)
def test_accept_with_the_right_password(uplink_binary, demo_server, method):
    result, reply = radius_test(uplink_binary, "basic1", "basic1pass", f"127.0.0.1:{demo_server.auth_port}", SECRET,
                                "--method", method)
    assert result.returncode == 0, result.stderr
    assert reply["code_name"] == "Access-Accept"
    assert reply["authenticator_valid"] is True
    assert reply["message_authenticator_valid"] is True
    assert "authenticator ok, Message-Authenticator ok" in result.stderr
    if method == "mschapv2":
        assert "MS-CHAP2-Success ok" in result.stderr
        assert len(attribute(reply, "MS-CHAP2-Success")) == 1


@pytest.mark.parametrize("method", METHODS)
def test_reject_with_a_wrong_password(uplink_binary, demo_server, method):
    result, reply = radius_test(uplink_binary, "basic1", "wrong-password", f"127.0.0.1:{demo_server.auth_port}",
                                SECRET, "--method", method)
    assert result.returncode == 1, result.stderr
    assert reply["code_name"] == "Access-Reject"
    assert reply["authenticator_valid"] is True
    if method in ("mschap", "mschapv2"):
        [error] = attribute(reply, "MS-CHAP-Error")
        # RFC 2548 §2.1.5: an Ident octet, then the text "E=691 R=0 C=... V=..."
        assert bytes.fromhex(error["hex"])[1:].startswith(b"E=691 R=0")


def test_status_server_on_both_ports(uplink_binary, demo_server):
    result, reply = radius_test(uplink_binary, "-", "-", f"127.0.0.1:{demo_server.auth_port}", SECRET, "--status")
    assert result.returncode == 0, result.stderr
    assert reply["code_name"] == "Access-Accept" and reply["message_authenticator_valid"] is True
    result, reply = radius_test(uplink_binary, "-", "-", f"127.0.0.1:{demo_server.acct_port}", SECRET, "--status")
    assert result.returncode == 0, result.stderr
    assert reply["code_name"] == "Accounting-Response"


def test_accounting_start_interim_stop(uplink_binary, demo_server):
    server = f"127.0.0.1:{demo_server.acct_port}"
    common = ["--session-id", "itest-0001"]
    for status, extra in [("start", []),
                          ("interim", ["--input-octets", 5_000_000_000, "--output-octets", 42, "--session-time", 60]),
                          ("stop", ["--input-octets", 6_000_000_000, "--output-octets", 84, "--session-time", 120])]:
        result, reply = radius_test(uplink_binary, "basic1", "-", server, SECRET, "--accounting", status, *common, *extra)
        assert result.returncode == 0, (status, result.stderr)
        assert reply["code_name"] == "Accounting-Response"
        assert reply["authenticator_valid"] is True


def test_wrong_secret_gets_no_reply(uplink_binary, demo_server):
    """The server drops a request whose Message-Authenticator does not verify: a timeout, 2."""
    result, reply = radius_test(uplink_binary, "basic1", "basic1pass", f"127.0.0.1:{demo_server.auth_port}",
                                "not-the-secret", "--timeout", "0.5", "--retries", "0")
    assert result.returncode == 2
    assert reply is None
    assert "no reply" in result.stderr


def test_closed_port_times_out(uplink_binary):
    port = free_udp_port()
    result, reply = radius_test(uplink_binary, "basic1", "basic1pass", f"127.0.0.1:{port}", SECRET,
                                "--timeout", "0.3", "--retries", "2")
    assert result.returncode == 2
    assert reply is None
    assert f"error: no reply from 127.0.0.1:{port} after 3 attempt(s)" in result.stderr


def test_usage_errors(uplink_binary):
    result, _ = radius_test(uplink_binary, "u", "p", "127.0.0.1:99999", SECRET)
    assert result.returncode == 64 and "port" in result.stderr
    result, _ = radius_test(uplink_binary, "u", "p", "127.0.0.1", SECRET, "--method", "eap")
    assert result.returncode == 64
    result, _ = radius_test(uplink_binary, "u", "p", "127.0.0.1", SECRET, "--status", "--accounting", "start")
    assert result.returncode == 64


# ---------------------------------------------------------------- against a scripted responder

def parse_attributes(packet):
    attributes, offset = [], 20
    while offset + 2 <= len(packet):
        kind, length = packet[offset], packet[offset + 1]
        attributes.append((kind, packet[offset + 2:offset + length]))
        offset += length
    return attributes


def vsa(vendor, kind, value):
    return struct.pack("!BBIBB", 26, len(value) + 8, vendor, kind, len(value) + 2) + value


class Responder:
    """Answers each request with `answer(request) -> list of datagrams` on a thread; records requests."""

    def __init__(self, answer):
        self.answer = answer
        self.requests = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                data, peer = self.sock.recvfrom(4096)
            except OSError:
                return
            self.requests.append(data)
            for datagram in self.answer(data):
                self.sock.sendto(datagram, peer)

    def close(self):
        self.sock.close()


@pytest.fixture
def responder():
    made = []

    def make(answer):
        made.append(Responder(answer))
        return made[-1]

    yield make
    for item in made:
        item.close()


def reply(request, code, attributes=b"", secret=SECRET, message_authenticator=True, identifier=None):
    """A reply signed as RFC 2865 §3 / RFC 3579 §3.2 say (Message-Authenticator first)."""
    ident = request[1] if identifier is None else identifier
    request_authenticator = request[4:20]
    if message_authenticator:
        attributes = bytes([80, 18]) + bytes(16) + attributes
    length = 20 + len(attributes)
    header = struct.pack("!BBH", code, ident, length)
    if message_authenticator:
        mac = hmac.new(secret.encode(), header + request_authenticator + attributes, hashlib.md5).digest()
        attributes = bytes([80, 18]) + mac + attributes[18:]
    authenticator = hashlib.md5(header + request_authenticator + attributes + secret.encode()).digest()
    return header + authenticator + attributes


def test_accounting_counters_split_into_gigawords(uplink_binary, responder):
    server = responder(lambda request: [reply(request, 5, message_authenticator=False)])
    result, answer = radius_test(uplink_binary, "alice", "-", f"127.0.0.1:{server.port}", SECRET,
                                 "--accounting", "interim", "--session-id", "s-1",
                                 "--input-octets", 5 * 2**32 + 7, "--output-octets", 2**32 - 1, "--session-time", 90)
    assert result.returncode == 0, result.stderr
    assert answer["code_name"] == "Accounting-Response"
    [request] = server.requests
    assert request[0] == 4
    # RFC 2866 §3: Request Authenticator = MD5(Code+Identifier+Length+16 zero octets+Attributes+Secret)
    expected = hashlib.md5(request[:4] + bytes(16) + request[20:] + SECRET.encode()).digest()
    assert request[4:20] == expected
    values = {kind: value for kind, value in parse_attributes(request)}
    number = lambda kind: struct.unpack("!I", values[kind])[0]
    assert number(40) == 3  # Interim-Update
    assert values[1] == b"alice" and values[44] == b"s-1"
    assert (number(52), number(42)) == (5, 7)  # Acct-Input-Gigawords, Acct-Input-Octets
    assert (number(53), number(43)) == (0, 2**32 - 1)
    assert number(46) == 90
    assert 49 not in values  # Acct-Terminate-Cause only on Stop
    assert 80 not in values  # no Message-Authenticator in accounting


def test_access_request_has_message_authenticator_first(uplink_binary, responder):
    server = responder(lambda request: [reply(request, 2)])
    result, _ = radius_test(uplink_binary, "bob", "secret-pw", f"127.0.0.1:{server.port}", SECRET, "--nas-ip", "192.0.2.7")
    assert result.returncode == 0, result.stderr
    [request] = server.requests
    attributes = parse_attributes(request)
    assert attributes[0][0] == 80
    zeroed = request[:20] + bytes([80, 18]) + bytes(16) + request[38:]
    assert attributes[0][1] == hmac.new(SECRET.encode(), zeroed, hashlib.md5).digest()
    values = dict(attributes)
    assert values[4] == bytes([192, 0, 2, 7])
    # RFC 2865 §5.2: the first 16 octets of User-Password are the padded password XOR MD5(secret + RA).
    pad = hashlib.md5(SECRET.encode() + request[4:20]).digest()
    assert bytes(a ^ b for a, b in zip(values[2], pad)) == b"secret-pw" + bytes(7)


def test_reply_signed_with_another_secret_fails_verification(uplink_binary, responder):
    server = responder(lambda request: [reply(request, 2, secret="other-secret")])
    result, answer = radius_test(uplink_binary, "bob", "pw", f"127.0.0.1:{server.port}", SECRET)
    assert result.returncode == 2
    assert answer["authenticator_valid"] is False and answer["message_authenticator_valid"] is False
    assert "Response Authenticator does not verify" in result.stderr


def test_reject_is_exit_1_and_missing_message_authenticator_is_a_warning(uplink_binary, responder):
    server = responder(lambda request: [reply(request, 3, message_authenticator=False)])
    result, answer = radius_test(uplink_binary, "bob", "pw", f"127.0.0.1:{server.port}", SECRET)
    assert result.returncode == 1
    assert answer["code_name"] == "Access-Reject" and answer["message_authenticator_valid"] is None
    assert "warning: no Message-Authenticator" in result.stderr


def test_mschapv2_accept_must_prove_the_password(uplink_binary, responder):
    without = responder(lambda request: [reply(request, 2)])
    result, _ = radius_test(uplink_binary, "bob", "pw", f"127.0.0.1:{without.port}", SECRET, "--method", "mschapv2")
    assert result.returncode == 2
    assert "without MS-CHAP2-Success" in result.stderr

    def forged(request):
        # Right Ident (uplink uses the RADIUS Identifier), wrong authenticator response.
        success = vsa(311, 26, bytes([request[1]]) + b"S=" + b"0" * 40)
        return [reply(request, 2, success)]

    wrong = responder(forged)
    result, _ = radius_test(uplink_binary, "bob", "pw", f"127.0.0.1:{wrong.port}", SECRET, "--method", "mschapv2")
    assert result.returncode == 2
    assert "MS-CHAP2-Success does not match" in result.stderr


def test_stray_replies_are_ignored(uplink_binary, responder):
    """A datagram with another Identifier is not our reply; the right one that follows is."""
    server = responder(lambda request: [reply(request, 3, identifier=(request[1] + 1) % 256), reply(request, 2)])
    result, answer = radius_test(uplink_binary, "bob", "pw", f"127.0.0.1:{server.port}", SECRET)
    assert result.returncode == 0, result.stderr
    assert answer["code_name"] == "Access-Accept"


def test_retransmission_repeats_the_same_request(uplink_binary, responder):
    """No answer to the first send; the retransmission is byte for byte the same (RFC 5080 §2.2.1)."""
    seen = []

    def answer_second(request):
        seen.append(request)
        return [reply(request, 2)] if len(seen) == 2 else []

    server = responder(answer_second)
    result, _ = radius_test(uplink_binary, "bob", "pw", f"127.0.0.1:{server.port}", SECRET,
                            "--timeout", "0.5", "--retries", "3")
    assert result.returncode == 0, result.stderr
    assert len(server.requests) == 2 and server.requests[0] == server.requests[1]
    assert "attempt 2" in result.stderr
