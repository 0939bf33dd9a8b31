# Shared by scripts/start and scripts/test: create .venv and install a requirements
# file into it, skipping pip when nothing changed since the last install.
ensure_venv() {
  local reqs="$1"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  local stamp=".venv/.installed-$(basename "$reqs")"
  local digest
  digest=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$reqs"
    echo "$digest" > "$stamp"
  fi
}
