package uk.sse.kernel.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route another function may call as itself, holding any one of these {@link ServiceScope scopes}. Every other
 * route is for people only: a service's token is refused there (403) before the route runs ({@link ServiceAdmission}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AdmitsServices {

    String[] value();
}
