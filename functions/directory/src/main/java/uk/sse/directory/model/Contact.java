package uk.sse.directory.model;

/** Who to speak to. Email is required so that a broker can always reach the provider. */
public record Contact(String name, String email, String phone) {}
