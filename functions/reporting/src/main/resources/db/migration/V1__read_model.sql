-- The reporting read model (docs/architecture.md, "Reporting"). Flyway runs this in the configured schema
-- (sse.reporting.schema; a rebuild runs it in a fresh one), so no name here is schema-qualified.
-- Days are numeric (a day may be split or half-delivered), credits whole (bigint), times timestamptz.

-- Every brokerage event applied, once: its id is the key. A request's rows below are recomputed from its events
-- whenever a new one arrives, so they depend on the set of events applied, never on the order they came in.
CREATE TABLE brokerage_event (
    event_id    text PRIMARY KEY,
    request_id  text NOT NULL,
    version     bigint NOT NULL,
    type        text NOT NULL,
    area        text NOT NULL,
    occurred_at timestamptz NOT NULL,
    envelope    jsonb NOT NULL
);
CREATE INDEX brokerage_event_request ON brokerage_event (request_id);
CREATE INDEX brokerage_event_hold_refused ON brokerage_event (area, occurred_at)
    WHERE type = 'brokerage.engagement.hold-refused';

-- One row per brokerage request, as its events tell it; a time is null until the event that sets it has arrived.
CREATE TABLE request (
    request_id        text PRIMARY KEY,
    area              text NOT NULL,
    urn               text NOT NULL,
    school_name       text,
    urgency           text,
    status            text NOT NULL,
    version           bigint NOT NULL,
    area_count        integer NOT NULL CHECK (area_count > 0),
    days_wanted       numeric(12, 2),
    credits_committed bigint,
    proposals         integer NOT NULL,
    raised_at         timestamptz,
    first_proposed_at timestamptz,
    agreed_at         timestamptz,
    completed_at      timestamptz,
    closed_at         timestamptz,
    closed_as         text
);
CREATE INDEX request_raised ON request (area, raised_at);
CREATE INDEX request_first_proposed ON request (area, first_proposed_at);
CREATE INDEX request_agreed ON request (area, agreed_at);
CREATE INDEX request_completed ON request (area, completed_at);
CREATE INDEX request_closed ON request (area, closed_at);

-- A request's areas of support (taxonomy codes) with their top-level code. Its days are shared equally between them
-- (area_count, copied from the request so the report joins nothing else); top_first marks the first of its codes under
-- each top level, so that rolled up it counts once there.
CREATE TABLE request_area (
    request_id text NOT NULL REFERENCES request ON DELETE CASCADE,
    code       text NOT NULL,
    top_code   text NOT NULL,
    area_count integer NOT NULL CHECK (area_count > 0),
    top_first  boolean NOT NULL,
    PRIMARY KEY (request_id, code)
);

-- The agreed support of a request (at most one), with the days agreed and delivered.
CREATE TABLE engagement (
    engagement_id  text PRIMARY KEY,
    request_id     text NOT NULL UNIQUE REFERENCES request ON DELETE CASCADE,
    area           text NOT NULL,
    urn            text NOT NULL,
    provider_id    text NOT NULL,
    offer_id       text,
    days           numeric(12, 2) NOT NULL,
    credits        bigint NOT NULL,
    hold           text NOT NULL,
    days_delivered numeric(12, 2) NOT NULL,
    credits_posted bigint NOT NULL,
    agreed_at      timestamptz,
    started_at     timestamptz,
    completed_at   timestamptz,
    cancelled_at   timestamptz,
    cancelled_as   text
);
CREATE INDEX engagement_agreed ON engagement (area, agreed_at);
CREATE INDEX engagement_completed ON engagement (area, completed_at);
CREATE INDEX engagement_cancelled ON engagement (area, cancelled_at);

-- The school's rating and the adviser's impact rating (1-5) of a request's engagement, each once.
CREATE TABLE evaluation (
    request_id    text NOT NULL REFERENCES request ON DELETE CASCADE,
    rating        text NOT NULL CHECK (rating IN ('SCHOOL', 'IMPACT')),
    score         smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
    rated_at      timestamptz NOT NULL,
    area          text NOT NULL,
    engagement_id text,
    provider_id   text,
    offer_id      text,
    PRIMARY KEY (request_id, rating)
);
CREATE INDEX evaluation_rated ON evaluation (area, rated_at);

-- The register's entry for a school (the directory's SCHOOL items): the newest observation wins.
CREATE TABLE school (
    urn         text PRIMARY KEY,
    name        text NOT NULL,
    la_code     text,
    la_name     text,
    phase       text,
    observed_at timestamptz NOT NULL
);

-- Providers and offers as the directory's offer events describe them. An offer keeps its highest version;
-- a provider the description in its newest offer event (time, then event id).
CREATE TABLE provider (
    provider_id text PRIMARY KEY,
    name        text NOT NULL,
    type        text NOT NULL,
    area        text NOT NULL,
    observed_at timestamptz NOT NULL,
    observed_in text NOT NULL
);

CREATE TABLE offer (
    offer_id      text PRIMARY KEY,
    provider_id   text NOT NULL,
    area          text NOT NULL,
    title         text NOT NULL,
    status        text NOT NULL,
    areas         text[] NOT NULL,
    price_credits bigint,
    version       bigint NOT NULL
);
CREATE INDEX offer_provider ON offer (provider_id);

-- The ledger's accounts (highest version wins) and transfers (the most resolved state wins: PENDING, then
-- POSTED, VOIDED or SINGLE_PHASE, each final). posted_at is when credits moved: a single-phase transfer's
-- creation, a hold's posting; null for a hold not (or never) posted.
CREATE TABLE ledger_account (
    account_id      text PRIMARY KEY,
    area            text NOT NULL,
    owner           text NOT NULL,
    issuing         boolean NOT NULL,
    debits_posted   bigint NOT NULL,
    credits_posted  bigint NOT NULL,
    debits_pending  bigint NOT NULL,
    credits_pending bigint NOT NULL,
    version         bigint NOT NULL
);
CREATE INDEX ledger_account_area ON ledger_account (area, owner);

CREATE TABLE ledger_transfer (
    transfer_id    text PRIMARY KEY,
    area           text NOT NULL,
    debit_account  text NOT NULL,
    credit_account text NOT NULL,
    debit_owner    text NOT NULL,
    credit_owner   text NOT NULL,
    kind           text NOT NULL,
    two_phase      boolean NOT NULL,
    state          text NOT NULL,
    state_rank     smallint NOT NULL,
    amount         bigint NOT NULL,
    posted_amount  bigint NOT NULL,
    created_at     timestamptz NOT NULL,
    resolved_at    timestamptz,
    posted_at      timestamptz
);
CREATE INDEX ledger_transfer_posted ON ledger_transfer (area, posted_at);
CREATE INDEX ledger_transfer_created ON ledger_transfer (area, created_at);
CREATE INDEX ledger_transfer_resolved ON ledger_transfer (area, resolved_at);
CREATE INDEX ledger_transfer_debit ON ledger_transfer (debit_account);
CREATE INDEX ledger_transfer_credit ON ledger_transfer (credit_account);
