#!/usr/bin/env bash
# LocalStack "ready" hook: deploys School Support Exchange from the built function jars, as the CDK app does in
# AWS but with what LocalStack's free edition offers: tables with streams, the functions, stream mappings with
# partial failures, bisection, bounded retries and dead-letter queues, and a function URL (payload 2.0, as the HTTP
# API sends) for each API function. Cognito, the HTTP API, Aurora and SnapStart are not emulated; tokens are checked
# against a JWKS served from S3 instead. Expects:
#   /etc/sse/functions/<module>/sse-<module>-*-lambda.jar   the built jars (a missing module is skipped, saying so)
#   /etc/sse/keys/jwks.json                                  the public key tokens are signed with
# Writes /etc/sse/out/urls.env (API function URLs) and logs "sse-init: ready" when done.
set -euo pipefail

SSE=${SSE_DIR:-/etc/sse}
STAGE=local
REGION=${AWS_DEFAULT_REGION:-eu-west-2}
ACCOUNT=000000000000
INSIDE=http://localhost.localstack.cloud:4566
ROLE=arn:aws:iam::${ACCOUNT}:role/sse-local
OPENSEARCH=${SSE_LOCALSTACK_OPENSEARCH:-false}
export AWS_DEFAULT_REGION=$REGION

log() { echo "sse-init: $*"; }
name() { echo "sse-${STAGE}-$1"; }

# table NAME INDICES TTL(yes|no): the kernel's shape (uk.sse.kernel.dynamo.Tables)
table() {
  local table; table=$(name "$1")
  # shellcheck disable=SC2054 # the commas belong to the CLI's shorthand
  local attributes=(AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S)
  local gsis="" n
  for n in $(seq 1 "$2"); do
    attributes+=("AttributeName=gsi${n}pk,AttributeType=S" "AttributeName=gsi${n}sk,AttributeType=S")
    gsis+="${gsis:+,}{\"IndexName\":\"gsi${n}\",\"KeySchema\":[{\"AttributeName\":\"gsi${n}pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"gsi${n}sk\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}"
  done
  awslocal dynamodb create-table --table-name "$table" --billing-mode PAY_PER_REQUEST \
    --attribute-definitions "${attributes[@]}" \
    --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE \
    --global-secondary-indexes "[${gsis}]" \
    --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES >/dev/null
  awslocal dynamodb wait table-exists --table-name "$table"
  if [ "$3" = yes ]; then
    awslocal dynamodb update-time-to-live --table-name "$table" \
      --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
  fi
  log "table $table ($2 indices, ttl $3)"
}

stream_of() { awslocal dynamodb describe-table --table-name "$(name "$1")" --query Table.LatestStreamArn --output text; }

jar_of() { find "$SSE/functions/$1" -maxdepth 1 -name "sse-$1-*-lambda.jar" 2>/dev/null | sort | tail -n 1; }

# function NAME MODULE HANDLER ENV_JSON: returns 1 (and says so) when the module's jar is not built
function_of() {
  local fn jar; fn=$(name "$1"); jar=$(jar_of "$2")
  if [ -z "$jar" ]; then
    log "SKIPPED $fn: no jar for module $2 (build it: ./mvnw -B package -DskipTests)"
    return 1
  fi
  awslocal lambda create-function --function-name "$fn" --runtime java21 --handler "$3" \
    --role "$ROLE" --memory-size 1024 --timeout 60 --zip-file "fileb://$jar" \
    --environment "{\"Variables\":$4}" >/dev/null
  awslocal lambda wait function-active-v2 --function-name "$fn"
  log "function $fn from $(basename "$jar")"
}

# consume CONSUMER TABLE...: the same mapping settings as the CDK app's StreamConsumer
consume() {
  local fn queue dlq source; fn=$(name "$1"); shift
  queue=$fn-dlq
  awslocal sqs create-queue --queue-name "$queue" >/dev/null
  dlq=arn:aws:sqs:${REGION}:${ACCOUNT}:${queue}
  for source in "$@"; do
    awslocal lambda create-event-source-mapping --function-name "$fn" --event-source-arn "$(stream_of "$source")" \
      --starting-position TRIM_HORIZON --batch-size 100 --maximum-batching-window-in-seconds 1 \
      --bisect-batch-on-function-error --maximum-retry-attempts 5 --maximum-record-age-in-seconds 21600 \
      --function-response-types ReportBatchItemFailures \
      --destination-config "{\"OnFailure\":{\"Destination\":\"$dlq\"}}" >/dev/null
    log "stream $(name "$source") -> $fn (dead letters to $queue)"
  done
}

api() {
  local url; url=$(awslocal lambda create-function-url-config --function-name "$(name "$1")" --auth-type NONE \
    --query FunctionUrl --output text)
  echo "SSE_URL_$(echo "$1" | tr 'a-z-' 'A-Z_')=$url" >> "$SSE/out/urls.env"
  log "api $(name "$1") at $url"
}

mkdir -p "$SSE/out"
: > "$SSE/out/urls.env"

awslocal s3 mb s3://sse-local >/dev/null
awslocal s3 cp "$SSE/keys/jwks.json" s3://sse-local/jwks.json --acl public-read --content-type application/json >/dev/null
JWKS=$INSIDE/sse-local/jwks.json

table directory 2 yes
table ledger 2 no
table brokerage 3 yes
table notifier 2 yes

SEARCH_URL=http://127.0.0.1:9
if [ "$OPENSEARCH" = true ]; then
  # LocalStack fetches and starts an OpenSearch node on first use: minutes
  SEARCH_URL=$(awslocal opensearch create-domain --domain-name "$(name search)" --query DomainStatus.Endpoint --output text)
  SEARCH_URL=http://${SEARCH_URL}
  log "search domain at $SEARCH_URL (starting in the background)"
fi

# every function reaches LocalStack's endpoint and skips SigV4 for its plain-HTTP OpenSearch
# and checks tokens as in AWS: the issuer and clients token.sh signs for (decision 30)
COMMON="\"MICRONAUT_ENVIRONMENTS\":\"aws\",\"SSE_AWS_ENDPOINT\":\"$INSIDE\",\"SSE_OPENSEARCH_AWS_SIGNING\":\"false\",\"SSE_JWKS_URL\":\"$JWKS\",\"SSE_TOKEN_ISSUER\":\"https://sse.local/identity\",\"SSE_TOKEN_CLIENTS\":\"sse-web\",\"SSE_SERVICE_CLIENTS\":\"sse-brokerage\""
API=io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction
DIRECTORY_ENV="{$COMMON,\"SSE_DIRECTORY_TABLE\":\"$(name directory)\",\"SSE_OPENSEARCH_URL\":\"$SEARCH_URL\"}"
LEDGER_ENV="{$COMMON,\"SSE_LEDGER_TABLE\":\"$(name ledger)\"}"
NOTIFIER_ENV="{$COMMON,\"SSE_NOTIFIER_TABLE\":\"$(name notifier)\"}"

if function_of directory-api directory "$API" "$DIRECTORY_ENV"; then api directory-api; fi
if function_of directory-signals directory uk.sse.directory.signals.RecordEngagementOutcomes "$DIRECTORY_ENV"; then consume directory-signals brokerage; fi
if function_of indexer indexer uk.sse.indexer.IndexDirectoryChanges "$DIRECTORY_ENV"; then consume indexer directory; fi
if function_of ledger-api ledger "$API" "$LEDGER_ENV"; then api ledger-api; fi
function_of ledger-sweeper ledger uk.sse.ledger.sweep.SweepDueHolds "$LEDGER_ENV" || true
if function_of notifier-api notifier "$API" "$NOTIFIER_ENV"; then api notifier-api; fi
if function_of notifier-stream notifier uk.sse.notifier.stream.NotifyOnEvents "$NOTIFIER_ENV"; then consume notifier-stream brokerage directory ledger; fi
function_of notifier-sweeper notifier uk.sse.notifier.sweep.RetryDueDeliveries "$NOTIFIER_ENV" || true
# brokerage calls the directory and the ledger over HTTP; here they are separate function URLs
DIRECTORY_URL=$(grep '^SSE_URL_DIRECTORY_API=' "$SSE/out/urls.env" | cut -d= -f2- || true)
LEDGER_URL=$(grep '^SSE_URL_LEDGER_API=' "$SSE/out/urls.env" | cut -d= -f2- || true)
BROKERAGE_ENV="{$COMMON,\"SSE_BROKERAGE_TABLE\":\"$(name brokerage)\",\"SSE_DIRECTORY_URL\":\"${DIRECTORY_URL%/}\",\"SSE_LEDGER_URL\":\"${LEDGER_URL%/}\"}"
if function_of brokerage-api brokerage "$API" "$BROKERAGE_ENV"; then api brokerage-api; fi
log "reporting is not deployed here: it needs Aurora (LocalStack's paid edition); ./run has it on embedded PostgreSQL"

log "ready"
