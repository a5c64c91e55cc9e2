package uk.sse.kernel.correlation;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The {@link Correlated} port as {@link Correlation} does it: the id kept in the logging context (MDC). */
@Factory
class CorrelatedInTheLoggingContext {

    @Singleton
    Correlated correlated() {
        return Correlation::during;
    }
}
