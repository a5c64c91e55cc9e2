package uk.sse.brokerage.remote;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.brokerage.application.Directory;
import uk.sse.brokerage.application.Lookup;
import uk.sse.brokerage.model.Suggestion;
import uk.sse.kernel.area.AreaRegister;
import uk.sse.kernel.area.DefinedAreas;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.service.ServiceCredentials;
import uk.sse.kernel.schools.OfferPhases;

/**
 * The directory over its HTTP API: {@code GET /schools/{urn}}, {@code GET /offers/{id}}, {@code GET /search/offers}, and
 * {@code GET /areas}, kept for {@code sse.brokerage.areas-fresh-for} (60 s unless set).
 */
@Singleton
public class HttpDirectory implements Directory {

    /** GIAS's {@code EstablishmentStatus} of a school that has closed, as the directory answers it. */
    private static final String CLOSED = "Closed";

    private final JsonOverHttp http;
    private final URI base;
    private final int radiusKm;
    private final AreaRegister areas;

    public HttpDirectory(
            JsonOverHttp http,
            BrokerageSettings settings,
            ServiceCredentials credentials,
            JsonMapper json,
            @Value("${sse.brokerage.areas-fresh-for:60s}") Duration areasFreshFor) {
        this.http = http;
        this.base = settings.directoryUrl();
        this.radiusKm = settings.suggestionRadiusKm();
        this.areas = AreaRegister.overHttp(
                base.resolve("/areas"), credentials::bearer, json, settings.callTimeout(), areasFreshFor);
    }

    @Override
    public DefinedAreas areas() {
        return areas.now();
    }

    @Override
    public Lookup<School> school(Caller actingFor, String urn) {
        JsonOverHttp.Reply reply = http.get(base.resolve("/schools/" + encode(urn)), actingFor);
        return lookup(
                reply,
                b -> new School(
                        text(b, "urn"),
                        text(b, "name"),
                        text(b, "laCode"),
                        b.get("trust") instanceof Map<?, ?> trust && trust.get("code") instanceof String code
                                ? code
                                : null,
                        text(b, "phase"),
                        text(b, "type"),
                        b.get("latitude") instanceof Number,
                        !CLOSED.equals(text(b, "status")),
                        b.get("closedOn") instanceof String day ? LocalDate.parse(day) : null));
    }

    @Override
    public Lookup<Offer> offer(Caller actingFor, String offerId) {
        JsonOverHttp.Reply reply = http.get(base.resolve("/offers/" + encode(offerId)), actingFor);
        return lookup(
                reply,
                b -> new Offer(
                        text(b, "id"),
                        text(b, "providerId"),
                        b.get("content") instanceof Map<?, ?> c && c.get("title") instanceof String t ? t : null,
                        text(b, "area"),
                        text(b, "providerName"),
                        b.get("content") instanceof Map<?, ?> c && c.get("priceCredits") instanceof Number n
                                ? Long.valueOf(n.longValue())
                                : null));
    }

    @Override
    public Lookup<List<Suggestion>> suggest(Caller actingFor, School school, List<String> areasOfSupport, int max) {
        StringBuilder query = new StringBuilder("/search/offers?size=" + max);
        areasOfSupport.forEach(code -> query.append("&area=").append(encode(code)));
        String phase = searchPhase(school);
        if (phase != null) {
            query.append("&phase=").append(phase);
        }
        if (school.located()) {
            query.append("&near=")
                    .append(encode(school.urn()))
                    .append("&radiusKm=")
                    .append(radiusKm);
        }
        JsonOverHttp.Reply reply = http.get(base.resolve(query.toString()), actingFor);
        if (!reply.answered() || !reply.ok()) {
            return new Lookup.Unavailable<>(
                    "search answered " + (reply.answered() ? reply.status() + " " + reply.detail() : reply.failure()));
        }
        List<Suggestion> found = new ArrayList<>();
        if (reply.body().get("hits") instanceof List<?> hits) {
            for (Object hit : hits) {
                if (hit instanceof Map<?, ?> h
                        && h.get("id") instanceof String id
                        && h.get("providerId") instanceof String provider) {
                    found.add(new Suggestion(
                            id,
                            provider,
                            h.get("title") instanceof String t ? t : null,
                            h.get("providerName") instanceof String n ? n : null,
                            h.get("distanceKm") instanceof Number d ? d.doubleValue() : null,
                            h.get("priceCredits") instanceof Number p ? p.longValue() : null));
                }
            }
        }
        return new Lookup.Found<>(found.subList(0, Math.min(max, found.size())));
    }

    /** The directory's offer phase for a GIAS school (the kernel's {@link OfferPhases}). */
    static String searchPhase(School school) {
        return OfferPhases.ofSchool(school.phase(), school.type());
    }

    private static <T> Lookup<T> lookup(
            JsonOverHttp.Reply reply, java.util.function.Function<Map<String, Object>, T> read) {
        if (!reply.answered()) {
            return new Lookup.Unavailable<>(reply.status() == 0 ? reply.failure() : "status " + reply.status());
        }
        if (!reply.ok()) {
            return new Lookup
                    .Missing<>(); // 404, or a 4xx that says the caller may not have it: either way, none for them
        }
        return new Lookup.Found<>(read.apply(reply.body()));
    }

    private static String text(Map<String, Object> body, String field) {
        return body.get(field) instanceof String s ? s : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
