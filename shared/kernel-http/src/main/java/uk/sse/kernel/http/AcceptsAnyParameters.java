package uk.sse.kernel.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route that reads query parameters it does not declare (e.g. free-form filters) and so opts out of
 * {@link RequestEdge}'s refusal of unknown ones. Every other route answers an unknown parameter with 400 naming it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AcceptsAnyParameters {}
