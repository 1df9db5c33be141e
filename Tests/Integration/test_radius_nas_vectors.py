"""The test NAS's own crypto against the RFC test vectors, so a failure elsewhere is the server's.

RFC 2759 §9.2 (MS-CHAPv2) and RFC 3079 §3.5.3 (128-bit MPPE keys) share one example exchange.
"""
import routeros_nas as nas

USER = b"User"
PASSWORD = "clientPass"
AUTHENTICATOR_CHALLENGE = bytes.fromhex("5B5D7C7D7B3F2F3E3C2C602132262628")
PEER_CHALLENGE = bytes.fromhex("21402324255E262A28295F2B3A337C7E")
NT_RESPONSE = bytes.fromhex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF")


def test_rfc2759_password_hash_and_nt_response():
    assert nas.nt_password_hash(PASSWORD) == bytes.fromhex("44EBBA8D5312B8D611474411F56989AE")
    assert nas.hash_nt_password_hash(nas.nt_password_hash(PASSWORD)) == bytes.fromhex(
        "41C00C584BD2D91C4017A2A12FA59F3F")
    assert nas.challenge_hash(PEER_CHALLENGE, AUTHENTICATOR_CHALLENGE, USER) == bytes.fromhex("D02E4386BCE91226")
    assert nas.generate_nt_response(AUTHENTICATOR_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD) == NT_RESPONSE


def test_rfc2759_authenticator_response():
    response = nas.authenticator_response(PASSWORD, NT_RESPONSE, PEER_CHALLENGE, AUTHENTICATOR_CHALLENGE, USER)
    assert response == "S=407A5589115FD0D6209F510FE9C04566932CDA56"


def test_rfc3079_server_send_key():
    send, receive = nas.mppe_keys(PASSWORD, NT_RESPONSE)
    # SendStartKey128 of RFC 3079 §3.5.3 is the server's send key (IsSend, IsServer).
    assert send == bytes.fromhex("8B7CDC149B993A1BA118CB153F56DCCB")
    assert receive != send and len(receive) == 16


def test_mppe_key_hiding_round_trip():
    """RFC 2548 §2.4.2 hiding, done forwards here, must reveal to the same key."""
    secret, authenticator, salt = b"testing123", bytes(range(16)), b"\x80\x01"
    key = bytes.fromhex("8B7CDC149B993A1BA118CB153F56DCCB")
    plain = bytes([len(key)]) + key + b"\x00" * 15
    cipher, previous = b"", authenticator + salt
    for index in range(0, len(plain), 16):
        block = bytes(a ^ b for a, b in zip(plain[index:index + 16], nas.md5(secret, previous)))
        cipher += block
        previous = block
    assert nas.mppe_key_reveal(salt + cipher, secret, authenticator) == key


def test_pap_hiding_matches_rfc2865_construction():
    secret, authenticator = b"xyzzy5461", bytes.fromhex("0f403f9473978057bd83d5cb98f4227a")
    hidden = nas.pap_hide(b"arctangent", secret, authenticator)
    assert hidden == bytes.fromhex("0d be 70 8d 93 d4 13 ce 31 96 e4 3f 78 2a 0a ee".replace(" ", ""))


def test_mac_formats():
    spellings = {nas.format_mac("bc:24:11:eb:56:4d", fmt) for fmt in nas.MAC_FORMATS}
    assert spellings == {"BC:24:11:EB:56:4D", "BC24:11EB:564D", "BC2411:EB564D", "BC-24-11-EB-56-4D",
                         "BC2411-EB564D", "BC2411EB564D", "BC 24 11 EB 56 4D"}
