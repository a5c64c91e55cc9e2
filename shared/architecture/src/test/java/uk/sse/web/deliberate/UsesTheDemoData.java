package uk.sse.web.deliberate;

/** Breaks NO_LOCAL_CODE_IN_A_LAMBDA on purpose: a function reaching the local run's demo data. */
public record UsesTheDemoData(uk.sse.local.demo.DemoDirectory demo) {}
