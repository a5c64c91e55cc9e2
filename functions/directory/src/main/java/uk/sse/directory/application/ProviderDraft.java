package uk.sse.directory.application;

import java.util.List;
import uk.sse.directory.model.Contact;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.ProviderType;

/** What a caller says about a provider when registering or revising it. */
public record ProviderDraft(
        ProviderType type,
        String name,
        String area,
        String urn,
        Contact contact,
        String website,
        List<Designation> designations,
        GeoPoint location,
        String description) {}
