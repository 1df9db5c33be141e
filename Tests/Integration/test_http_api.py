"""The admin HTTP API of the real `uplink serve --demo` binary on loopback: login with the demo
accounts of role-spec.md, scoping between roles, problem documents, the OpenAPI document, health and
metrics. The full authorization matrix runs in Swift (docs/authorization.md); schemathesis runs from
scripts/test through scripts/schemathesis."""
import api_client
import json
import re

DEMO_PASSWORD = "password"


def call(server, method, path, token=None, body=None, headers=None):
    """Returns (status, headers, parsed JSON or text)."""
    return api_client.request(server, method, path, token, body, headers, timeout=30)


def login(server, email):
    status, _, body = call(server, "POST", "/api/v1/auth/login", body={"email": email, "password": DEMO_PASSWORD})
    assert status == 200, body
    assert len(body["token"]) == 64
    return body["token"]


def test_login_me_and_logout(demo_server):
    token = login(demo_server, "admin@ispbills.com")
    status, _, me = call(demo_server, "GET", "/api/v1/me", token)
    assert status == 200
    assert me["role"] == "admin" and me["level"] == 20
    assert me["isp"]["name"]
    status, _, _ = call(demo_server, "POST", "/api/v1/auth/logout", token)
    assert status == 204
    status, headers, problem = call(demo_server, "GET", "/api/v1/me", token)
    assert status == 401
    assert headers["Content-Type"].startswith("application/problem+json")
    assert problem["type"] == "urn:uplink:problem:unauthenticated"


def test_customer_sees_only_itself(demo_server):
    token = login(demo_server, "customer@ispbills.com")
    status, _, own = call(demo_server, "GET", "/api/v1/me/customer", token)
    assert status == 200
    status, _, listing = call(demo_server, "GET", "/api/v1/customers", token)
    assert status == 200
    assert [item["id"] for item in listing["items"]] == [own["id"]]
    status, _, _ = call(demo_server, "GET", "/api/v1/nas", token)
    assert status == 403


def test_operator_scope_and_secrets(demo_server):
    admin = login(demo_server, "admin@ispbills.com")
    status, _, nas = call(demo_server, "GET", "/api/v1/nas", admin)
    assert status == 200 and nas["items"], nas
    assert all("secret" not in item for item in nas["items"])
    assert "testing123" not in json.dumps(nas)
    operator = login(demo_server, "operator@ispbills.com")
    status, _, _ = call(demo_server, "GET", f"/api/v1/nas/{nas['items'][0]['id']}", operator)
    assert status == 403
    developer = login(demo_server, "developer@ispbills.com")
    status, _, everything = call(demo_server, "GET", "/api/v1/customers?per_page=500", developer)
    status, _, mine = call(demo_server, "GET", "/api/v1/customers?per_page=500", operator)
    assert status == 200 and mine["total"] <= everything["total"]


def test_problems_and_idempotency(demo_server):
    token = login(demo_server, "admin@ispbills.com")
    status, _, problem = call(demo_server, "POST", "/api/v1/nas", token,
                              body={"isp_id": 1, "name": "n", "address": "300.1.1.1", "secret": "s"})
    assert status in (400, 404)
    status, _, problem = call(demo_server, "POST", "/api/v1/wallets/1/top-up", token, body={"amount": 1})
    assert status == 400 and problem["type"] == "urn:uplink:problem:idempotency-key-missing"


def test_documents_and_probes(demo_server):
    status, _, document = call(demo_server, "GET", "/api/v1/openapi.json")
    assert status == 200 and document["openapi"] == "3.1.0"
    assert "/api/v1/customers/{id}/decision" in document["paths"]
    status, _, health = call(demo_server, "GET", "/healthz")
    assert status == 200 and health["status"] == "ok", health
    status, headers, text = call(demo_server, "GET", "/metrics")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert "uplink_http_requests_total" in text


def metric(text, name, **labels):
    """The value of one Prometheus sample (0 when absent), matching the labels in any order."""
    wanted = {key: str(value) for key, value in labels.items()}
    for line in text.splitlines():
        if not line.startswith(name + "{") and line.split(" ")[0] != name:
            continue
        head, _, value = line.rpartition(" ")
        found = dict(re.findall(r'(\w+)="([^"]*)"', head[len(name):]))
        if found == wanted:
            return float(value)
    return 0.0


def test_top_up_moves_the_ledger_figures_on_metrics(demo_server):
    admin = login(demo_server, "admin@ispbills.com")
    status, _, operators = call(demo_server, "GET", "/api/v1/users?role=operator", admin)
    assert status == 200 and operators["items"], operators
    wallet = operators["items"][0]["id"]
    _, _, before = call(demo_server, "GET", "/metrics")
    status, _, transaction = call(demo_server, "POST", f"/api/v1/wallets/{wallet}/top-up", admin,
                                  body={"amount": 777}, headers={"Idempotency-Key": "metrics-top-up-1"})
    assert status == 200, transaction
    # A replay of the same key moves no money and counts nothing.
    status, _, _ = call(demo_server, "POST", f"/api/v1/wallets/{wallet}/top-up", admin,
                        body={"amount": 777}, headers={"Idempotency-Key": "metrics-top-up-1"})
    assert status == 200
    _, _, after = call(demo_server, "GET", "/metrics")
    labels = {"kind": "top_up", "currency": "USD"}
    assert metric(after, "uplink_ledger_amount_minor_units_total", **labels) \
        - metric(before, "uplink_ledger_amount_minor_units_total", **labels) == 777
    assert metric(after, "uplink_ledger_transactions_total", **labels) \
        - metric(before, "uplink_ledger_transactions_total", **labels) == 1
    # The demo data set's sales were counted at start, with their margins.
    assert metric(after, "uplink_ledger_transactions_total", kind="sale", currency="USD") >= 1
    assert metric(after, "uplink_ledger_margin_minor_units_total", currency="USD") > 0


def test_deleted_isp_stays_deleted_after_a_restart(uplink_binary, tmp_path):
    from uplink_server import UplinkServer

    data = tmp_path / "data"
    server = UplinkServer(uplink_binary, data).start()
    try:
        sa = login(server, "superadmin@ispbills.com")
        _, _, me = call(server, "GET", "/api/v1/me", sa)
        status, _, created = call(server, "POST", "/api/v1/isps", sa, body={
            "tenancy_id": me["tenancy"]["id"], "name": "Short-lived ISP",
            "admin": {"email": "short@isp.example", "password": "long-password", "display_name": "Short"}})
        assert status == 201, created
        isp = created["isp"]["id"]
        status, _, nas = call(server, "POST", "/api/v1/nas", sa, body={
            "isp_id": isp, "name": "short-nas", "address": "198.51.100.9", "secret": "short-secret-1"})
        assert status == 201, nas
        status, _, demo_isps = call(server, "GET", "/api/v1/isps", sa)
        demo_isp = next(item["id"] for item in demo_isps["items"] if item["id"] != isp)
        status, _, refused = call(server, "DELETE", f"/api/v1/isps/{demo_isp}", sa)
        assert status == 409 and refused["type"] == "urn:uplink:problem:in-use", refused
        status, _, _ = call(server, "DELETE", f"/api/v1/isps/{isp}", sa)
        assert status == 204
    finally:
        assert server.stop() == 0, server.stderr_text()
    server = UplinkServer(uplink_binary, data).start()
    try:
        sa = login(server, "superadmin@ispbills.com")
        status, _, _ = call(server, "GET", f"/api/v1/isps/{isp}", sa)
        assert status == 404
        status, _, listing = call(server, "GET", "/api/v1/nas?per_page=500", sa)
        assert status == 200 and nas["id"] not in [item["id"] for item in listing["items"]]
        status, _, _ = call(server, "POST", "/api/v1/auth/login",
                            body={"email": "short@isp.example", "password": "long-password"})
        assert status == 401
    finally:
        assert server.stop() == 0, server.stderr_text()
