package uk.sse.local.demo;

import static uk.sse.directory.model.ProviderType.*;
import static uk.sse.local.demo.SchoolKind.*;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import uk.sse.directory.model.Contact;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.directory.register.School;

/**
 * The demo's providers: real schools from the register and fictional LA services, hubs, trusts, consultants and
 * charities placed near a real school of their area. Most are in the demo area and its region, where a demo looks.
 */
final class DemoProviders {

    static final String SCHOOL_ROLE = "School partnerships lead";

    /** Where a non-school provider's name comes from. */
    private enum Place {
        LA,
        REGION,
        WORD
    }

    /** A kind of non-school provider: its name is {@code name} formatted with its place; {@code about} with its LA's name. */
    private record Kind(
            ProviderType type,
            Place place,
            String name,
            String idPart,
            List<String> remit,
            String role,
            Designation designation,
            String about) {}

    /** In the order the demo area gets them. */
    private static final List<Kind> LA_SERVICES = List.of(
            la(
                    "%s Council Attendance and Inclusion Service",
                    "attendance",
                    List.of("AB", "INC.AP", "INC.DIS"),
                    "Attendance and inclusion lead",
                    "Attendance, inclusion and exclusions support for schools and families in %s."),
            la(
                    "%s Council School Improvement Service",
                    "improvement",
                    List.of("CT", "ACH", "LG.SL", "LG.ML", "LG.SAFE", "LG.ECT"),
                    "School improvement adviser",
                    "School improvement advisers working with maintained schools and academies across %s."),
            la(
                    "%s Council SEND and Specialist Teaching Service",
                    "send",
                    List.of("INC.SEND"),
                    "Specialist teaching team leader",
                    "Specialist teachers for SEND, including sensory and physical needs, working in schools across %s."),
            la(
                    "%s Council Early Years and Childcare Team",
                    "early-years",
                    List.of("EY", "CT.READ"),
                    "Early years adviser",
                    "Early years advisers supporting nursery schools, school-based nurseries and Reception classes in %s."),
            la(
                    "%s Council Governor Services",
                    "governance",
                    List.of("LG.GOV", "LG.SBM", "LG.WELL", "ACH.DATA"),
                    "Governance adviser",
                    "Training, clerking and advice for governing boards in %s."),
            la(
                    "%s Council Educational Psychology and Well-being Service",
                    "wellbeing",
                    List.of("PDW.MH", "INC.SEND.SEMH", "INC.SEND.ASD", "AB.ATT"),
                    "Senior educational psychologist",
                    "Educational psychologists and well-being practitioners working with schools in %s."),
            la(
                    "%s Council Safeguarding in Education Team",
                    "safeguarding",
                    List.of("LG.SAFE", "PDW.RSHE", "AB.EXC"),
                    "Education safeguarding adviser",
                    "Safeguarding advice, audits and training for schools in %s."),
            la(
                    "%s Council EAL and New Arrivals Service",
                    "eal",
                    List.of("INC.EAL"),
                    "EAL consultant",
                    "Support for pupils learning English as an additional language, and their schools, in %s."),
            la(
                    "%s Council Careers and Participation Team",
                    "careers",
                    List.of("PDW.CAREERS", "SF.DEST"),
                    "Careers and participation adviser",
                    "Careers guidance support and tracking of young people's participation in education and training in %s."));

    private static final List<Kind> HUBS = List.of(
            hub(Place.REGION, "%s Maths Hub", Designation.MATHS_HUB, "Maths hub lead"),
            hub(
                    Place.REGION,
                    "%s Science Learning Partnership",
                    Designation.SCIENCE_LEARNING_PARTNERSHIP,
                    "Partnership lead"),
            hub(Place.REGION, "%s Computing Hub", Designation.COMPUTING_HUB, "Computing hub lead"),
            hub(Place.REGION, "%s Behaviour Hub", Designation.BEHAVIOUR_HUB, "Behaviour hub lead"),
            hub(Place.REGION, "%s Attendance Hub", Designation.ATTENDANCE_HUB, "Attendance hub lead"),
            hub(Place.LA, "%s Teaching School Hub", Designation.TEACHING_SCHOOL_HUB, "Teaching school hub lead"),
            hub(Place.LA, "%s English Hub", Designation.ENGLISH_HUB, "English hub lead"),
            hub(Place.LA, "%s Music Hub", Designation.MUSIC_HUB, "Music hub manager"));

    private static final List<Kind> TRUSTS = List.of(
            other(
                    TRUST,
                    "%s Learning Trust",
                    List.of(),
                    "Trust director of school improvement",
                    "A multi-academy trust of primary and secondary schools whose improvement team also works with schools outside the trust."),
            other(
                    TRUST,
                    "%s Academies Trust",
                    List.of(),
                    "Trust director of education",
                    "A trust of primary, secondary and special academies sharing its central team's expertise with other schools."));

    private static final List<Kind> CONSULTANTS = List.of(
            other(
                    CONSULTANT,
                    "%s Governance Associates",
                    List.of("LG.GOV", "LG.SL", "LG.SBM", "LG.WELL", "ACH.DATA"),
                    "Principal consultant",
                    "Governance and leadership consultants, all former headteachers, chairs of governors or school business leaders."),
            other(
                    CONSULTANT,
                    "%s School Improvement",
                    List.of("CT", "ACH", "LG.SL", "LG.ML"),
                    "Lead consultant",
                    "An independent school improvement partnership of former senior leaders and subject specialists."),
            other(
                    CONSULTANT,
                    "%s Inclusion Consultancy",
                    List.of("INC", "AB.BEH", "PDW.MH"),
                    "Inclusion consultant",
                    "Independent SEND and inclusion consultants with experience as SENCOs and local authority advisers."),
            other(
                    CONSULTANT,
                    "%s Safeguarding Training",
                    List.of("LG.SAFE", "PDW.RSHE"),
                    "Safeguarding trainer",
                    "Safeguarding training and audits for schools, led by former designated safeguarding leads."),
            other(
                    CONSULTANT,
                    "%s Early Years Consultancy",
                    List.of("EY", "CT.READ"),
                    "Early years consultant",
                    "Early years specialists supporting nursery schools, school-based nurseries and Reception classes."),
            other(
                    CONSULTANT,
                    "%s Post-16 Consulting",
                    List.of("SF", "PDW.CAREERS", "ACH.KS4"),
                    "Post-16 consultant",
                    "Consultants with experience of leading sixth forms and 16 to 19 providers."));

    private static final List<Kind> CHARITIES = List.of(
            other(
                    CHARITY,
                    "%s Reading Foundation",
                    List.of("CT.READ", "CT.ENG", "EY.CL", "INC.SEND.SPLD"),
                    "Schools programme manager",
                    "A charity helping schools to teach every child to read, and to read for pleasure."),
            other(
                    CHARITY,
                    "%s Family Support",
                    List.of("AB.ATT", "INC.DIS", "PDW.ENRICH"),
                    "Family support coordinator",
                    "A charity working with families and schools to improve attendance and broaden opportunities."),
            other(
                    CHARITY,
                    "%s Well-being in Schools",
                    List.of("PDW.MH", "INC.SEND.SEMH", "AB.ATT"),
                    "Well-being practitioner lead",
                    "A children's mental health charity working in schools."),
            other(
                    CHARITY,
                    "%s Careers Foundation",
                    List.of("PDW.CAREERS", "SF.DEST"),
                    "Schools partnership manager",
                    "A charity connecting schools and colleges with employers and universities."),
            other(
                    CHARITY,
                    "%s Speech and Language Charity",
                    List.of("INC.SEND.SLCN", "EY.CL", "CT.ENG"),
                    "Speech and language therapist lead",
                    "A charity of speech and language therapists and trainers working with schools and early years settings."),
            other(
                    CHARITY,
                    "%s Outdoor Education Charity",
                    List.of("PDW.ENRICH", "CT.PE"),
                    "Learning programmes manager",
                    "An outdoor education charity running curriculum days and residentials for schools."),
            other(
                    CHARITY,
                    "%s Autism Partnership",
                    List.of("INC.SEND.ASD"),
                    "Autism practitioner lead",
                    "A charity of autism practitioners supporting schools, families and autistic young people."));

    private static final Map<ProviderType, String> CLOSINGS = Map.of(
            SCHOOL, "Delivered by serving staff at %s.",
            LOCAL_AUTHORITY_SERVICE, "Available to maintained schools and academies in %s.",
            HUB, "Part-funded through the hub programme; the price shown is the school's contribution.",
            TRUST, "Open to schools outside the trust as well as our own.",
            CONSULTANT, "Delivered by associates with senior leadership and inspection experience.",
            CHARITY,
                    "Any surplus is reinvested in our work with schools; reduced rates are available for small schools.");

    /** Words for fictional organisation names. */
    private static final List<String> WORDS = List.of(
            "Kingfisher",
            "Larchwood",
            "Fellside",
            "Brightwater",
            "Heronsgate",
            "Copperfield",
            "Millstone",
            "Saltmarsh",
            "Riverbend",
            "Skylark",
            "Hollybrook",
            "Beaconfield",
            "Oakhurst",
            "Willowmere",
            "Ashgrove",
            "Meadowsweet",
            "Harebell",
            "Lanternhill",
            "Fieldfare",
            "Silverbirch",
            "Wrenfield",
            "Amberleigh",
            "Lapwing",
            "Curlew",
            "Bramblewood",
            "Foxglove",
            "Sandpiper",
            "Starling",
            "Elmstead",
            "Greywater",
            "Tidemill",
            "Hazelmere");

    /** How often each kind of school is taken: mostly primaries and secondaries, but every kind early on. */
    private static final List<SchoolKind> CYCLE =
            List.of(PRIMARY, SECONDARY, SPECIAL, PRIMARY, NURSERY, SECONDARY, SIXTH_FORM, PRIMARY, AP, ALL_THROUGH);

    /** How many of each provider a scope gets, and how many offers each may write. */
    private record Scope(
            List<String> las,
            int schools,
            int laServices,
            int hubs,
            int trusts,
            int consultants,
            int charities,
            int minOffers,
            int maxOffers) {}

    private final Random random;
    private final LocalDate today;
    private final Map<String, List<School>> byLa = new LinkedHashMap<>();
    private final Deque<String> words;
    private final Set<String> ids = new HashSet<>();
    private final List<Publisher> publishers = new ArrayList<>();

    private DemoProviders(List<School> schools, LocalDate today, Random random) {
        this.random = random;
        this.today = today;
        schools.stream()
                .filter(s -> s.hasLocation()
                        && s.laCode() != null
                        && SchoolKind.of(s).isPresent())
                .forEach(s ->
                        byLa.computeIfAbsent(s.laCode(), k -> new ArrayList<>()).add(s));
        List<String> shuffled = new ArrayList<>(WORDS);
        Collections.shuffle(shuffled, random);
        this.words = new ArrayDeque<>(shuffled);
    }

    static List<Publisher> publishers(List<School> schools, String demoArea, LocalDate today, Random random) {
        DemoProviders d = new DemoProviders(schools, today, random);
        List<String> region =
                d.regionOf(demoArea).stream().filter(la -> !la.equals(demoArea)).toList();
        List<String> national = d.byLa.keySet().stream()
                .filter(la -> !la.equals(demoArea) && !region.contains(la))
                .toList();
        d.add(new Scope(List.of(demoArea), 14, 6, 2, 1, 2, 2, 6, 9), true);
        d.add(new Scope(region, 10, 4, 2, 2, 2, 1, 3, 7), false);
        d.add(new Scope(national, 18, 5, 5, 3, 3, 3, 3, 5), false);
        return List.copyOf(d.publishers);
    }

    /** Every contact name the generator uses: roles, never people. */
    static Set<String> roleNames() {
        Set<String> roles = new LinkedHashSet<>(Publisher.SCHOOL_ROLES.values());
        roles.add(SCHOOL_ROLE);
        Stream.of(LA_SERVICES, HUBS, TRUSTS, CONSULTANTS, CHARITIES)
                .flatMap(List::stream)
                .map(Kind::role)
                .forEach(roles::add);
        return roles;
    }

    /** The LAs in the same region (GOR) as {@code la}, itself included. */
    List<String> regionOf(String la) {
        String region = regionName(la);
        return byLa.keySet().stream()
                .filter(other -> region != null && region.equals(regionName(other)))
                .toList();
    }

    private void add(Scope scope, boolean demo) {
        if (scope.las().isEmpty()) {
            return;
        }
        schools(scope);
        for (int i = 0; i < scope.laServices(); i++) {
            // the demo area gets the core services in order; elsewhere any service of any LA
            nonSchool(
                    scope,
                    demo ? LA_SERVICES.get(i % LA_SERVICES.size()) : pick(LA_SERVICES),
                    demo ? scope.las().get(0) : null);
        }
        for (int i = 0; i < scope.hubs(); i++) {
            nonSchool(scope, pick(HUBS), null);
        }
        for (int i = 0; i < scope.trusts(); i++) {
            nonSchool(scope, pick(TRUSTS), null);
        }
        for (int i = 0; i < scope.consultants(); i++) {
            nonSchool(scope, pick(CONSULTANTS), null);
        }
        for (int i = 0; i < scope.charities(); i++) {
            nonSchool(scope, pick(CHARITIES), null);
        }
    }

    private void schools(Scope scope) {
        Map<SchoolKind, List<School>> pools = new EnumMap<>(SchoolKind.class);
        scope.las()
                .forEach(la -> byLa.get(la)
                        .forEach(s -> pools.computeIfAbsent(SchoolKind.of(s).orElseThrow(), k -> new ArrayList<>())
                                .add(s)));
        pools.values().forEach(pool -> Collections.shuffle(pool, random));
        int taken = 0;
        while (taken < scope.schools() && pools.values().stream().anyMatch(pool -> !pool.isEmpty())) {
            for (SchoolKind kind : CYCLE) {
                List<School> pool = pools.getOrDefault(kind, List.of());
                if (taken < scope.schools() && !pool.isEmpty()) {
                    publishers.add(school(pool.remove(pool.size() - 1), kind, offerCount(scope)));
                    taken++;
                }
            }
        }
    }

    private Publisher school(School s, SchoolKind kind, int offers) {
        List<Designation> designations = new ArrayList<>(List.of(pick(kind.designations)));
        Designation second = pick(kind.designations);
        if (random.nextInt(10) < 3 && !designations.contains(second)) {
            designations.add(second);
        }
        Set<Phase> phases = kind.phases(s);
        String sixthForm = kind != SIXTH_FORM && phases.contains(Phase.POST_16) ? " with a sixth form" : "";
        String description = kind.label + sixthForm + " in " + (s.town() == null ? s.laName() : s.town()) + ", "
                + s.laName() + ". Its staff share their expertise through school-to-school support.";
        Instant created = created();
        Provider provider = new Provider(
                s.urn(),
                SCHOOL,
                s.name(),
                s.laCode(),
                s.urn(),
                contact(SCHOOL_ROLE, s.name()),
                website(s),
                designations,
                designations,
                new GeoPoint(s.latitude(), s.longitude()),
                description,
                1,
                created,
                created); // the demo's claims are assured
        Set<String> tags = new HashSet<>(Set.of(kind.name()));
        designations.forEach(d -> tags.add(d.name()));
        ids.add(s.urn());
        return new Publisher(
                provider,
                tags,
                List.of(),
                phases,
                SCHOOL_ROLE,
                CLOSINGS.get(SCHOOL).formatted(s.name()),
                offers);
    }

    /** Adds a provider of this kind in {@code la}, or in a random LA of the scope; skips it if every try names one already made. */
    private void nonSchool(Scope scope, Kind kind, String la) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String area = la != null ? la : pick(scope.las());
            String place = switch (kind.place()) {
                case LA -> laName(area);
                case REGION -> regionName(area);
                case WORD -> words.pop();
            };
            String name = kind.name().formatted(place);
            String id = kind.type() == LOCAL_AUTHORITY_SERVICE
                    ? "prv_la-" + area + "-" + kind.idPart()
                    : "prv_" + slug(name);
            if (ids.add(id)) {
                School near = pick(byLa.get(area));
                GeoPoint location = new GeoPoint(
                        round(near.latitude() + (random.nextDouble() - 0.5) * 0.03),
                        round(near.longitude() + (random.nextDouble() - 0.5) * 0.05));
                Instant created = created();
                Provider provider = new Provider(
                        id,
                        kind.type(),
                        name,
                        area,
                        null,
                        contact(kind.role(), name),
                        "https://www." + slug(name) + ".example.org",
                        kind.designation() == null ? List.of() : List.of(kind.designation()),
                        kind.designation() == null ? List.of() : List.of(kind.designation()),
                        location,
                        kind.about().formatted(laName(area)),
                        1,
                        created,
                        created);
                Set<String> tags =
                        Set.of(kind.type() == HUB ? kind.designation().name() : tag(kind.type()));
                publishers.add(new Publisher(
                        provider,
                        tags,
                        kind.remit(),
                        EnumSet.allOf(Phase.class),
                        kind.role(),
                        CLOSINGS.get(kind.type()).formatted(laName(area)),
                        offerCount(scope)));
                return;
            }
        }
    }

    private Contact contact(String role, String organisation) {
        return new Contact(role, "support@" + slug(organisation) + ".example.org", phone(random));
    }

    /** A number from Ofcom's range for drama, so it can never ring anyone; a third of organisations give none. */
    static String phone(Random random) {
        return random.nextInt(3) == 0 ? null : "01632 960%03d".formatted(random.nextInt(1000));
    }

    /** The register's website, with a scheme where GIAS leaves it out. */
    private static String website(School s) {
        if (s.website() == null || s.website().contains(" ")) {
            return null;
        }
        return s.website().matches("(?i)https?://.*") ? s.website() : "https://" + s.website();
    }

    private Instant created() {
        return today.minusDays(850 + random.nextInt(200))
                .atTime(9, random.nextInt(60))
                .toInstant(ZoneOffset.UTC);
    }

    private int offerCount(Scope scope) {
        return scope.minOffers() + random.nextInt(scope.maxOffers() - scope.minOffers() + 1);
    }

    /** "Bristol" for GIAS's "Bristol, City of", so that "Bristol Council" reads naturally. */
    private String laName(String la) {
        return byLa.get(la).get(0).laName().replaceAll(", (City|County) of$", "");
    }

    private String regionName(String la) {
        return byLa.containsKey(la) ? byLa.get(la).get(0).region() : null;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String tag(ProviderType type) {
        return type == LOCAL_AUTHORITY_SERVICE ? "LA" : type.name();
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    /** Lower-case ASCII words joined by hyphens, short enough for an id or a DNS label. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("['’]", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() <= 50 ? slug : slug.substring(0, Math.max(slug.lastIndexOf('-', 50), 20));
    }

    private static Kind la(String name, String idPart, List<String> remit, String role, String about) {
        return new Kind(LOCAL_AUTHORITY_SERVICE, Place.LA, name, idPart, remit, role, null, about);
    }

    private static Kind hub(Place place, String name, Designation designation, String role) {
        return new Kind(
                HUB,
                place,
                name,
                null,
                List.of(),
                role,
                designation,
                "One of the national network of school-led hubs, working with schools across the region.");
    }

    private static Kind other(ProviderType type, String name, List<String> remit, String role, String about) {
        return new Kind(type, Place.WORD, name, null, remit, role, null, about);
    }
}
