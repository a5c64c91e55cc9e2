#!/usr/bin/env bash
# Makes the signing key for LocalStack's tokens (once) and its JWKS, in localstack/.local/. Needs openssl.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p .local
if [ ! -f .local/jwt-key.pem ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out .local/jwt-key.pem 2>/dev/null
fi
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
modulus=$(openssl rsa -in .local/jwt-key.pem -noout -modulus 2>/dev/null | cut -d= -f2 | xxd -r -p | b64url)
printf '{"keys":[{"kty":"RSA","kid":"sse-local","use":"sig","alg":"RS256","e":"AQAB","n":"%s"}]}\n' "$modulus" > .local/jwks.json
echo ".local/jwks.json written"
