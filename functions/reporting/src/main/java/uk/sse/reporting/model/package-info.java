/**
 * The read model's rules as plain Java: what each source record says ({@link uk.sse.reporting.model.Change}), a
 * request's rows as a function of the set of its events ({@link uk.sse.reporting.model.RequestHistory}), and the
 * report period. No framework, no database.
 */
package uk.sse.reporting.model;
