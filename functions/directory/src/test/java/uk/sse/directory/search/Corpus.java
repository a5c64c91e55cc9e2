package uk.sse.directory.search;

import static uk.sse.directory.search.OfferDoc.BRIGHTON;
import static uk.sse.directory.search.OfferDoc.CAMDEN;
import static uk.sse.directory.search.OfferDoc.CROYDON;
import static uk.sse.directory.search.OfferDoc.ISLINGTON;
import static uk.sse.directory.search.OfferDoc.MANCHESTER;
import static uk.sse.directory.search.OfferDoc.offer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A small directory as an adviser in Camden would meet it: nine visible offers and three that must never show. */
final class Corpus {

    static final List<String> VISIBLE = List.of(
            "phonics-ks1",
            "reading-y7",
            "early-reading-online",
            "semh-outreach",
            "behaviour-secondary",
            "behaviour-primary",
            "maths-ks2",
            "attendance",
            "governance");
    static final List<String> HIDDEN = List.of("draft-phonics", "withdrawn-phonics", "overdue-phonics");

    private Corpus() {}

    static List<Map<String, Object>> offers() {
        return List.of(
                offer("phonics-ks1", "Systematic synthetic phonics in KS1: getting the lowest 20% reading")
                        .description(
                                "Half-termly coaching for the reading lead and Year 1 team, with a phonics audit, decodable books and follow-up.")
                        .areas("CT.READ")
                        .phases("PRIMARY")
                        .modes("IN_SCHOOL", "COACHING")
                        .by("SCHOOL", "Argyle English Hub")
                        .designations("ENGLISH_HUB")
                        .price(300)
                        .at(CAMDEN)
                        .quality(12, 4.2)
                        .doc(),
                offer("reading-y7", "Reading fluency for struggling readers in Year 7")
                        .description(
                                "Training for secondary English departments on fluency, disciplinary reading and catch-up.")
                        .areas("CT.READ")
                        .phases("SECONDARY")
                        .modes("TRAINING")
                        .by("TRUST", "North London Learning Trust")
                        .price(200)
                        .at(ISLINGTON)
                        .quality(3, 3.5)
                        .doc(),
                offer("early-reading-online", "Early reading leadership programme")
                        .description(
                                "Six online sessions for early reading leads in primary schools on phonics, assessment and keep-up.")
                        .areas("CT.READ", "LG.ML")
                        .phases("PRIMARY")
                        .modes("REMOTE")
                        .by("CHARITY", "Reading Together")
                        .price(150)
                        .at(MANCHESTER)
                        .doc(),
                offer("semh-outreach", "SEMH outreach for secondary schools")
                        .description(
                                "Specialist teachers support pupils with social, emotional and mental health needs, and train staff in de-escalation.")
                        .areas("INC.SEND.SEMH")
                        .phases("SECONDARY")
                        .modes("IN_SCHOOL")
                        .by("LOCAL_AUTHORITY_SERVICE", "Croydon Inclusion Service")
                        .price(500)
                        .at(CROYDON)
                        .quality(40, 4.5)
                        .doc(),
                offer("behaviour-secondary", "Behaviour and routines in secondary: a whole-school approach")
                        .description(
                                "Peer review and training on behaviour policy, routines and consistency for secondary leaders.")
                        .areas("AB.BEH")
                        .phases("SECONDARY")
                        .modes("TRAINING", "PEER_REVIEW")
                        .by("HUB", "Islington Behaviour Hub")
                        .designations("BEHAVIOUR_HUB")
                        .price(400)
                        .at(ISLINGTON)
                        .quality(8, 4.0)
                        .doc(),
                offer("behaviour-primary", "Calm classrooms: behaviour in primary")
                        .description("Coaching for primary teachers on routines, relationships and calm classrooms.")
                        .areas("AB.BEH")
                        .phases("PRIMARY")
                        .modes("COACHING")
                        .by("CONSULTANT", "Calm Classrooms Ltd")
                        .price(250)
                        .at(BRIGHTON)
                        .doc(),
                offer("maths-ks2", "Mathematics mastery for Key Stage 2")
                        .description("Teaching for mastery work groups for Year 5 and 6 teachers, with lesson study.")
                        .areas("CT.MATHS")
                        .phases("PRIMARY")
                        .modes("COACHING", "TRAINING")
                        .by("HUB", "London Central Maths Hub")
                        .designations("MATHS_HUB")
                        .price(0)
                        .at(CAMDEN)
                        .quality(20, 4.8)
                        .doc(),
                offer("attendance", "Improving attendance: tackling persistent absence")
                        .description("An attendance audit and half-termly meetings with the attendance lead.")
                        .areas("AB.ATT")
                        .phases("PRIMARY", "SECONDARY")
                        .modes("IN_SCHOOL")
                        .by("LOCAL_AUTHORITY_SERVICE", "Camden Attendance Team")
                        .price(100)
                        .at(CAMDEN)
                        .available("2027-01-01", "2027-03-31")
                        .doc(),
                offer("governance", "Governance review")
                        .description("An external review of governance for boards and trustees.")
                        .areas("LG.GOV")
                        .phases("ALL_THROUGH")
                        .modes("REMOTE")
                        .by("CONSULTANT", "Good Governance Partners")
                        .price(600)
                        .at(null)
                        .available("2026-01-01", null)
                        .doc(),
                offer("draft-phonics", "Phonics catch-up (draft)")
                        .areas("CT.READ")
                        .set("status", "DRAFT")
                        .doc(),
                offer("withdrawn-phonics", "Phonics for reception (withdrawn)")
                        .areas("CT.READ")
                        .set("status", "WITHDRAWN")
                        .doc(),
                offer("overdue-phonics", "Phonics review overdue")
                        .areas("CT.READ")
                        .set("reviewDate", LocalDate.now().minusDays(1).toString())
                        .doc());
    }
}
