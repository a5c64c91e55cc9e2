package uk.sse.local.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import uk.sse.directory.application.OfferStore;
import uk.sse.directory.application.ProviderStore;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.Provider;
import uk.sse.directory.register.GiasCsvReader;
import uk.sse.directory.register.GiasParse;
import uk.sse.directory.register.School;

/**
 * Directory data for the local run: providers (real schools from the register, and fictional LA services, hubs,
 * trusts, consultants and charities) with offers in every area of support and assurance histories. Everything follows
 * from the seed, so a demo looks the same every time it starts.
 */
public final class DemoDirectory {

    /** The GIAS sample on the classpath, a byte-identical copy of shared/data/gias/edubase-sample.csv. */
    public static final String SAMPLE = "/demo/edubase-sample.csv";

    /** Lancashire: a county with every kind of school in the sample, in the region with the most LAs outside London. */
    static final String PREFERRED_AREA = "888";

    private final String demoArea;
    private final List<Provider> providers;
    private final List<Offer> offers;
    private final Map<String, String> keys;

    private DemoDirectory(String demoArea, List<Provider> providers, List<Offer> offers, Map<String, String> keys) {
        this.demoArea = demoArea;
        this.providers = providers;
        this.offers = offers;
        this.keys = keys;
    }

    /**
     * The generated offers, then the hand-written ones. These draw on a generator of their own, so that adding one leaves
     * the generated directory as it was.
     */
    public static DemoDirectory generate(List<School> schools, LocalDate today, long seed) {
        Random random = new Random(seed);
        String area = demoAreaOf(schools);
        List<Publisher> publishers = DemoProviders.publishers(schools, area, today, random);
        DemoOffers.Made generated = DemoOffers.offers(publishers, today, random);
        Set<String> region = regionOf(schools, area);
        DemoOffers.Made written = DemoOffers.handWritten(
                publishers, p -> region.contains(p.provider().area()), today, new Random(~seed));
        List<Offer> offers = new java.util.ArrayList<>(generated.offers());
        offers.addAll(written.offers());
        Map<String, String> keys = new java.util.HashMap<>(generated.keys());
        keys.putAll(written.keys());
        return new DemoDirectory(
                area, publishers.stream().map(Publisher::provider).toList(), List.copyOf(offers), Map.copyOf(keys));
    }

    /** The key of every offer template and hand-written offer, whether or not a given demo makes offers of it. */
    public static Set<String> offerKeys() {
        return java.util.stream.Stream.concat(OfferTemplates.standard().stream(), OfferTemplates.handWritten().stream())
                .map(OfferTemplates.Template::key)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The LA codes of the demo area's region. */
    private static Set<String> regionOf(List<School> schools, String area) {
        String region = schools.stream()
                .filter(s -> area.equals(s.laCode()))
                .map(School::region)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        return schools.stream()
                .filter(s -> region != null && region.equals(s.region()) && s.laCode() != null)
                .map(School::laCode)
                .collect(Collectors.toSet());
    }

    /** The schools of {@link #SAMPLE}. */
    public static List<School> sampleSchools() {
        try (InputStream in = DemoDirectory.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is not on the classpath");
            }
            return switch (GiasCsvReader.read(in)) {
                case GiasParse.Parsed parsed -> parsed.rows();
                case GiasParse.Refused refused -> throw new IllegalStateException(SAMPLE + ": " + refused.reason());
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Provider> providers() {
        return providers;
    }

    public List<Offer> offers() {
        return offers;
    }

    /**
     * The key of the offer template or hand-written offer an offer was made from (see offer-templates.txt): what the search
     * relevance set grades, since an offer's id depends on the day the demo is generated.
     */
    public Optional<String> keyOf(String offerId) {
        return Optional.ofNullable(keys.get(offerId));
    }

    /** The LA code the demo's tokens act in: most of the data is here and in the rest of its region. */
    public String demoArea() {
        return demoArea;
    }

    /** Writes every provider and offer; what is already stored is left alone, so loading twice changes nothing. */
    public void load(ProviderStore providerStore, OfferStore offerStore) {
        providers.forEach(providerStore::create);
        offers.stream().filter(o -> offerStore.find(o.id()).isEmpty()).forEach(o -> offerStore.create(o, null));
    }

    /** The preferred area if the register has it; otherwise the LA with the most kinds of school, then the most schools. */
    static String demoAreaOf(List<School> schools) {
        Map<String, List<School>> byLa = schools.stream()
                .filter(s -> s.hasLocation() && s.laCode() != null)
                .collect(Collectors.groupingBy(School::laCode, TreeMap::new, Collectors.toList()));
        if (byLa.containsKey(PREFERRED_AREA)) {
            return PREFERRED_AREA;
        }
        Comparator<Map.Entry<String, List<School>>> byKinds = Comparator.comparingLong(e -> e.getValue().stream()
                .map(SchoolKind::of)
                .flatMap(Optional::stream)
                .distinct()
                .count());
        return byLa.entrySet().stream()
                .max(byKinds.thenComparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalArgumentException("no school has both a location and an LA code"));
    }
}
