"""Hello, world: the smallest Streamlit app, the cold-start and memory baseline."""

import streamlit as st

st.title("Hello, world")
