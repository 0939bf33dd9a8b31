"""Skip a test when a real part is missing on a developer's machine — but never in CI.

In CI (``CI=true``) the test command installs everything, so a missing part is a broken
set-up and must fail loudly instead of silently skipping the tests that need it.
"""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(available: bool, what: str) -> None:
    """Skip (locally) or fail (in CI) when ``what`` is not available."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{what} is required in CI but is missing; scripts/test should install it")
    pytest.skip(f"{what} is not installed (run scripts/test to install it)")
