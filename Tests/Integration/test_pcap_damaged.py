"""`uplink pcap` on damaged input: the tcpdump fuzz captures, a capture cut inside a record, and
files that are not captures. Each gives a clear message on stderr and a defined exit status;
none crashes (a crash is a negative return code: killed by a signal)."""
import json
import subprocess

from conftest import REPO, SHARED

FUZZ = SHARED / "conformance" / "fuzz-corpus" / "tcpdump"
PCAPS = SHARED / "conformance" / "pcaps"
DICTIONARY = REPO / "dictionaries"


def run_pcap(binary, path, *extra):
    return subprocess.run(
        [str(binary), "pcap", str(path), "--dictionary", str(DICTIONARY), *extra],
        capture_output=True, text=True, timeout=120,
    )


def test_tcpdump_asan_capture(uplink_binary, conformance):
    """radius_attr_asan.pcap: a frame whose IP/UDP lengths claim more than was captured, with a
    RADIUS header of unknown code 58. Reported on stderr, never printed as a packet."""
    result = run_pcap(uplink_binary, FUZZ / "radius_attr_asan.pcap")
    assert result.returncode in (0, 1), result
    assert result.stdout == ""
    assert "frame 1" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "Fatal error" not in result.stderr


def test_tcpdump_invalid_length_capture(uplink_binary, conformance):
    result = run_pcap(uplink_binary, FUZZ / "radius_rfc5447_invalid_length.pcap", "--secret", "testing123")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "frame 1 (127.0.0.1:55520 > 127.0.0.1:1812): not a valid RADIUS packet" in result.stderr, result.stderr


def test_capture_cut_inside_a_record(uplink_binary, conformance, tmp_path):
    """The packets before the damage are printed, then an error and exit status 1."""
    data = (PCAPS / "RADIUS-RFC4675.pcap").read_bytes()
    cut = tmp_path / "cut.pcap"
    cut.write_bytes(data[:-20])  # inside the last record
    result = run_pcap(uplink_binary, cut, "--secret", "testing123")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["frame"] for line in lines] == [1, 2, 3, 4, 5]
    assert "error: reading" in result.stderr and "failed at frame 6" in result.stderr, result.stderr


def test_every_prefix_of_a_capture(uplink_binary, conformance, tmp_path):
    """Cutting a capture anywhere gives exit 0 (cut between records) or 1 with a message."""
    data = (PCAPS / "RADIUS.pcap").read_bytes()
    for length in range(0, len(data), 37):
        path = tmp_path / f"prefix-{length}.pcap"
        path.write_bytes(data[:length])
        result = run_pcap(uplink_binary, path)
        assert result.returncode in (0, 1), (length, result)
        if result.returncode == 1:
            assert result.stderr.startswith("error: ") or "\nerror: " in result.stderr, (length, result.stderr)
        for line in result.stdout.splitlines():
            assert json.loads(line)["code"] in (1, 2, 11)


def test_not_a_capture(uplink_binary, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("this is not a capture file\n")
    result = run_pcap(uplink_binary, text)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: cannot open capture {text}"), result.stderr
    missing = run_pcap(uplink_binary, tmp_path / "missing.pcap")
    assert missing.returncode == 1
    assert "cannot open capture" in missing.stderr and "No such file" in missing.stderr, missing.stderr
