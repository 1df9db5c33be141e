"""`uplink pcap` against tshark: every capture in ../shared/conformance/pcaps/ is printed by the
real binary and compared with tshark 4.0's dissection of the same file (`*.tshark.jsonl`).

What is compared, per RADIUS packet, in file order:
  - capture metadata: frame, time (tshark's frame.time_epoch), src, dst, sport, dport;
  - header: code, code_name, id, length, authenticator;
  - authenticator_valid, where tshark checked it (responses, with the capture's secret);
  - attributes on the wire: same count, and per attribute the top-level type (`number`) and the
    value octets (`hex` == tshark's avp_hex without the 2-octet header). None of these captures
    holds a VSA, an extended attribute or two consecutive EAP-Messages, so the match is 1:1;
  - attribute names, except where tshark 4.0's dictionary and ours (written from the RFCs)
    name an attribute differently (NAME_DIFFERENCES, with the reason; values not compared),
    or the attribute is not in our dictionaries (NOT_IN_OUR_DICTIONARIES: printed as
    `Attr-<type>`, octets, and its hex compared with tshark's);
  - values where both sides print the same thing: text, numbers, addresses and prefixes
    (tshark's text equals ours), enumerations (tshark's "Name(N)" number equals our
    value_int; the names themselves differ: tshark "Framed", RFC 2865 "Framed-User"),
    User-Password (tshark "Decrypted: x" equals our revealed text), octets (tshark's hex
    equals ours), and attributes tshark flags as malformed "[...]" (ours are kept raw, RFC 6929
    §2.8: data_type "octets"). Values tshark renders its own way (RFC 4675 VLAN fields,
    "Assigned" for 255.255.255.254, EAP-Message) are covered by the octet comparison only.

Packets tshark marks malformed that are not RADIUS packets by RFC 2865 §3 (the Length field is
larger than the datagram) give no JSON line but a note on stderr (KNOWN_INVALID).
"""
import json
import pathlib
import re
import subprocess

import pytest

from conftest import REPO, SHARED

PCAPS = SHARED / "conformance" / "pcaps"
DICTIONARY = REPO / "dictionaries"

# (attribute type) -> reason the names differ. Checked both ways: the listed names must be the ones seen.
NAME_DIFFERENCES = {
    126: ("Multi-Link-Flag", "Operator-Name",
          "tshark 4.0 keeps a pre-RFC assignment of 126; RFC 5580 §4.1 assigns it to Operator-Name, "
          "and tcpdump's expected output (pcaps/tcpdump-expected/radius-rfc5580-v.out) agrees with us"),
}

# Types tshark knows and our dictionaries do not (RFC 5447 is not among the RFCs issue 2 lists).
NOT_IN_OUR_DICTIONARIES = {124: "MIP6-Feature-Vector (RFC 5447 §4.2.5)", 125: "MIP6-Home-Link-Prefix (RFC 5447 §4.2.4)"}

# (pcap, frame) -> why the packet is not valid RADIUS.
KNOWN_INVALID = {
    ("radius_rfc5447_invalid_length.pcap", 1): "Length 57 in the header, 56 octets in the datagram (RFC 2865 §3)",
}

ENUM = re.compile(r"^(.*)\((\d+)\)$")
HEX = re.compile(r"^[0-9a-f]*$")


def capture_files():
    files = sorted(PCAPS.glob("*.pcap"))
    return files


def run_pcap(binary, path, *extra):
    return subprocess.run(
        [str(binary), "pcap", str(path), "--dictionary", str(DICTIONARY), *extra],
        capture_output=True, text=True, timeout=120,
    )


def test_conformance_material_present(conformance):
    files = capture_files()
    assert len(files) == 9, f"expected the 9 tcpdump captures in {PCAPS}, found {len(files)}"
    for path in files:
        assert path.with_suffix(".tshark.jsonl").exists(), f"{path.name} has no tshark dissection"


def expected_packets(path):
    return [json.loads(line) for line in path.with_suffix(".tshark.jsonl").read_text().splitlines() if line.strip()]


def compare_value(ours, theirs, where, counters):
    """Compares one attribute's value where both dissectors print something comparable."""
    text = theirs.get("value")
    if text is None:
        counters["skipped"] += 1
        return
    if text.startswith("[") and text.endswith("]"):
        assert ours["data_type"] == "octets", f"{where}: tshark says {text}; ours is not kept raw: {ours}"
        counters["malformed"] += 1
        return
    if text.startswith("Decrypted: "):
        assert ours["value"] == text[len("Decrypted: "):], f"{where}: password {ours['value']!r} != {text!r}"
        counters["password"] += 1
        return
    match = ENUM.match(text)
    if match and "value_int" in ours:
        assert ours["value_int"] == int(match.group(2)), f"{where}: enum {ours} != {text}"
        counters["enum"] += 1
        return
    if match and isinstance(ours["value"], int):  # a number without a VALUE name on our side, e.g. Unknown(209)
        assert ours["value"] == int(match.group(2)), f"{where}: {ours['value']} != {text}"
        counters["enum"] += 1
        return
    if ours["data_type"] in ("string", "integer", "ipaddr", "ipv6addr", "ipv6prefix", "ipv4prefix", "short", "byte"):
        if str(ours["value"]) == text:
            counters["text"] += 1
            return
    if ours["data_type"] == "octets" and HEX.match(text):
        assert ours["hex"] == text, f"{where}: octets {ours['hex']} != {text}"
        counters["octets"] += 1
        return
    counters["skipped"] += 1


@pytest.mark.parametrize("path", capture_files(), ids=lambda p: p.name)
def test_pcap_matches_tshark(uplink_binary, conformance, path):
    expected = expected_packets(path)
    secrets = {line.get("shared_secret") for line in expected} - {None}
    assert len(secrets) <= 1
    extra = ["--secret", secrets.pop()] if secrets else []
    result = run_pcap(uplink_binary, path, *extra)
    assert result.returncode == 0, result.stderr
    ours = {line["frame"]: line for line in map(json.loads, result.stdout.splitlines())}

    counters = {"text": 0, "enum": 0, "password": 0, "octets": 0, "malformed": 0, "skipped": 0}
    for theirs in expected:
        frame = theirs["frame"]
        reason = KNOWN_INVALID.get((path.name, frame))
        if reason:
            assert frame not in ours, f"frame {frame} is not valid RADIUS ({reason}) but was printed"
            assert re.search(rf"frame {frame} \(.*\): not a valid RADIUS packet", result.stderr), result.stderr
            continue
        assert frame in ours, f"frame {frame} missing from our output; stderr:\n{result.stderr}"
        line = ours[frame]
        for key, their_key in [("time", "time_epoch"), ("src", "src"), ("dst", "dst"), ("sport", "sport"),
                               ("dport", "dport"), ("code", "code"), ("code_name", "code_name"), ("id", "id"),
                               ("length", "length"), ("authenticator", "authenticator")]:
            assert line[key] == theirs[their_key], f"frame {frame}: {key} {line[key]!r} != {theirs[their_key]!r}"
        if "authenticator_valid" in theirs:
            assert line["authenticator_valid"] == theirs["authenticator_valid"], f"frame {frame}"
            assert line["request_frame"] is not None

        assert len(line["attributes"]) == len(theirs["attributes"]), (
            f"frame {frame}: {[a['name'] for a in line['attributes']]} vs {[a['name'] for a in theirs['attributes']]}")
        for index, (mine, their) in enumerate(zip(line["attributes"], theirs["attributes"])):
            where = f"{path.name} frame {frame} attribute {index} ({their['name']})"
            assert mine["number"] == their["type"], where
            assert mine["hex"] == their["avp_hex"][4:], f"{where}: {mine['hex']} != {their['avp_hex'][4:]}"
            difference = NAME_DIFFERENCES.get(their["type"])
            if difference:
                assert (their["name"], mine["name"]) == difference[:2], where
                counters["skipped"] += 1  # different definitions: values are not comparable
                continue
            if their["type"] in NOT_IN_OUR_DICTIONARIES:
                assert their["name"] == NOT_IN_OUR_DICTIONARIES[their["type"]].split(" ")[0], where
                assert (mine["name"], mine["data_type"]) == (f"Attr-{their['type']}", "octets"), where
            else:
                assert mine["name"] == their["name"], f"{where}: name {mine['name']!r}"
            compare_value(mine, their, where, counters)
    expected_frames = {t["frame"] for t in expected if (path.name, t["frame"]) not in KNOWN_INVALID}
    assert set(ours) == expected_frames, "we printed packets tshark did not dissect"
    if expected_frames:
        compared = sum(v for k, v in counters.items() if k != "skipped")
        assert compared > 0, f"no attribute value of {path.name} was comparable: {counters}"


def test_response_authenticators_checked_with_the_paired_request(uplink_binary, conformance):
    """RFC 4675 capture: each Access-Accept pairs with the Access-Request before it and verifies."""
    result = run_pcap(uplink_binary, PCAPS / "RADIUS-RFC4675.pcap", "--secret", "testing123")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["code"] for line in lines] == [1, 2, 1, 2, 1, 2]
    for request, accept in zip(lines[::2], lines[1::2]):
        assert accept["request_frame"] == request["frame"]
        assert accept["authenticator_valid"] is True
        assert accept["message_authenticator_valid"] in (True, None)
        assert request["message_authenticator_valid"] is True
        assert request["authenticator_valid"] is None  # an Access-Request's authenticator is random
    wrong = run_pcap(uplink_binary, PCAPS / "RADIUS-RFC4675.pcap", "--secret", "not-the-secret")
    wrong_lines = [json.loads(line) for line in wrong.stdout.splitlines()]
    assert [line["authenticator_valid"] for line in wrong_lines[1::2]] == [False, False, False]
    assert all(line["message_authenticator_valid"] is False for line in wrong_lines[::2])
    without = run_pcap(uplink_binary, PCAPS / "RADIUS-RFC4675.pcap")
    assert all(json.loads(line)["authenticator_valid"] is None for line in without.stdout.splitlines())


def test_decode_keys_identical_to_radius_decode(uplink_binary, conformance):
    """A pcap line is `uplink radius decode` of the same payload plus the capture keys only."""
    path = PCAPS / "RADIUS-RFC3162.pcap"
    theirs = expected_packets(path)[0]
    line = json.loads(run_pcap(uplink_binary, path, "--secret", "testing123").stdout.splitlines()[0])
    decoded = subprocess.run(
        [str(uplink_binary), "radius", "decode", theirs["udp_payload_hex"], "--secret", "testing123",
         "--dictionary", str(DICTIONARY)], capture_output=True, text=True, timeout=60)
    assert decoded.returncode == 0, decoded.stderr
    decode = json.loads(decoded.stdout)
    capture_keys = {"frame", "time", "src", "dst", "sport", "dport", "request_frame"}
    assert set(line) == set(decode) | capture_keys
    assert {k: v for k, v in line.items() if k not in capture_keys} == decode


def test_ports_select_the_datagrams(uplink_binary, conformance):
    path = PCAPS / "RADIUS-port1700.pcap"
    default = run_pcap(uplink_binary, path)
    assert len(default.stdout.splitlines()) == 1  # 1700 is a default port (MikroTik CoA)
    only_auth = run_pcap(uplink_binary, path, "--port", "1812")
    assert only_auth.returncode == 0 and only_auth.stdout == ""
    explicit = run_pcap(uplink_binary, path, "--port", "1812", "--port", "1700")
    assert json.loads(explicit.stdout)["code_name"] == "CoA-Request"
