"""Shared fixtures for the integration tests: where the built binaries are, temp dirs, free ports."""
import os
import pathlib
import socket

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def build_dir() -> pathlib.Path:
    """The directory holding the built `uplink` binaries (set by scripts/test)."""
    return pathlib.Path(os.environ.get("UPLINK_BUILD_DIR", REPO / ".build" / "debug"))


@pytest.fixture
def uplink_binary() -> pathlib.Path:
    path = build_dir() / "uplink"
    assert path.exists(), f"build the package first: {path} is missing"
    return path


@pytest.fixture
def conformance() -> pathlib.Path:
    path = SHARED / "conformance"
    assert path.is_dir(), f"conformance material missing at {path}"
    return path


def free_udp_port() -> int:
    """A UDP port on 127.0.0.1 that is free right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_tcp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def demo_server(uplink_binary, tmp_path):
    """A running `uplink serve --demo` on loopback with its own data directory and ports."""
    from uplink_server import UplinkServer

    server = UplinkServer(uplink_binary, tmp_path / "data").start()
    yield server
    code = server.stop()
    assert code == 0, f"uplink did not stop cleanly ({code}):\n{server.stderr_text()}"
