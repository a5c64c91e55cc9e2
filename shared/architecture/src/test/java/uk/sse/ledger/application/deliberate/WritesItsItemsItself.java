package uk.sse.ledger.application.deliberate;

/**
 * Breaks INSIDE_USES_THE_PLAIN_KERNEL on purpose: a use case naming the kernel's DynamoDB items (sse-kernel-aws). The
 * StoreBusy beside it is in the same Java package but in sse-kernel, so it is allowed.
 */
public record WritesItsItemsItself(uk.sse.kernel.dynamo.Items items, uk.sse.kernel.dynamo.StoreBusy busy) {}
