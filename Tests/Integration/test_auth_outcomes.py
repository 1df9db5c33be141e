"""Access-Request outcomes reach the `nas` report: the server counts every decision in memory
(AuthOutcomeTally), persists the counts periodically and at a graceful stop, and
`uplink report nas` shows accepts and rejects by reason per NAS."""
import datetime
import json
import subprocess

import pyrad.packet
from pyrad.client import Client
from pyrad.dictionary import Dictionary

import routeros_nas as nas
from uplink_server import UplinkServer

SECRET = b"testing123"

DICTIONARY = """
ATTRIBUTE User-Name 1 string
ATTRIBUTE User-Password 2 string encrypt=1
ATTRIBUTE Reply-Message 18 string
ATTRIBUTE NAS-Identifier 32 string
ATTRIBUTE Message-Authenticator 80 octets
"""


def authenticate(client, wire, port, user, password) -> int:
    """Sends a PAP Access-Request built by pyrad and returns the reply code (checked by pyrad)."""
    request = client.CreateAuthPacket(code=pyrad.packet.AccessRequest, User_Name=user)
    request["User-Password"] = request.PwCrypt(password)
    request["NAS-Identifier"] = "pyrad"
    request.add_message_authenticator()
    raw = request.RequestPacket()
    reply_bytes = wire.exchange(raw, port)
    reply = request.CreateReply(packet=reply_bytes)
    assert request.VerifyReply(reply, reply_bytes), "pyrad: response authenticator"
    return reply.code


def test_accepts_and_rejects_by_reason_survive_a_sigterm(uplink_binary, tmp_path):
    data = tmp_path / "data"
    server = UplinkServer(uplink_binary, data).start()
    try:
        path = tmp_path / "dictionary"
        path.write_text(DICTIONARY)
        client = Client(server="127.0.0.1", authport=server.auth_port, acctport=server.acct_port,
                        secret=SECRET, dict=Dictionary(str(path)))
        attempts = [("basic1", "basic1pass", pyrad.packet.AccessAccept)] * 3 + [
            ("std1", "std1pass", pyrad.packet.AccessAccept),
            ("basic1", "wrong", pyrad.packet.AccessReject),
            ("std1", "wrong", pyrad.packet.AccessReject),
            ("nobody", "x", pyrad.packet.AccessReject),
            ("expired1", "expired1pass", pyrad.packet.AccessReject),
            ("suspended1", "suspended1pass", pyrad.packet.AccessReject),
        ]
        with nas.RouterOSNAS("127.0.0.1", server.auth_port, server.acct_port, SECRET.decode()) as wire:
            for user, password, expected in attempts:
                assert authenticate(client, wire, server.auth_port, user, password) == expected, user
    finally:
        code = server.stop()  # SIGTERM: the last counts are flushed on the way out
    assert code == 0, server.stderr_text()

    today = datetime.datetime.now(datetime.timezone.utc).date()
    period = ["--from", str(today - datetime.timedelta(days=1)), "--to", str(today + datetime.timedelta(days=1))]
    result = subprocess.run([str(uplink_binary), "report", "nas", "--data", str(data), "--format", "json", *period],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    rows = {row["nas"]: row for row in report["rows"]}
    # 127.0.0.1 is the demo NAS "localhost-v4" (127.0.0.1/8); "localhost-v6" (::1) saw nothing.
    v4 = rows["localhost-v4"]
    assert v4["accepts"] == 4
    assert v4["rejects"] == 5
    assert v4["rejects_bad_password"] == 2
    assert v4["rejects_unknown_user"] == 1
    assert v4["rejects_expired"] == 1
    assert v4["rejects_suspended"] == 1
    assert rows["localhost-v6"]["accepts"] == 0 and rows["localhost-v6"]["rejects"] == 0
    assert report["totals"]["accepts"] == 4 and report["totals"]["rejects"] == 5
