"""The Streamlit layer: the only package under ``netclarity`` that imports streamlit.

Importing it first caps the BLAS libraries behind numpy at one thread each, before numpy is
loaded (they read the setting once, when loaded). The app's arrays are small — a room of
10,000 people is a 10,000 × 12 matrix — and on a shared server OpenBLAS's extra threads
spin, waiting for work, for about as much CPU again as the arithmetic (a room refresh took
241 ms of CPU with them and 137 ms without). An operator's own setting wins.
"""

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
