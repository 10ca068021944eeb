#!/usr/bin/env bash
# Install csdesk with its test tools and run the whole suite.
# PostgreSQL and MariaDB tests run when these name a server (as .ci/run
# does); without them the suite runs on SQLite only.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --test
export QT_QPA_PLATFORM=offscreen
export CSDESK_TEST_POSTGRES_URL=${CSDESK_TEST_POSTGRES_URL-postgresql://postgres@127.0.0.1:5432/postgres}
export CSDESK_TEST_MYSQL_URL=${CSDESK_TEST_MYSQL_URL-mysql://root@127.0.0.1:3306/test}
for url_var in CSDESK_TEST_POSTGRES_URL CSDESK_TEST_MYSQL_URL; do
  url=${!url_var}
  if [ -n "$url" ] && ! .venv/bin/python - "$url" <<'PY' 2>/dev/null
import sys
from app.domain.core.db import make_database
db = make_database(sys.argv[1]); db.connect(); db.close()
PY
  then
    if [ -n "${CI:-}" ]; then echo "error: $url_var=$url is not reachable" >&2; exit 1; fi
    echo "note: $url_var=$url is not reachable; those tests are skipped"; export "$url_var="
  fi
done
.venv/bin/lint-imports
# (tests/test_i18n.py also checks the generated forms and the translation.)
.venv/bin/python -m pytest -q "$@"
