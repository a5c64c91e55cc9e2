#!/usr/bin/env bash
# Calls an API function deployed on LocalStack through its function URL:
#   ./call.sh FUNCTION METHOD PATH [AUTHORIZATION] [BODY], e.g. ./call.sh ledger-api GET '/ledger/check?area=888' "$(./token.sh COMMISSIONER 888)"
set -euo pipefail
cd "$(dirname "$0")"
[ $# -ge 3 ] || { echo "usage: $0 FUNCTION METHOD PATH [AUTHORIZATION] [BODY]" >&2; exit 2; }
var=SSE_URL_$(echo "$1" | tr 'a-z-' 'A-Z_')
url=$(grep "^$var=" .local/urls.env | cut -d= -f2-)
[ -n "$url" ] || { echo "$1 is not deployed (see .local/urls.env)" >&2; exit 1; }
args=(-sS -X "$2" -H "content-type: application/json")
[ -n "${4:-}" ] && args+=(-H "authorization: $4")
[ -n "${5:-}" ] && args+=(--data "$5")
curl "${args[@]}" "${url%/}$3"; echo
