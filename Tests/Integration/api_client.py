"""One HTTP helper for the admin API tests (standard library only)."""
import json
import urllib.error
import urllib.request


def request(server, method, path, token=None, body=None, headers=None, raw=None, timeout=60):
    """Sends one request to the server's admin API on loopback.

    `body` is sent as JSON, `raw` as exact bytes (for signed webhooks). Returns (status, response
    headers as a dict, payload): the payload is parsed JSON when the response says JSON, else text.
    """
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    message = urllib.request.Request(f"http://127.0.0.1:{server.http_port}{path}", method=method, data=data)
    if data is not None:
        message.add_header("Content-Type", "application/json")
    if token:
        message.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        message.add_header(name, value)
    try:
        with urllib.request.urlopen(message, timeout=timeout) as response:
            status, header_map, payload = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, header_map, payload = error.code, dict(error.headers), error.read()
    if payload and "json" in header_map.get("Content-Type", ""):
        return status, header_map, json.loads(payload)
    return status, header_map, payload.decode(errors="replace")
