"""Helpers for tests that run real parts: a `streamlit run` server, Chromium, PostgreSQL."""
