-- The ledger's part of the read model is projected from its events (docs/events.md, "Ledger"), not its items:
-- an account is known by its opening (its totals were never reported; the transfers carry every movement), and a
-- transfer's resolution may be projected before its creation (a rebuild's scan meeting the stream), so its
-- creation time may wait for the created event.
ALTER TABLE ledger_account
    DROP COLUMN debits_posted,
    DROP COLUMN credits_posted,
    DROP COLUMN debits_pending,
    DROP COLUMN credits_pending,
    DROP COLUMN version;
ALTER TABLE ledger_transfer ALTER COLUMN created_at DROP NOT NULL;
