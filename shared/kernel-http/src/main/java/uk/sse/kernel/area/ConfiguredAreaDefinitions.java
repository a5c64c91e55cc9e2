package uk.sse.kernel.area;

import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;

/** Each configured area as the plain definition the functions' own code is given. */
@Factory
class ConfiguredAreaDefinitions {

    @EachBean(ConfiguredArea.class)
    AreaDefinition definition(ConfiguredArea configured) {
        return configured.definition();
    }
}
