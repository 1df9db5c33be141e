"""`GET /api/v1/reports/{name}` on the real `uplink serve --demo`: accounting sent by a NAS
(pyrad) shows up in the `sessions` and `usage` reports, each demo role sees only its subtree,
another ISP's Admin sees nothing of it (and gets 404 for its ids), CSV on request."""
import api_client
import datetime

import pyrad.packet
import pytest
from pyrad.client import Client
from pyrad.dictionary import Dictionary

import routeros_nas as nas

SECRET = b"testing123"
PASSWORD = "password"
DICTIONARY = """
ATTRIBUTE User-Name 1 string
ATTRIBUTE NAS-Identifier 32 string
ATTRIBUTE Acct-Status-Type 40 integer
ATTRIBUTE Acct-Input-Octets 42 integer
ATTRIBUTE Acct-Output-Octets 43 integer
ATTRIBUTE Acct-Session-Id 44 string
ATTRIBUTE Acct-Session-Time 46 integer
ATTRIBUTE Acct-Input-Gigawords 52 integer
"""
# Who owns what in the demo data set: the Operator sells basic1 and std1, its Sub-Operator
# premium1, the Admin itself expired1 and suspended1. Sessions go to three of them.
TRAFFIC = {  # username: (upload, download, seconds)
    "basic1": (1_000_000, 9_000_000, 600),
    "premium1": (5_000_000_000, 7_000_000, 1200),  # upload past 2^32 (Gigawords)
    "suspended1": (3_000, 4_000, 60),
}


def call(server, path, token=None, headers=None, method="GET", body=None):
    status, header_map, payload = api_client.request(server, method, path, token, body, headers)
    return status, header_map.get("Content-Type", ""), payload


def login(server, email, password=PASSWORD):
    status, _, body = call(server, "/api/v1/auth/login", method="POST", body={"email": email, "password": password})
    assert status == 200, body
    return body["token"]


def send_accounting(server):
    """Start and Stop of one session per user in TRAFFIC, as a NAS on 127.0.0.1 sends them."""
    with open_dictionary() as dictionary, nas.RouterOSNAS("127.0.0.1", server.auth_port, server.acct_port,
                                                          SECRET.decode()) as wire:
        client = Client(server="127.0.0.1", authport=server.auth_port, acctport=server.acct_port, secret=SECRET,
                        dict=dictionary)
        for index, (user, (upload, download, seconds)) in enumerate(TRAFFIC.items()):
            for status in (1, 2):  # Start, Stop
                request = client.CreateAcctPacket(User_Name=user)
                request["Acct-Status-Type"] = status
                request["Acct-Session-Id"] = f"8200{index:04x}"
                request["NAS-Identifier"] = "pyrad"
                if status == 2:
                    request["Acct-Input-Octets"] = upload % 2**32
                    request["Acct-Input-Gigawords"] = upload // 2**32
                    request["Acct-Output-Octets"] = download
                    request["Acct-Session-Time"] = seconds
                reply = wire.exchange(request.RequestPacket(), server.acct_port)
                assert reply[0] == nas.ACCOUNTING_RESPONSE, user


class open_dictionary:
    def __enter__(self):
        import tempfile
        self.file = tempfile.NamedTemporaryFile("w", suffix=".dictionary")
        self.file.write(DICTIONARY)
        self.file.flush()
        return Dictionary(self.file.name)

    def __exit__(self, *exc):
        self.file.close()


@pytest.fixture
def reporting_server(demo_server):
    send_accounting(demo_server)
    return demo_server


def period():
    today = datetime.datetime.now(datetime.timezone.utc).date()
    return f"from={today - datetime.timedelta(days=1)}&to={today + datetime.timedelta(days=1)}"


def customers(server, token, report, query=""):
    status, content_type, body = call(server, f"/api/v1/reports/{report}?{period()}{query}", token)
    assert status == 200, body
    assert content_type == "application/json"
    assert body["report"] == report
    return sorted(row["customer"] for row in body["rows"]), body


def test_each_role_sees_only_its_subtree(reporting_server):
    server = reporting_server
    expected = {
        "developer@ispbills.com": ["basic1", "premium1", "suspended1"],
        "superadmin@ispbills.com": ["basic1", "premium1", "suspended1"],
        "admin@ispbills.com": ["basic1", "premium1", "suspended1"],
        "operator@ispbills.com": ["basic1", "premium1"],
        "suboperator@ispbills.com": ["premium1"],
        "customer@ispbills.com": ["basic1"],  # the portal login of basic1
    }
    for email, names in expected.items():
        token = login(server, email)
        for report in ("sessions", "usage"):
            seen, body = customers(server, token, report)
            assert seen == names, (email, report, body)
        _, usage = customers(server, token, "usage")
        assert usage["totals"]["upload"] == sum(TRAFFIC[name][0] for name in names), email
        assert usage["totals"]["download"] == sum(TRAFFIC[name][1] for name in names), email
    operator = login(server, "operator@ispbills.com")
    _, sessions = customers(server, operator, "sessions")
    premium = next(row for row in sessions["rows"] if row["customer"] == "premium1")
    assert premium["upload"] == 5_000_000_000 and premium["duration"] == 1200
    assert premium["nas"] == "localhost-v4"
    # Session and money reports the Operator's role does not have: 403.
    assert call(server, "/api/v1/reports/nas", operator)[0] == 403
    status, _, nas_report = call(server, f"/api/v1/reports/nas?{period()}", login(server, "admin@ispbills.com"))
    assert status == 200 and {row["nas"] for row in nas_report["rows"]} == {"localhost-v4", "localhost-v6"}


def test_another_isp_sees_nothing_and_gets_404_for_ids(reporting_server):
    server = reporting_server
    admin = login(server, "admin@ispbills.com")
    status, _, listing = call(server, "/api/v1/customers?per_page=500", admin)
    assert status == 200
    ids = {item["username"]: item["id"] for item in listing["items"]}
    status, _, me = call(server, "/api/v1/me", admin)
    demo_isp = me["isp"]["id"]
    # A second ISP in the same tenancy, made by the Super Admin through the API.
    superadmin = login(server, "superadmin@ispbills.com")
    status, _, tenancies = call(server, "/api/v1/tenancies", superadmin)
    status, _, created = call(server, "/api/v1/isps", superadmin, method="POST", body={
        "tenancy_id": tenancies["items"][0]["id"], "name": "Other ISP",
        "admin": {"email": "other-admin@example.com", "password": "other-password-1", "display_name": "Other Admin"},
    })
    assert status == 201, created
    other = login(server, "other-admin@example.com", "other-password-1")
    for report in ("sessions", "usage", "top", "online", "expiring"):
        status, _, body = call(server, f"/api/v1/reports/{report}", other)
        assert status == 200 and body["rows"] == [], (report, body)
    for path in (f"sessions?isp={demo_isp}", f"usage?customer={ids['basic1']}", f"nas?isp={demo_isp}"):
        status, content_type, problem = call(server, f"/api/v1/reports/{path}", other)
        assert status == 404, (path, problem)
        assert content_type.startswith("application/problem+json")
    # Inside one ISP, a sibling segment is just as invisible: the Operator and the Admin's own customer.
    operator = login(server, "operator@ispbills.com")
    assert call(server, f"/api/v1/reports/usage?customer={ids['suspended1']}", operator)[0] == 404
    seen, _ = customers(server, operator, "sessions", f"&customer={ids['premium1']}")
    assert seen == ["premium1"]


def test_csv_and_problems(reporting_server):
    server = reporting_server
    operator = login(server, "operator@ispbills.com")
    status, content_type, text = call(server, f"/api/v1/reports/sessions?{period()}&format=csv", operator)
    assert status == 200 and content_type.startswith("text/csv")
    lines = text.strip().split("\r\n")
    assert lines[0].startswith("customer,isp,nas,start,stop,duration,upload,download,total")
    assert sorted(line.split(",")[0] for line in lines[1:]) == ["basic1", "premium1"]
    status, content_type, accepted = call(server, f"/api/v1/reports/sessions?{period()}", operator,
                                          headers={"Accept": "text/csv"})
    assert content_type.startswith("text/csv") and accepted == text
    status, content_type, problem = call(server, "/api/v1/reports/usage?from=2026-02-01&to=2026-01-01", operator)
    assert status == 400 and content_type.startswith("application/problem+json")
    assert problem["field"] == "from"
    status, _, problem = call(server, "/api/v1/reports/usage?nas=1", operator)
    assert status == 400 and problem["field"] == "nas"
    assert call(server, "/api/v1/reports/profit", operator)[0] == 404
    assert call(server, "/api/v1/reports/usage")[0] == 401
