"""The Streamlit layer: the only package under ``netclarity`` that imports streamlit."""
