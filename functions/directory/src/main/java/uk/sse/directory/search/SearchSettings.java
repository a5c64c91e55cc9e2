package uk.sse.directory.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Which indices (normally the shared aliases) the directory reads; tests point these at their own. */
@ConfigurationProperties("sse.search")
public record SearchSettings(
        @Bindable(defaultValue = "offers") String offersIndex,
        @Bindable(defaultValue = "schools") String schoolsIndex) {}
