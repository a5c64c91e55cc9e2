package uk.sse.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the web application: its answers carry the pages' security headers and its errors are pages,
 * not problem+json. (Locally every function shares one server; in AWS the web function answers the API's default route.)
 * Its answers are HTML; it handles its own sessions, so to micronaut-security its routes are open (see {@code Person}).
 */
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WebPages {}
