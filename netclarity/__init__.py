"""Networking Clarity: the domain, importable and testable without Streamlit."""
