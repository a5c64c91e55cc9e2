package uk.sse.notifier.application;

import java.net.URI;

/** A URL found fit to send to, and the address (with port) its host resolved to when it was checked. */
public record Destination(URI uri, String address) {}
