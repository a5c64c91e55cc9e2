#!/usr/bin/env bash
# Prints a bearer token for the LocalStack deployment: ./token.sh ROLE [AREA] [ORG], e.g. ./token.sh ADVISER 888
# Signed with the key keys.sh made, carrying the claims Cognito's trigger puts in AWS (role, area, org).
set -euo pipefail
cd "$(dirname "$0")"
[ $# -ge 1 ] || { echo "usage: $0 ROLE [AREA] [ORG]" >&2; exit 2; }
[ -f .local/jwt-key.pem ] || ./keys.sh >/dev/null
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"sse-local"}' | b64url)
claims="\"sub\":\"local-$(echo "$1" | tr '[:upper:]' '[:lower:]')\",\"role\":\"$1\",\"iat\":$now,\"exp\":$((now + 3600))"
# an access token of the web client from the local issuer, as the functions check (decision 30)
claims="$claims,\"iss\":\"https://sse.local/identity\",\"client_id\":\"sse-web\",\"token_use\":\"access\""
[ -n "${2:-}" ] && claims="$claims,\"area\":\"$2\""
[ -n "${3:-}" ] && claims="$claims,\"org\":\"$3\""
payload=$(printf '{%s}' "$claims" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign .local/jwt-key.pem -binary | b64url)
echo "Bearer $header.$payload.$signature"
