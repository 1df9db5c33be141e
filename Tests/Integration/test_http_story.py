"""One whole story driven through the admin HTTP API of the real `uplink serve --demo` binary (issue 5, Proof):

Developer creates a tenancy -> its Super Admin creates a plan and an ISP -> the ISP's Admin creates a
package, prices, a NAS, a payment gateway, an Operator, a sibling Operator and a Sub-Operator -> a signed
payment webhook funds the Operator (counted once on /metrics) -> the Operator creates and activates a
customer -> `radtest` from the new NAS gets an Access-Accept with the package's Mikrotik-Rate-Limit ->
`radclient` sends accounting ->
sessions, usage, ledger and wallets are visible to the Operator and the Admin, and invisible (404 or empty
lists) to a sibling Operator, the Operator's Sub-Operator, the Admin of a second ISP in the same tenancy and
the Super Admin, Admin and Operator of the demo tenancy.
"""
import api_client
import hashlib
import hmac
import json
import re
import subprocess
import time

from test_http_api import metric

NAS_SECRET = "story-nas-secret-7f3a"  # deliberately not the demo's testing123
WEBHOOK_SECRET = "story-webhook-secret-91c2"
PASSWORD = "story-password-1"
RATE = "8M/4M"
TOP_UP = 500_000       # what the webhook credits the Operator (minor units)
SELLER_COST = 120_000  # the Operator's cost of one validity of the package
RETAIL = 150_000       # what the Operator's customers pay for it


def call(server, method, path, token=None, body=None, headers=None, raw=None):
    """Returns (status, parsed JSON or text). `raw` sends exact bytes (for signed webhooks)."""
    status, _, payload = api_client.request(server, method, path, token, body, headers, raw=raw, timeout=30)
    return status, payload


def ok(server, method, path, token, body=None, expect=(200, 201), headers=None):
    status, payload = call(server, method, path, token, body, headers)
    assert status in expect, f"{method} {path} -> {status}: {payload}"
    return payload


def login(server, email, password):
    return ok(server, "POST", "/api/v1/auth/login", None, {"email": email, "password": password})["token"]


def radius(args, stdin=None):
    """Runs radtest/radclient; returns (code received or None, {attribute: [values]}, output)."""
    result = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=30)
    output = result.stdout + result.stderr
    match = re.search(r"Received (Access-Accept|Access-Reject|Accounting-Response)\b", output)
    attributes: dict[str, list[str]] = {}
    if match:
        for line in output[match.end():].splitlines()[1:]:
            attribute = re.match(r"\s+([A-Za-z0-9-]+) = (.*)$", line)
            if not attribute:
                break
            attributes.setdefault(attribute.group(1), []).append(attribute.group(2).strip().strip('"'))
    return (match.group(1) if match else None), attributes, output


def radclient(port, command, attributes):
    return radius(["radclient", "-x", "-t", "2", "-r", "1", f"127.0.0.1:{port}", command, NAS_SECRET],
                  stdin=attributes)


def radtest_until_answered(server, user, password, attempts=20):
    """The server reloads its NAS clients about a second after a change: until then a request signed with
    the new NAS's secret gets no answer. Retry a bounded number of times (radclient's own timeout paces it)."""
    for _ in range(attempts):
        code, attributes, output = radius(["radclient", "-x", "-t", "1", "-r", "1",
                                           f"127.0.0.1:{server.auth_port}", "auth", NAS_SECRET],
                                          stdin=f'User-Name = "{user}"\nUser-Password = "{password}"\n'
                                                'NAS-IP-Address = 127.0.0.1\nNAS-Port = 0\n'
                                                'Message-Authenticator = 0x00\n')
        if code is not None:
            return code, attributes, output
    raise AssertionError(f"no answer from the new NAS after {attempts} attempts:\n{output}")


def items(server, path, token):
    payload = ok(server, "GET", path, token, expect=(200,))
    return payload["items"]


def test_whole_story_through_http(demo_server):
    s = demo_server
    developer = login(s, "developer@ispbills.com", "password")

    # 1. Developer creates a tenancy (and its Super Admin).
    provisioned = ok(s, "POST", "/api/v1/tenancies", developer, {
        "name": "Story Networks", "currency": "USD", "time_zone": "UTC",
        "super_admin": {"email": "sa@story.example", "password": PASSWORD, "display_name": "Story SA"}})
    tenancy_id = provisioned["tenancy"]["id"]
    assert provisioned["super_admin"]["tenancy_id"] == tenancy_id
    super_admin = login(s, "sa@story.example", PASSWORD)

    # 2. Super Admin creates the ISP's plan and the ISP (and its Admin).
    plan = ok(s, "POST", "/api/v1/plans", super_admin, {
        "name": "Story plan", "monthly_fee": 5_000, "tenancy_id": tenancy_id, "max_ppp_subscribers": 100})
    created = ok(s, "POST", "/api/v1/isps", super_admin, {
        "tenancy_id": tenancy_id, "name": "Story ISP", "plan_id": plan["id"],
        "admin": {"email": "admin@story.example", "password": PASSWORD, "display_name": "Story Admin"}})
    isp_id = created["isp"]["id"]
    admin = login(s, "admin@story.example", PASSWORD)

    # 3. Admin: package, Operator, sibling Operator, Sub-Operator, prices, NAS, payment gateway.
    package = ok(s, "POST", "/api/v1/packages", admin, {
        "isp_id": isp_id, "name": "Story 8M", "rate_limit": RATE, "validity": {"unit": "days", "count": 30}})
    operator_user = ok(s, "POST", "/api/v1/users", admin, {
        "role": "operator", "email": "op@story.example", "password": PASSWORD, "display_name": "Story Operator"})
    ok(s, "POST", "/api/v1/users", admin, {
        "role": "operator", "email": "sibling@story.example", "password": PASSWORD, "display_name": "Sibling"})
    sub_user = ok(s, "POST", "/api/v1/users", admin, {
        "role": "sub_operator", "email": "sub@story.example", "password": PASSWORD, "display_name": "Story Sub",
        "parent_id": operator_user["id"]})
    assert sub_user["parent_id"] == operator_user["id"]
    ok(s, "POST", "/api/v1/prices", admin, {
        "package_id": package["id"], "buyer_kind": "seller", "buyer_id": operator_user["id"], "amount": SELLER_COST})
    ok(s, "POST", "/api/v1/prices", admin, {
        "package_id": package["id"], "buyer_kind": "customers_of", "buyer_id": operator_user["id"], "amount": RETAIL})
    nas = ok(s, "POST", "/api/v1/nas", admin, {
        "isp_id": isp_id, "name": "story-ccr", "address": "127.0.0.1/32", "secret": NAS_SECRET})
    assert NAS_SECRET not in json.dumps(nas)
    gateway = ok(s, "POST", "/api/v1/gateways", admin, {
        "kind": "payment", "owner_level": "isp", "owner_id": isp_id, "provider": "story-pay", "name": "Story Pay",
        "secrets": {"webhook_secret": WEBHOOK_SECRET}})
    assert WEBHOOK_SECRET not in json.dumps(gateway)

    operator = login(s, "op@story.example", PASSWORD)
    sibling = login(s, "sibling@story.example", PASSWORD)
    sub_operator = login(s, "sub@story.example", PASSWORD)
    # Outsiders: the Admin of a second ISP in the same tenancy, and the demo tenancy's staff.
    ok(s, "POST", "/api/v1/isps", super_admin, {
        "tenancy_id": tenancy_id, "name": "Story ISP Two", "plan_id": plan["id"],
        "admin": {"email": "admin2@story.example", "password": PASSWORD, "display_name": "Story Admin Two"}})
    other_isp_admin = login(s, "admin2@story.example", PASSWORD)
    other_tenancy = [login(s, f"{name}@ispbills.com", "password") for name in ("superadmin", "admin", "operator")]

    # 4. A signed payment webhook funds the Operator's wallet; an unsigned one is refused.
    body = json.dumps({"transaction_id": "STORY-TX-1", "account_id": operator_user["id"], "amount": TOP_UP,
                       "status": "captured"}).encode()
    signature = "sha256=" + hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    status, _ = call(s, "POST", f"/api/v1/payments/webhook/{gateway['id']}", raw=body,
                     headers={"X-Uplink-Signature": "sha256=" + "0" * 64})
    assert status == 401
    _, figures_before = call(s, "GET", "/metrics")
    deliveries = []
    for _ in range(2):  # a redelivery credits nothing more and answers the same ledger transaction
        status, payment = call(s, "POST", f"/api/v1/payments/webhook/{gateway['id']}", raw=body,
                               headers={"X-Uplink-Signature": signature})
        assert status == 200, payment
        deliveries.append(payment)
    assert deliveries[0] == deliveries[1], deliveries
    payment = deliveries[0]
    assert payment["kind"] == "gateway_payment", payment
    assert {"account": f"wallet:{operator_user['id']}", "amount": TOP_UP} in payment["entries"], payment
    wallet = ok(s, "GET", f"/api/v1/wallets/{operator_user['id']}", operator, expect=(200,))
    assert wallet["balance"] == TOP_UP, wallet
    # /metrics counted the gateway credit once, in minor units.
    _, figures_after = call(s, "GET", "/metrics")
    credited = {"kind": "gateway_payment", "currency": "USD"}
    assert metric(figures_after, "uplink_ledger_amount_minor_units_total", **credited) \
        - metric(figures_before, "uplink_ledger_amount_minor_units_total", **credited) == TOP_UP

    # 5. Operator creates and activates a customer (activation debits the Operator's cost).
    customer = ok(s, "POST", "/api/v1/customers", operator, {
        "isp_id": isp_id, "username": "story-cust1", "password": "story-cust1-pw", "package_id": package["id"],
        "service_type": "pppoe"})
    assert customer["owner_id"] == operator_user["id"] and customer["status"] == "new", customer
    renewed = ok(s, "POST", f"/api/v1/customers/{customer['id']}/renew", operator, {},
                 headers={"Idempotency-Key": "story-activate-1"})
    assert renewed["kind"] == "activation" and renewed["seller_id"] == operator_user["id"], renewed
    assert renewed["retail_price"] == RETAIL, renewed
    assert renewed["customer"]["status"] == "active" and renewed["customer"]["expires_at"], renewed
    wallet = ok(s, "GET", f"/api/v1/wallets/{operator_user['id']}", operator, expect=(200,))
    assert wallet["balance"] == TOP_UP - SELLER_COST, wallet
    decision = ok(s, "GET", f"/api/v1/customers/{customer['id']}/decision", operator, expect=(200,))
    assert decision["outcome"] == "accept", decision

    # 6. RADIUS from the new NAS (127.0.0.1/32, its own secret): Accept with the package's rate limit.
    code, attributes, output = radtest_until_answered(s, "story-cust1", "story-cust1-pw")
    assert code == "Access-Accept", output
    assert attributes.get("Mikrotik-Rate-Limit") == [RATE], output
    code, _, output = radius(["radtest", "-t", "pap", "story-cust1", "story-cust1-pw",
                              f"127.0.0.1:{s.auth_port}", "0", NAS_SECRET])
    assert code == "Access-Accept" and f'Mikrotik-Rate-Limit = "{RATE}"' in output, output

    # 7. Accounting arrives: Start, then Stop with the counters.
    common = 'User-Name = "story-cust1"\nAcct-Session-Id = "STORY0001"\nNAS-IP-Address = 127.0.0.1\n' \
             'NAS-Identifier = "story-ccr"\nFramed-IP-Address = 10.77.0.10\n'
    code, _, output = radclient(s.acct_port, "acct", common + "Acct-Status-Type = Start\n")
    assert code == "Accounting-Response", output
    code, _, output = radclient(s.acct_port, "acct", common + "Acct-Status-Type = Stop\nAcct-Input-Octets = 1000\n"
                                "Acct-Output-Octets = 20000\nAcct-Session-Time = 120\n")
    assert code == "Accounting-Response", output

    # 8. Visible to the right roles: the owning Operator and the ISP's Admin.
    for who in (operator, admin):
        sessions = items(s, f"/api/v1/sessions?customer_id={customer['id']}", who)
        assert [(x["session_id"], x["open"], x["upload_bytes"], x["download_bytes"], x["nas_id"]) for x in sessions] \
            == [("STORY0001", False, 1000, 20000, nas["id"])], sessions
        usage = items(s, f"/api/v1/customers/{customer['id']}/usage", who)
        assert [(d["customer_id"], d["upload_bytes"], d["download_bytes"]) for d in usage] \
            == [(customer["id"], 1000, 20000)], usage
        wallets = items(s, "/api/v1/wallets?per_page=500", who)
        assert operator_user["id"] in [w["id"] for w in wallets], wallets
        ledger = items(s, f"/api/v1/ledger?account_id={operator_user['id']}", who)
        # the webhook's credit and the activation's debit of the Operator's cost
        assert [t["id"] for t in ledger] == [payment["id"], renewed["transaction_id"]], ledger
        assert {"account": f"wallet:{operator_user['id']}", "amount": -SELLER_COST} in ledger[1]["entries"], ledger
        entries = items(s, f"/api/v1/wallets/{operator_user['id']}/entries", who)
        assert [t["id"] for t in entries] == [payment["id"], renewed["transaction_id"]], entries
        assert ok(s, "GET", f"/api/v1/customers/{customer['id']}", who, expect=(200,))["id"] == customer["id"]

    # 9. Invisible to others: a sibling Operator, the Operator's own Sub-Operator, the Admin of another ISP
    #    in the same tenancy, and the Super Admin, Admin and Operator of another tenancy.
    for who in (sibling, sub_operator, other_isp_admin, *other_tenancy):
        status, _ = call(s, "GET", f"/api/v1/customers/{customer['id']}", who)
        assert status == 404
        status, _ = call(s, "GET", f"/api/v1/customers/{customer['id']}/usage", who)
        assert status == 404
        status, _ = call(s, "GET", f"/api/v1/wallets/{operator_user['id']}", who)
        assert status == 404
        status, _ = call(s, "GET", f"/api/v1/wallets/{operator_user['id']}/entries", who)
        assert status == 404
        status, ledger = call(s, "GET", f"/api/v1/ledger?account_id={operator_user['id']}", who)
        assert status == 404 or (status == 200 and ledger["items"] == []), (status, ledger)
        status, sessions = call(s, "GET", f"/api/v1/sessions?customer_id={customer['id']}", who)
        assert status == 404 or (status == 200 and sessions["items"] == []), (status, sessions)
        status, all_sessions = call(s, "GET", "/api/v1/sessions?per_page=500", who)
        assert status == 200 and "STORY0001" not in [x["session_id"] for x in all_sessions["items"]]
        status, customers = call(s, "GET", "/api/v1/customers?per_page=500", who)
        assert status == 200 and "story-cust1" not in [x["username"] for x in customers["items"]], customers
        status, wallets = call(s, "GET", "/api/v1/wallets?per_page=500", who)
        assert status in (200, 403)
        if status == 200:
            assert operator_user["id"] not in [w["id"] for w in wallets["items"]], wallets
