"""A test NAS that speaks RADIUS the way MikroTik RouterOS 7.15+ does (mikrotik.md §2–§4).

It builds the Access-Requests RouterOS sends for PPPoE (MS-CHAPv2 by default, also MS-CHAPv1, CHAP,
PAP) and for the Hotspot (HTTP-CHAP, MAC authentication), and the Accounting-Requests that follow,
and it checks every reply the way the router does before it believes it:

- the Response Authenticator (RFC 2865 §3) and a present, correct Message-Authenticator
  (RFC 3579 §3.2; RouterOS 7.15+ `require-message-auth=yes-for-request-resp` drops replies without);
- for MS-CHAPv2 an MS-CHAP2-Success whose `S=` authenticator response is right (RFC 2759 §8.7) and
  MS-MPPE-Send-Key/Recv-Key that decrypt (RFC 2548 §2.4.2–2.4.3) to the RFC 3079 §3.3 keys.

A reply that fails a check raises `BadReply` (RouterOS counts it in `/radius monitor bad-replies` and
behaves as if nothing came back). The RADIUS wire format is written here by hand on purpose: the test
must not share code with the server it checks. MD4 and DES come from pycryptodome.
"""
from __future__ import annotations

import dataclasses
import hashlib
import hmac
import os
import select
import socket
import struct
import time

from Crypto.Cipher import DES
from Crypto.Hash import MD4

# RADIUS codes (RFC 2865 §3, RFC 2866 §3, RFC 5997 §2)
ACCESS_REQUEST, ACCESS_ACCEPT, ACCESS_REJECT = 1, 2, 3
ACCOUNTING_REQUEST, ACCOUNTING_RESPONSE = 4, 5
STATUS_SERVER = 12

# Attribute types
USER_NAME, USER_PASSWORD, CHAP_PASSWORD, NAS_IP_ADDRESS, NAS_PORT = 1, 2, 3, 4, 5
SERVICE_TYPE, FRAMED_PROTOCOL, FRAMED_IP_ADDRESS = 6, 7, 8
REPLY_MESSAGE, CLASS, VENDOR_SPECIFIC, SESSION_TIMEOUT = 18, 25, 26, 27
FRAMED_POOL = 88
CALLED_STATION_ID, CALLING_STATION_ID, NAS_IDENTIFIER, PROXY_STATE = 30, 31, 32, 33
ACCT_STATUS_TYPE, ACCT_DELAY_TIME, ACCT_INPUT_OCTETS, ACCT_OUTPUT_OCTETS = 40, 41, 42, 43
ACCT_SESSION_ID, ACCT_AUTHENTIC, ACCT_SESSION_TIME = 44, 45, 46
ACCT_INPUT_PACKETS, ACCT_OUTPUT_PACKETS, ACCT_TERMINATE_CAUSE = 47, 48, 49
ACCT_INPUT_GIGAWORDS, ACCT_OUTPUT_GIGAWORDS, EVENT_TIMESTAMP = 52, 53, 55
CHAP_CHALLENGE, NAS_PORT_TYPE = 60, 61
MESSAGE_AUTHENTICATOR, NAS_PORT_ID = 80, 87

# Acct-Status-Type values (RFC 2866 §5.1)
START, STOP, INTERIM_UPDATE, ACCOUNTING_ON, ACCOUNTING_OFF = 1, 2, 3, 7, 8

# Vendors and vendor attribute types
MICROSOFT, MIKROTIK, WISPR = 311, 14988, 14122
MS_CHAP_RESPONSE, MS_CHAP_ERROR, MS_CHAP_CHALLENGE = 1, 2, 11
MS_MPPE_SEND_KEY, MS_MPPE_RECV_KEY, MS_CHAP2_RESPONSE, MS_CHAP2_SUCCESS = 16, 17, 25, 26
MIKROTIK_RATE_LIMIT, MIKROTIK_GROUP, MIKROTIK_HOST_IP = 8, 3, 10
WISPR_LOCATION_ID, WISPR_LOCATION_NAME, WISPR_LOGOFF_URL = 1, 2, 3


class BadReply(Exception):
    """A reply RouterOS would discard (counted as a bad reply), with the reason."""


class NoReply(Exception):
    """Nothing came back within the timeout (RouterOS: "RADIUS server is not responding")."""


@dataclasses.dataclass
class Packet:
    """A RADIUS packet as a list of (type, value) attributes, in wire order."""
    code: int
    identifier: int
    authenticator: bytes = b"\x00" * 16
    attributes: list = dataclasses.field(default_factory=list)

    def add(self, kind: int, value) -> "Packet":
        self.attributes.append((kind, encode_value(value)))
        return self

    def add_vsa(self, vendor: int, kind: int, value) -> "Packet":
        data = encode_value(value)
        self.attributes.append((VENDOR_SPECIFIC, struct.pack("!IBB", vendor, kind, len(data) + 2) + data))
        return self

    def get(self, kind: int) -> bytes | None:
        values = self.get_all(kind)
        return values[0] if values else None

    def get_all(self, kind: int) -> list:
        return [value for attribute, value in self.attributes if attribute == kind]

    def vsa_all(self, vendor: int, kind: int) -> list:
        found = []
        for attribute, value in self.attributes:
            if attribute != VENDOR_SPECIFIC or len(value) < 6:
                continue
            (vendor_id,) = struct.unpack("!I", value[:4])
            offset = 4
            while vendor_id == vendor and offset + 2 <= len(value):
                sub_type, sub_length = value[offset], value[offset + 1]
                if sub_length < 2 or offset + sub_length > len(value):
                    break
                if sub_type == kind:
                    found.append(value[offset + 2:offset + sub_length])
                offset += sub_length
        return found

    def vsa(self, vendor: int, kind: int) -> bytes | None:
        values = self.vsa_all(vendor, kind)
        return values[0] if values else None

    def text(self, kind: int) -> str | None:
        value = self.get(kind)
        return None if value is None else value.decode("utf-8", "replace")

    def integer(self, kind: int) -> int | None:
        value = self.get(kind)
        return None if value is None or len(value) != 4 else struct.unpack("!I", value)[0]

    def encode(self) -> bytes:
        body = b"".join(bytes([kind, len(value) + 2]) + value for kind, value in self.attributes)
        return struct.pack("!BBH", self.code, self.identifier, 20 + len(body)) + self.authenticator + body


def encode_value(value) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode()
    if isinstance(value, int):
        return struct.pack("!I", value)
    raise TypeError(f"cannot encode {value!r}")


def ipv4(text: str) -> bytes:
    return socket.inet_aton(text)


def decode(data: bytes) -> Packet:
    """Parses a packet; raises BadReply when the framing is wrong (RFC 2865 §3)."""
    if len(data) < 20:
        raise BadReply(f"short packet ({len(data)} bytes)")
    code, identifier, length = struct.unpack("!BBH", data[:4])
    if length < 20 or length > len(data):
        raise BadReply(f"length field {length} for {len(data)} bytes")
    packet = Packet(code, identifier, data[4:20])
    offset = 20
    while offset < length:
        if offset + 2 > length:
            raise BadReply("truncated attribute header")
        kind, size = data[offset], data[offset + 1]
        if size < 2 or offset + size > length:
            raise BadReply(f"attribute {kind} length {size} overruns the packet")
        packet.attributes.append((kind, data[offset + 2:offset + size]))
        offset += size
    return packet


# --- authenticators (RFC 2865 §3, RFC 2866 §3, RFC 3579 §3.2) -------------------------------------

def md5(*parts: bytes) -> bytes:
    return hashlib.md5(b"".join(parts)).digest()


def _with_zero_ma(packet: Packet) -> Packet:
    zeroed = [(kind, b"\x00" * 16 if kind == MESSAGE_AUTHENTICATOR else value) for kind, value in packet.attributes]
    return Packet(packet.code, packet.identifier, packet.authenticator, zeroed)


def message_authenticator(packet: Packet, secret: bytes, authenticator: bytes) -> bytes:
    """HMAC-MD5 over the packet with Message-Authenticator zeroed and `authenticator` in the header."""
    template = _with_zero_ma(packet)
    template.authenticator = authenticator
    return hmac.new(secret, template.encode(), hashlib.md5).digest()


def sign_access_request(packet: Packet, secret: bytes, with_ma: bool = True) -> bytes:
    """Random Request Authenticator; Message-Authenticator first (as RouterOS and BlastRADIUS advice do)."""
    packet.authenticator = os.urandom(16)
    if with_ma:
        packet.attributes.insert(0, (MESSAGE_AUTHENTICATOR, b"\x00" * 16))
        mac = message_authenticator(packet, secret, packet.authenticator)
        packet.attributes[0] = (MESSAGE_AUTHENTICATOR, mac)
    return packet.encode()


def sign_accounting_request(packet: Packet, secret: bytes) -> bytes:
    """Request Authenticator = MD5(Code+Id+Length+16 zero octets+Attributes+Secret) (RFC 2866 §3)."""
    packet.authenticator = b"\x00" * 16
    packet.authenticator = md5(packet.encode(), secret)
    return packet.encode()


def message_authenticator_vector(reply_code: int, request: Packet) -> bytes:
    """What stands in the Authenticator field while hashing a reply's Message-Authenticator.

    Access-Accept/Reject/Challenge and the answer to Status-Server: the request's authenticator
    (RFC 3579 §3.2, RFC 5997 §3). An Accounting-Response to an Accounting-Request: 16 zero octets,
    as FreeRADIUS (rad_sign/rad_verify) and pyrad compute it; no RFC defines this case.
    """
    if reply_code == ACCOUNTING_RESPONSE and request.code != STATUS_SERVER:
        return b"\x00" * 16
    return request.authenticator


def check_reply(data: bytes, request: Packet, secret: bytes, expect_codes, require_ma: bool | None = None) -> Packet:
    """Checks a reply as RouterOS 7.15+ does; returns it decoded or raises BadReply.

    Message-Authenticator is required in every reply (RouterOS 7.15+ `require-message-auth=
    yes-for-request-resp`; Uplink sends one in Accounting-Responses too, computed over a zero
    authenticator as FreeRADIUS does); pass require_ma=False for a peer that omits it there.
    When present it must verify."""
    reply = decode(data)
    if reply.identifier != request.identifier:
        raise BadReply(f"identifier {reply.identifier} != {request.identifier}")
    if reply.code not in expect_codes:
        raise BadReply(f"unexpected code {reply.code}")
    raw = data[:struct.unpack("!H", data[2:4])[0]]
    expected = md5(raw[:4], request.authenticator, raw[20:], secret)
    if expected != reply.authenticator:
        raise BadReply("response authenticator does not verify")
    if require_ma is None:
        require_ma = True
    macs = reply.get_all(MESSAGE_AUTHENTICATOR)
    if require_ma and not macs:
        raise BadReply("no Message-Authenticator in the reply")
    if len(macs) > 1:
        raise BadReply("more than one Message-Authenticator")
    if macs:
        if len(macs[0]) != 16:
            raise BadReply("Message-Authenticator is not 16 octets")
        vector = message_authenticator_vector(reply.code, request)
        if not hmac.compare_digest(message_authenticator(reply, secret, vector), macs[0]):
            raise BadReply("Message-Authenticator does not verify")
    return reply


# --- PAP, CHAP (RFC 2865 §5.2–5.3, RFC 1994) ----------------------------------------------------------

def pap_hide(password: bytes, secret: bytes, authenticator: bytes) -> bytes:
    # padded with NULs to a multiple of 16 octets; an empty password is one block of NULs
    padded = password + b"\x00" * ((-len(password) % 16) if password else 16)
    out, previous = b"", authenticator
    for index in range(0, len(padded), 16):
        block = bytes(a ^ b for a, b in zip(padded[index:index + 16], md5(secret, previous)))
        out += block
        previous = block
    return out


def chap_response(ident: int, password: bytes, challenge: bytes) -> bytes:
    return bytes([ident]) + md5(bytes([ident]), password, challenge)


# --- MS-CHAP (RFC 2433), MS-CHAPv2 (RFC 2759), MPPE keys (RFC 3079), key hiding (RFC 2548) -----------

def nt_password_hash(password: str) -> bytes:
    return MD4.new(password.encode("utf-16-le")).digest()


def hash_nt_password_hash(password_hash: bytes) -> bytes:
    return MD4.new(password_hash).digest()


def _des_key(seven: bytes) -> bytes:
    """Spreads 56 key bits over 8 octets (parity bit left 0; DES ignores it)."""
    bits = int.from_bytes(seven, "big")
    return bytes(((bits >> (49 - 7 * index)) & 0x7F) << 1 for index in range(8))


def challenge_response(challenge: bytes, password_hash: bytes) -> bytes:
    """RFC 2759 §8.5: three DES encryptions of the 8-octet challenge with the zero-padded hash."""
    padded = password_hash + b"\x00" * (21 - len(password_hash))
    return b"".join(DES.new(_des_key(padded[i:i + 7]), DES.MODE_ECB).encrypt(challenge) for i in (0, 7, 14))


def challenge_hash(peer_challenge: bytes, authenticator_challenge: bytes, user_name: bytes) -> bytes:
    return hashlib.sha1(peer_challenge + authenticator_challenge + user_name).digest()[:8]


def generate_nt_response(authenticator_challenge, peer_challenge, user_name: bytes, password: str) -> bytes:
    challenge = challenge_hash(peer_challenge, authenticator_challenge, user_name)
    return challenge_response(challenge, nt_password_hash(password))


MAGIC_SIGN_1 = b"Magic server to client signing constant"
MAGIC_SIGN_2 = b"Pad to make it do more than one iteration"


def authenticator_response(password: str, nt_response: bytes, peer_challenge: bytes,
                           authenticator_challenge: bytes, user_name: bytes) -> str:
    """RFC 2759 §8.7: the `S=` string the server must return in MS-CHAP2-Success."""
    password_hash_hash = hash_nt_password_hash(nt_password_hash(password))
    digest = hashlib.sha1(password_hash_hash + nt_response + MAGIC_SIGN_1).digest()
    challenge = challenge_hash(peer_challenge, authenticator_challenge, user_name)
    digest = hashlib.sha1(digest + challenge + MAGIC_SIGN_2).digest()
    return "S=" + digest.hex().upper()


MPPE_MAGIC_1 = b"This is the MPPE Master Key"
MPPE_MAGIC_2 = (b"On the client side, this is the send key; on the server side, it is the receive key.")
MPPE_MAGIC_3 = (b"On the client side, this is the receive key; on the server side, it is the send key.")


def mppe_keys(password: str, nt_response: bytes, length: int = 16) -> tuple[bytes, bytes]:
    """RFC 3079 §3.3–3.4: the server's (send, receive) start keys for 128-bit MPPE.

    MS-MPPE-Send-Key carries the key for NAS → client traffic, i.e. the server's send key
    (RFC 2548 §2.4.2), MS-MPPE-Recv-Key the server's receive key (§2.4.3).
    """
    password_hash_hash = hash_nt_password_hash(nt_password_hash(password))
    master = hashlib.sha1(password_hash_hash + nt_response + MPPE_MAGIC_1).digest()[:16]
    pad1, pad2 = b"\x00" * 40, b"\xf2" * 40

    def start_key(magic):
        return hashlib.sha1(master + pad1 + magic + pad2).digest()[:length]

    return start_key(MPPE_MAGIC_3), start_key(MPPE_MAGIC_2)


def mppe_key_reveal(value: bytes, secret: bytes, request_authenticator: bytes) -> bytes:
    """RFC 2548 §2.4.2: Salt (2 octets, high bit set) + encrypted (Key-Length, Key, padding)."""
    if len(value) < 18 or (len(value) - 2) % 16 != 0:
        raise BadReply(f"MPPE key attribute has {len(value)} octets")
    salt, cipher = value[:2], value[2:]
    if not salt[0] & 0x80:
        raise BadReply("MPPE key salt lacks its high bit")
    plain, previous = b"", request_authenticator + salt
    for index in range(0, len(cipher), 16):
        block = cipher[index:index + 16]
        plain += bytes(a ^ b for a, b in zip(block, md5(secret, previous)))
        previous = block
    key_length = plain[0]
    if key_length == 0 or key_length > len(plain) - 1:
        raise BadReply(f"MPPE key length {key_length} is impossible")
    return plain[1:1 + key_length]


# --- the NAS --------------------------------------------------------------------------------------

@dataclasses.dataclass
class AuthOutcome:
    """A checked answer to an Access-Request."""
    reply: Packet
    request: Packet

    @property
    def accepted(self) -> bool:
        return self.reply.code == ACCESS_ACCEPT

    @property
    def rate_limit(self) -> str | None:
        value = self.reply.vsa(MIKROTIK, MIKROTIK_RATE_LIMIT)
        return None if value is None else value.decode()

    @property
    def reply_message(self) -> str | None:
        return self.reply.text(REPLY_MESSAGE)

    @property
    def framed_ip(self) -> str | None:
        value = self.reply.get(FRAMED_IP_ADDRESS)
        return None if value is None else socket.inet_ntoa(value)


MAC_FORMATS = {
    # RouterOS `radius-mac-format` choices (mikrotik.md §2.2)
    "XX:XX:XX:XX:XX:XX": lambda h: ":".join(h[i:i + 2] for i in range(0, 12, 2)),
    "XXXX:XXXX:XXXX": lambda h: ":".join(h[i:i + 4] for i in range(0, 12, 4)),
    "XXXXXX:XXXXXX": lambda h: h[:6] + ":" + h[6:],
    "XX-XX-XX-XX-XX-XX": lambda h: "-".join(h[i:i + 2] for i in range(0, 12, 2)),
    "XXXXXX-XXXXXX": lambda h: h[:6] + "-" + h[6:],
    "XXXXXXXXXXXX": lambda h: h,
    "XX XX XX XX XX XX": lambda h: " ".join(h[i:i + 2] for i in range(0, 12, 2)),
}


def format_mac(mac: str, fmt: str) -> str:
    digits = "".join(c for c in mac if c.isalnum()).upper()
    assert len(digits) == 12, mac
    return MAC_FORMATS[fmt](digits)


class RouterOSNAS:
    """One router: a UDP socket on loopback, its secret, identity and addresses."""

    def __init__(self, server_host: str, auth_port: int, acct_port: int, secret: str,
                 identity: str = "MikroTik", nas_ip: str = "127.0.0.1", bind: str = "127.0.0.1"):
        self.server_host = server_host
        self.auth_port = auth_port
        self.acct_port = acct_port
        self.secret = secret.encode()
        self.identity = identity
        self.nas_ip = nas_ip
        family = socket.AF_INET6 if ":" in bind else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_DGRAM)
        self.sock.bind((bind, 0))
        self._next_id = int.from_bytes(os.urandom(1), "big")
        self._session_counter = 0x81000000

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def next_identifier(self) -> int:
        self._next_id = (self._next_id + 1) % 256
        return self._next_id

    def next_session_id(self, prefix: int = 0x81000000) -> str:
        """Acct-Session-Id as RouterOS writes it: 8 hex digits (mikrotik.md §2.3)."""
        self._session_counter += 1
        return f"{(prefix | (self._session_counter & 0xFFFFFF)):08x}"

    # transport -----------------------------------------------------------------------------------

    def send_raw(self, data: bytes, port: int):
        self.sock.sendto(data, (self.server_host, port))

    def receive_raw(self, identifier: int, timeout: float) -> bytes:
        """The next datagram with `identifier`; NoReply after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise NoReply(f"no reply to id {identifier} within {timeout}s")
            readable, _, _ = select.select([self.sock], [], [], remaining)
            if not readable:
                continue
            data, _ = self.sock.recvfrom(65535)
            if len(data) >= 2 and data[1] == identifier:
                return data

    def exchange(self, data: bytes, port: int, timeout: float = 5.0) -> bytes:
        self.send_raw(data, port)
        return self.receive_raw(data[1], timeout)

    # authentication ------------------------------------------------------------------------------

    def _pppoe_request(self, user: str, mac: str, service: str, port: int) -> Packet:
        request = Packet(ACCESS_REQUEST, self.next_identifier())
        request.add(SERVICE_TYPE, 2).add(FRAMED_PROTOCOL, 1)  # Framed-User, PPP
        request.add(NAS_PORT, port).add(NAS_PORT_TYPE, 15)   # Ethernet (PPPoE)
        request.add(USER_NAME, user)
        request.add(CALLING_STATION_ID, format_mac(mac, "XX:XX:XX:XX:XX:XX"))
        request.add(CALLED_STATION_ID, service)
        request.add(NAS_PORT_ID, "ether2-customers")
        request.add(NAS_IDENTIFIER, self.identity).add(NAS_IP_ADDRESS, ipv4(self.nas_ip))
        return request

    def authenticate(self, request: Packet, timeout: float = 5.0, with_ma: bool = True) -> AuthOutcome:
        data = sign_access_request(request, self.secret, with_ma=with_ma)
        reply = check_reply(self.exchange(data, self.auth_port, timeout), request, self.secret,
                            (ACCESS_ACCEPT, ACCESS_REJECT))
        return AuthOutcome(reply, request)

    def pppoe_login(self, user: str, password: str, method: str = "mschap2", mac: str = "D4:CA:6D:11:22:33",
                    service: str = "pppoe-isp", port: int = 15728640) -> AuthOutcome:
        """A PPPoE client dials in; RouterOS forwards its credentials by `method`."""
        request = self._pppoe_request(user, mac, service, port)
        if method == "mschap2":
            authenticator_challenge, peer_challenge = os.urandom(16), os.urandom(16)
            nt_response = generate_nt_response(authenticator_challenge, peer_challenge, user.encode(), password)
            ident = int.from_bytes(os.urandom(1), "big")
            request.add_vsa(MICROSOFT, MS_CHAP_CHALLENGE, authenticator_challenge)
            request.add_vsa(MICROSOFT, MS_CHAP2_RESPONSE,
                            bytes([ident, 0]) + peer_challenge + b"\x00" * 8 + nt_response)
            outcome = self.authenticate(request)
            if outcome.accepted:
                self._check_mschap2_accept(outcome.reply, request, user, password, ident,
                                           authenticator_challenge, peer_challenge, nt_response)
            return outcome
        if method == "mschap1":
            challenge = os.urandom(8)
            nt = challenge_response(challenge, nt_password_hash(password))
            request.add_vsa(MICROSOFT, MS_CHAP_CHALLENGE, challenge)
            request.add_vsa(MICROSOFT, MS_CHAP_RESPONSE, bytes([1, 1]) + b"\x00" * 24 + nt)
            return self.authenticate(request)
        if method == "chap":
            challenge, ident = os.urandom(16), int.from_bytes(os.urandom(1), "big")
            request.add(CHAP_CHALLENGE, challenge).add(CHAP_PASSWORD, chap_response(ident, password.encode(), challenge))
            return self.authenticate(request)
        if method == "pap":
            return self._pap(request, password.encode())
        raise ValueError(method)

    def _pap(self, request: Packet, password: bytes) -> AuthOutcome:
        """User-Password is hidden with the Request Authenticator (RFC 2865 §5.2), so it is added here."""
        authenticator = os.urandom(16)
        request.attributes = [(k, v) for k, v in request.attributes if k != USER_PASSWORD]
        request.add(USER_PASSWORD, pap_hide(password, self.secret, authenticator))
        request.attributes.insert(0, (MESSAGE_AUTHENTICATOR, b"\x00" * 16))
        request.authenticator = authenticator
        request.attributes[0] = (MESSAGE_AUTHENTICATOR, message_authenticator(request, self.secret, authenticator))
        data = request.encode()
        reply = check_reply(self.exchange(data, self.auth_port), request, self.secret, (ACCESS_ACCEPT, ACCESS_REJECT))
        return AuthOutcome(reply, request)

    def _check_mschap2_accept(self, reply: Packet, request: Packet, user: str, password: str, ident: int,
                              authenticator_challenge: bytes, peer_challenge: bytes, nt_response: bytes):
        success = reply.vsa(MICROSOFT, MS_CHAP2_SUCCESS)
        if success is None:
            raise BadReply("Access-Accept for MS-CHAPv2 without MS-CHAP2-Success")
        expected = authenticator_response(password, nt_response, peer_challenge, authenticator_challenge,
                                          user.encode())
        if success[0] != ident:
            raise BadReply(f"MS-CHAP2-Success ident {success[0]} != {ident}")
        if success[1:43].decode("ascii", "replace") != expected:
            raise BadReply(f"MS-CHAP2-Success authenticator response {success[1:]!r} != {expected}")
        send, recv = reply.vsa(MICROSOFT, MS_MPPE_SEND_KEY), reply.vsa(MICROSOFT, MS_MPPE_RECV_KEY)
        if send is None or recv is None:
            raise BadReply("Access-Accept for MS-CHAPv2 without MS-MPPE-Send-Key/Recv-Key")
        if send[:2] == recv[:2]:
            raise BadReply("MS-MPPE-Send-Key and Recv-Key share a salt (RFC 2548 §2.4.2: MUST be unique)")
        want_send, want_recv = mppe_keys(password, nt_response)
        got_send = mppe_key_reveal(send, self.secret, request.authenticator)
        got_recv = mppe_key_reveal(recv, self.secret, request.authenticator)
        if got_send != want_send:
            raise BadReply(f"MS-MPPE-Send-Key decrypts to {got_send.hex()}, expected {want_send.hex()}")
        if got_recv != want_recv:
            raise BadReply(f"MS-MPPE-Recv-Key decrypts to {got_recv.hex()}, expected {want_recv.hex()}")

    def _hotspot_request(self, user: str, mac: str, session_id: str, client_ip: str,
                         mac_format: str = "XX:XX:XX:XX:XX:XX") -> Packet:
        request = Packet(ACCESS_REQUEST, self.next_identifier())
        request.add(NAS_PORT_TYPE, 19)  # Wireless-802.11 (the hotspot profile default)
        request.add(CALLING_STATION_ID, format_mac(mac, mac_format))
        request.add(CALLED_STATION_ID, "hs-vlan888-hotspot").add(NAS_PORT_ID, "vlan888-hotspot")
        request.add(USER_NAME, user)
        request.add(NAS_PORT, int(session_id, 16)).add(ACCT_SESSION_ID, session_id)
        request.add(FRAMED_IP_ADDRESS, ipv4(client_ip)).add_vsa(MIKROTIK, MIKROTIK_HOST_IP, ipv4(client_ip))
        request.add(SERVICE_TYPE, 1)  # Login-User
        request.add_vsa(WISPR, WISPR_LOGOFF_URL, "http://10.5.88.1/logout")
        request.add_vsa(WISPR, WISPR_LOCATION_ID, "isocc=bd,cc=880,ac=2,network=Uplink")
        request.add_vsa(WISPR, WISPR_LOCATION_NAME, "Demo hotspot")
        request.add(NAS_IDENTIFIER, self.identity).add(NAS_IP_ADDRESS, ipv4(self.nas_ip))
        return request

    def hotspot_http_chap(self, user: str, password: str, mac: str = "BC:24:11:EB:56:4D",
                          session_id: str = "80100014", client_ip: str = "10.5.88.2") -> AuthOutcome:
        """The browser computes MD5(chap-id ‖ password ‖ chap-challenge) in md5.js; the router
        passes CHAP-Password and CHAP-Challenge on (mikrotik.md §2.2)."""
        request = self._hotspot_request(user, mac, session_id, client_ip)
        challenge, ident = os.urandom(16), int.from_bytes(os.urandom(1), "big")
        request.add(CHAP_CHALLENGE, challenge).add(CHAP_PASSWORD, chap_response(ident, password.encode(), challenge))
        return self.authenticate(request)

    def hotspot_mac_login(self, mac: str, mac_format: str = "XX:XX:XX:XX:XX:XX",
                          mode: str = "mac-as-username", session_id: str = "80200001",
                          client_ip: str = "10.5.88.3") -> AuthOutcome:
        """`login-by=mac`: User-Name is the MAC in `radius-mac-format`; the password is the
        (empty) mac-auth-password, or the MAC itself with mac-as-username-and-password."""
        name = format_mac(mac, mac_format)
        request = self._hotspot_request(name, mac, session_id, client_ip, mac_format)
        password = name.encode() if mode == "mac-as-username-and-password" else b""
        return self._pap(request, password)

    def status_server(self, port: int, timeout: float = 5.0) -> Packet:
        """RFC 5997 §3: Status-Server with Message-Authenticator; checks the reply."""
        request = Packet(STATUS_SERVER, self.next_identifier())
        request.add(NAS_IDENTIFIER, self.identity)
        data = sign_access_request(request, self.secret)
        expected = (ACCESS_ACCEPT,) if port == self.auth_port else (ACCOUNTING_RESPONSE,)
        return check_reply(self.exchange(data, port, timeout), request, self.secret, expected)

    # accounting ----------------------------------------------------------------------------------

    def accounting_request(self, status: int, user: str | None = None, session_id: str | None = None,
                           input_bytes: int = 0, output_bytes: int = 0, session_time: int = 0,
                           input_packets: int = 0, output_packets: int = 0, mac: str = "D4:CA:6D:11:22:33",
                           framed_ip: str | None = "10.10.1.50", class_value: bytes | None = None,
                           nas_port: int = 15728640, terminate_cause: int | None = None,
                           event_timestamp: int | None = None, service: str = "pppoe") -> Packet:
        """An Accounting-Request as RouterOS sends it (mikrotik.md §4.1): for PPPoE with
        Acct-Authentic and the PPP attributes, for the hotspot as in the RouterOS 7 capture (NAS-Port
        = Acct-Session-Id read as hex, Mikrotik-Host-IP, Event-Timestamp). Counters are the session's
        cumulative 64-bit byte counts, split into Octets + Gigawords."""
        request = Packet(ACCOUNTING_REQUEST, self.next_identifier())
        request.add(ACCT_STATUS_TYPE, status)
        if status in (START, STOP, INTERIM_UPDATE):
            if service == "pppoe":
                request.add(ACCT_AUTHENTIC, 1).add(SERVICE_TYPE, 2).add(FRAMED_PROTOCOL, 1)
                request.add(NAS_PORT, nas_port).add(NAS_PORT_TYPE, 15)
                request.add(USER_NAME, user).add(CALLING_STATION_ID, format_mac(mac, "XX:XX:XX:XX:XX:XX"))
                request.add(CALLED_STATION_ID, "pppoe-isp").add(NAS_PORT_ID, "ether2-customers")
            else:
                request.add(NAS_PORT_TYPE, 19).add(CALLING_STATION_ID, format_mac(mac, "XX:XX:XX:XX:XX:XX"))
                request.add(CALLED_STATION_ID, "hs-vlan888-hotspot").add(NAS_PORT_ID, "vlan888-hotspot")
                request.add(USER_NAME, user).add(NAS_PORT, int(session_id, 16))
            request.add(ACCT_SESSION_ID, session_id)
            if framed_ip:
                request.add(FRAMED_IP_ADDRESS, ipv4(framed_ip))
                if service != "pppoe":
                    request.add_vsa(MIKROTIK, MIKROTIK_HOST_IP, ipv4(framed_ip))
            if class_value is not None:
                request.add(CLASS, class_value)
        if status in (STOP, INTERIM_UPDATE):
            request.add(ACCT_SESSION_TIME, session_time)
            request.add(ACCT_INPUT_OCTETS, input_bytes & 0xFFFFFFFF).add(ACCT_INPUT_GIGAWORDS, input_bytes >> 32)
            request.add(ACCT_INPUT_PACKETS, input_packets)
            request.add(ACCT_OUTPUT_OCTETS, output_bytes & 0xFFFFFFFF).add(ACCT_OUTPUT_GIGAWORDS, output_bytes >> 32)
            request.add(ACCT_OUTPUT_PACKETS, output_packets)
        if status == STOP:
            request.add(ACCT_TERMINATE_CAUSE, terminate_cause if terminate_cause is not None else 1)
        if event_timestamp is not None:
            request.add(EVENT_TIMESTAMP, event_timestamp)
        request.add(ACCT_DELAY_TIME, 0)
        request.add(NAS_IDENTIFIER, self.identity).add(NAS_IP_ADDRESS, ipv4(self.nas_ip))
        sign_accounting_request(request, self.secret)
        return request

    def account(self, request: Packet, timeout: float = 10.0) -> Packet:
        """Sends a signed Accounting-Request and checks the Accounting-Response."""
        data = request.encode()
        return check_reply(self.exchange(data, self.acct_port, timeout), request, self.secret, (ACCOUNTING_RESPONSE,))
