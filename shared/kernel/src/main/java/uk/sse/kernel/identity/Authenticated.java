package uk.sse.kernel.identity;

import io.swagger.v3.oas.annotations.Parameter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link Caller} parameter: bound from the bearer token, so not part of the API description. A route is for
 * people only unless it names the {@link ServiceScope scopes} under which another function may call it as itself; a
 * service without one of them is refused (403) before the route runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Parameter(hidden = true)
public @interface Authenticated {

    /** The scopes any one of which admits a service to this route; none (the default): people only. */
    String[] services() default {};
}
