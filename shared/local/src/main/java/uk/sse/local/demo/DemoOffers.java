package uk.sse.local.demo;

import static uk.sse.local.demo.DemoProviders.slug;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import uk.sse.directory.model.Contact;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Evidence;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.Provider;
import uk.sse.local.demo.AssuranceHistories.Fate;
import uk.sse.local.demo.OfferTemplates.Template;

/** Writes each provider's offers from the templates it may offer, then gives them assurance histories. */
final class DemoOffers {

    /** Capacity per term in half days: mostly a few days, sometimes a large programme. */
    private static final int[] HALF_DAYS = {1, 2, 2, 3, 4, 4, 6, 6, 8, 10, 12, 16, 20, 30, 40};

    private final LocalDate today;
    private final Random random;
    private final Map<String, Integer> byTopLevel = new HashMap<>();

    private DemoOffers(LocalDate today, Random random) {
        this.today = today;
        this.random = random;
    }

    /** Offers and the key of the template or hand-written offer each was made from. */
    record Made(List<Offer> offers, Map<String, String> keys) {}

    static Made offers(List<Publisher> publishers, LocalDate today, Random random) {
        DemoOffers d = new DemoOffers(today, random);
        List<Provider> providers = new ArrayList<>();
        List<OfferContent> contents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Publisher publisher : publishers) {
            for (Template template : d.choose(publisher)) {
                providers.add(publisher.provider());
                contents.add(d.content(publisher, template));
                keys.add(template.key());
            }
        }
        List<Fate> fates = AssuranceHistories.deal(contents.size(), random);
        AssuranceHistories histories = new AssuranceHistories(today, random);
        List<Offer> offers = new ArrayList<>();
        Map<String, String> keyOf = new HashMap<>();
        for (int i = 0; i < contents.size(); i++) {
            Offer offer = histories.offer(providers.get(i), contents.get(i), fates.get(i));
            offers.add(offer);
            keyOf.put(offer.id(), keys.get(i));
        }
        return new Made(List.copyOf(offers), Map.copyOf(keyOf));
    }

    /**
     * The hand-written offers, each from as many providers as it has copies, chosen among those who may offer it: near
     * the demo area ({@code local}) three times in four when any local provider may, so that searches near its schools
     * meet them.
     */
    static Made handWritten(
            List<Publisher> publishers, java.util.function.Predicate<Publisher> local, LocalDate today, Random random) {
        DemoOffers d = new DemoOffers(today, random);
        AssuranceHistories histories = new AssuranceHistories(today, random);
        List<Offer> offers = new ArrayList<>();
        Map<String, String> keyOf = new HashMap<>();
        for (Template t : OfferTemplates.handWritten()) {
            List<Publisher> eligible = new ArrayList<>(
                    publishers.stream().filter(p -> p.mayOffer(t)).toList());
            if (eligible.size() < t.copies()) {
                // a demo without the providers named (another seed's) has it from a trust, which may offer anything
                publishers.stream()
                        .filter(p ->
                                p.tags().contains("TRUST") && !p.phasesFor(t).isEmpty() && !eligible.contains(p))
                        .forEach(eligible::add);
            }
            if (eligible.size() < t.copies()) {
                throw new IllegalStateException(OfferTemplates.HAND_WRITTEN + ": " + t.key() + " wants " + t.copies()
                        + " providers but only " + eligible.size() + " of the demo's may offer it");
            }
            for (int copy = 0; copy < t.copies(); copy++) {
                List<Publisher> near = eligible.stream().filter(local).toList();
                Publisher publisher = d.pick(!near.isEmpty() && random.nextInt(4) > 0 ? near : eligible);
                eligible.remove(publisher);
                Offer offer = histories.offer(publisher.provider(), d.content(publisher, t), t.fate());
                offers.add(offer);
                keyOf.put(offer.id(), t.key());
            }
        }
        return new Made(List.copyOf(offers), Map.copyOf(keyOf));
    }

    /** Half the time the template is any the provider may offer; otherwise one from the top-level area with fewest offers so far, so every area fills. */
    private List<Template> choose(Publisher publisher) {
        List<Template> eligible = new ArrayList<>(
                OfferTemplates.standard().stream().filter(publisher::mayOffer).toList());
        List<Template> chosen = new ArrayList<>();
        while (chosen.size() < publisher.offerCount() && !eligible.isEmpty()) {
            Template t = pick(random.nextBoolean() ? eligible : thinnest(eligible));
            eligible.remove(t);
            chosen.add(t);
            byTopLevel.merge(t.topLevel(), 1, Integer::sum);
        }
        return chosen;
    }

    private List<Template> thinnest(List<Template> templates) {
        int least = templates.stream().mapToInt(this::count).min().orElseThrow();
        return templates.stream().filter(t -> count(t) == least).toList();
    }

    private int count(Template t) {
        return byTopLevel.getOrDefault(t.topLevel(), 0);
    }

    private OfferContent content(Publisher publisher, Template t) {
        Provider provider = publisher.provider();
        String title = pick(t.titles());
        List<String> areas = new ArrayList<>(t.areas());
        if (!t.also().isEmpty() && random.nextBoolean()) {
            areas.add(pick(t.also()));
        }
        List<DeliveryMode> modes =
                t.modes().stream().filter(m -> random.nextInt(3) > 0).toList();
        LocalDate from = today.plusDays(random.nextInt(75) - 14);
        LocalDate until = from.plusDays(120 + random.nextInt(181));
        String role = publisher.roleFor(t);
        OfferContent content = new OfferContent(
                title,
                pick(t.abouts()) + " " + publisher.closing(),
                areas,
                List.copyOf(publisher.phasesFor(t)),
                modes.isEmpty() ? List.of(pick(t.modes())) : modes,
                BigDecimal.valueOf(HALF_DAYS[random.nextInt(HALF_DAYS.length)]).divide(BigDecimal.TWO),
                3L * (2 + random.nextInt(19)),
                random.nextInt(10) < 6 ? 35_000L + 2_500L * random.nextInt(13) : null,
                null,
                10 + 5 * random.nextInt(15),
                from,
                until.isAfter(today.plusYears(1)) ? today.plusYears(1) : until,
                new Evidence(pick(t.evidence()), links(provider, title)),
                new Contact(
                        role,
                        slug(role) + "@" + slug(provider.name()) + ".example.org",
                        provider.contact().phone()));
        return provider.location() == null ? content : content.locatedAt(provider.location());
    }

    /** Most offers give no links; some link to an impact report, a few to case studies too. */
    private List<String> links(Provider provider, String title) {
        String base = "https://example.org/" + slug(provider.name());
        return switch (random.nextInt(10)) {
            case 6, 7, 8 -> List.of(base + "/impact/" + slug(title));
            case 9 -> List.of(base + "/impact/" + slug(title), base + "/case-studies");
            default -> List.of();
        };
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
