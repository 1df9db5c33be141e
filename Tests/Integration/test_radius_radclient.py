"""FreeRADIUS's own clients (`radtest`, `radclient`) against `uplink serve --demo`.

radclient verifies the Response Authenticator and, when present, the Message-Authenticator of
every reply itself; a reply it prints as "Received Access-Accept" has passed those checks.
"""
import re
import shutil
import subprocess

import pytest

SECRET = "testing123"
PREMIUM_RATE = "20M/20M 40M/40M 16M/16M 10/10 5 10M/10M"

pytestmark = pytest.mark.skipif(shutil.which("radclient") is None, reason="FreeRADIUS utils missing")


def run(args, stdin: str | None = None, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=timeout)


class Reply:
    """What radclient printed for one exchange: the code received and the reply attributes."""

    def __init__(self, result: subprocess.CompletedProcess):
        self.result = result
        self.output = result.stdout + result.stderr
        match = re.search(r"Received (Access-Accept|Access-Reject|Accounting-Response)\b", self.output)
        self.code = match.group(1) if match else None
        self.attributes: dict[str, list[str]] = {}
        if match:
            for line in self.output[match.end():].splitlines()[1:]:
                attr = re.match(r"\s+([A-Za-z0-9-]+) = (.*)$", line)
                if not attr:
                    break
                self.attributes.setdefault(attr.group(1), []).append(attr.group(2).strip().strip('"'))

    def one(self, name: str) -> str | None:
        values = self.attributes.get(name)
        return values[0] if values else None

    def __repr__(self):
        return f"Reply({self.code}, {self.attributes})\n{self.output}"


def radtest(server, user, password, method="pap", secret=SECRET, timeout=2, retries=1) -> Reply:
    # radtest passes -t/-r nowhere, so call radclient for timeouts; radtest itself for the methods
    result = run(["radtest", "-t", method, user, password, f"127.0.0.1:{server.auth_port}", "0", secret])
    return Reply(result)


def radclient(port: int, command: str, attributes: str, secret=SECRET, timeout=2, retries=1) -> Reply:
    result = run(["radclient", "-x", "-t", str(timeout), "-r", str(retries), f"127.0.0.1:{port}", command, secret],
                 stdin=attributes)
    return Reply(result)


@pytest.mark.parametrize("method", ["pap", "chap", "mschap"])
@pytest.mark.parametrize("user,rate", [("basic1", "5M/5M"), ("std1", "10M/10M"), ("premium1", PREMIUM_RATE)])
def test_radtest_accepts_demo_users_with_their_package(demo_server, method, user, rate):
    reply = radtest(demo_server, user, f"{user}pass", method)
    assert reply.code == "Access-Accept", reply
    assert reply.one("Mikrotik-Rate-Limit") == rate, reply
    assert reply.one("Mikrotik-Group") == "default", reply
    assert reply.one("Class", ) is not None, reply
    timeout = int(reply.one("Session-Timeout") or 0)
    assert 0 < timeout <= 30 * 86_400, reply
    if user == "premium1":
        assert reply.one("Framed-IP-Address") == "10.10.0.10", reply
        assert "Framed-Pool" not in reply.attributes, reply
    else:
        assert reply.one("Framed-Pool") == "demo-pool", reply
        assert "Framed-IP-Address" not in reply.attributes, reply
    if method == "mschap":
        # MS-CHAPv1 carries the MPPE keys in MS-CHAP-MPPE-Keys (RFC 2548 §2.4.1)
        assert "MS-CHAP-MPPE-Keys" in reply.attributes, reply


@pytest.mark.parametrize("method", ["pap", "chap", "mschap"])
def test_wrong_password_is_rejected_with_a_reply_message(demo_server, method):
    reply = radtest(demo_server, "basic1", "not-the-password", method)
    assert reply.code == "Access-Reject", reply
    assert reply.one("Reply-Message"), reply
    assert "Mikrotik-Rate-Limit" not in reply.attributes, reply


@pytest.mark.parametrize("method", ["pap", "chap"])
def test_expired_subscriber_is_rejected_saying_expired(demo_server, method):
    reply = radtest(demo_server, "expired1", "expired1pass", method)
    assert reply.code == "Access-Reject", reply
    assert "expired" in (reply.one("Reply-Message") or "").lower(), reply


def test_suspended_subscriber_is_rejected(demo_server):
    reply = radtest(demo_server, "suspended1", "suspended1pass")
    assert reply.code == "Access-Reject", reply
    assert "suspended" in (reply.one("Reply-Message") or "").lower(), reply


def test_unknown_user_is_rejected(demo_server):
    reply = radtest(demo_server, "nobody-here", "whatever")
    assert reply.code == "Access-Reject", reply
    assert reply.one("Reply-Message"), reply


def test_expired_and_wrong_password_does_not_reveal_the_account_state(demo_server):
    reply = radtest(demo_server, "expired1", "wrong")
    assert reply.code == "Access-Reject", reply
    assert "expired" not in (reply.one("Reply-Message") or "").lower(), reply


def test_wrong_secret_gets_no_answer(demo_server):
    reply = radclient(demo_server.auth_port, "auth",
                      'User-Name = "basic1"\nUser-Password = "basic1pass"\nMessage-Authenticator = 0x00\n',
                      secret="not-the-secret", timeout=1, retries=1)
    assert reply.code is None, reply
    assert "No reply from server" in reply.output, reply


def test_wrong_secret_accounting_gets_no_answer(demo_server):
    reply = radclient(demo_server.acct_port, "acct",
                      'User-Name = "basic1"\nAcct-Status-Type = Start\nAcct-Session-Id = "81000001"\n',
                      secret="not-the-secret", timeout=1, retries=1)
    assert reply.code is None, reply


def test_access_request_without_message_authenticator_is_dropped(demo_server):
    """BlastRADIUS (CVE-2024-3596): the demo NAS requires Message-Authenticator in Access-Requests."""
    reply = radclient(demo_server.auth_port, "auth", 'User-Name = "basic1"\nCHAP-Password = "basic1pass"\n',
                      timeout=1, retries=1)
    if "Message-Authenticator" in reply.output.split("Received")[0]:
        pytest.skip("this radclient adds Message-Authenticator by itself")
    assert reply.code is None, reply


def test_status_server_on_the_authentication_port(demo_server):
    reply = radclient(demo_server.auth_port, "status", "Message-Authenticator = 0x00\n")
    assert reply.code == "Access-Accept", reply
    assert reply.one("Message-Authenticator"), reply


def test_status_server_on_the_accounting_port(demo_server):
    reply = radclient(demo_server.acct_port, "status", "Message-Authenticator = 0x00\n")
    assert reply.code == "Accounting-Response", reply
    assert reply.one("Message-Authenticator"), reply


def test_radclient_accounting_start_and_stop(demo_server):
    start = radclient(demo_server.acct_port, "acct",
                      'User-Name = "basic1"\nAcct-Status-Type = Start\nAcct-Session-Id = "81000001"\n'
                      'NAS-Identifier = "radclient"\nFramed-IP-Address = 10.10.1.9\n')
    assert start.code == "Accounting-Response", start
    stop = radclient(demo_server.acct_port, "acct",
                     'User-Name = "basic1"\nAcct-Status-Type = Stop\nAcct-Session-Id = "81000001"\n'
                     'Acct-Input-Octets = 1000\nAcct-Output-Octets = 2000\nAcct-Session-Time = 60\n')
    assert stop.code == "Accounting-Response", stop


def test_isp_access_policy_set_through_the_api_changes_the_answer_for_suspended(demo_server):
    """The ISP chooses what a suspended subscriber gets: by default a Reject that says why; after
    PATCH /isps/{id} with on_suspended = restrict, an Accept into the pay-page profile."""
    from test_http_api import call, login

    before = radtest(demo_server, "suspended1", "suspended1pass")
    assert before.code == "Access-Reject", before
    token = login(demo_server, "admin@ispbills.com")
    status, _, me = call(demo_server, "GET", "/api/v1/me", token)
    assert status == 200, me
    isp_id = me["isp"]["id"]
    policy = {"action": "restrict", "message": "Suspended: pay at portal", "pool_name": "pay-pool",
              "address_list": "suspended", "rate_limit": "256k/256k", "session_timeout": 600}
    status, _, isp = call(demo_server, "PATCH", f"/api/v1/isps/{isp_id}", token, {"on_suspended": policy})
    assert status == 200, isp
    assert isp["access_policy"]["on_suspended"]["pool_name"] == "pay-pool"
    assert isp["access_policy"]["on_disabled"]["action"] == "reject"  # untouched

    after = radtest(demo_server, "suspended1", "suspended1pass")
    assert after.code == "Access-Accept", after
    assert after.one("Framed-Pool") == "pay-pool"
    assert after.one("Mikrotik-Address-List") == "suspended"
    assert after.one("Mikrotik-Rate-Limit") == "256k/256k"
    assert after.one("Reply-Message") == "Suspended: pay at portal"

    status, _, problem = call(demo_server, "PATCH", f"/api/v1/isps/{isp_id}", token,
                              {"on_disabled": {"action": "restrict", "message": "x", "rate_limit": "fast"}})
    assert status == 400 and problem["field"] == "on_disabled.rate_limit", problem
