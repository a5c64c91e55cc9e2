package uk.sse.reporting.scenario;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import uk.sse.reporting.reports.BalanceRow;
import uk.sse.reporting.reports.CreditsRow;
import uk.sse.reporting.reports.DaysRow;
import uk.sse.reporting.reports.ImpactRow;
import uk.sse.reporting.reports.ProviderRow;
import uk.sse.reporting.reports.ReportRow;
import uk.sse.reporting.reports.SchoolRow;
import uk.sse.reporting.reports.ServiceLevelRow;
import uk.sse.reporting.reports.WaitingRow;

/**
 * What the {@link Scenario} must report for area 888 from 1 September to 30 November 2026, worked out by hand from the
 * script (not from the SQL): each figure below has its working beside it. Days an engagement agreed are shared equally
 * between its request's areas; months are England's (every scripted time is well inside its day and month).
 */
public final class ExpectedFigures {

    private ExpectedFigures() {}

    /** Expected rows and the expected total of one report. */
    public record Expected(List<? extends ReportRow> rows, ReportRow total) {}

    static final String AB = "Attendance and behaviour";
    static final String AB_ATT = "Attendance and persistent absence";
    static final String AB_BEH = "Behaviour and routines";
    static final String CT = "Curriculum and teaching";
    static final String CT_MATHS = "Maths mastery";
    static final String CT_READ = "Early reading and phonics";
    static final String INC = "Inclusion";
    static final String INC_SEND = "Special educational needs and disabilities (SEND)";
    static final String INC_SEND_ASD = "Autistic spectrum disorder (ASD)";
    static final String INC_SEND_SEMH = "Social, emotional and mental health (SEMH)";

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static final BigDecimal ZERO = BigDecimal.ZERO;

    /**
     * September: agreed R10 (INC.SEND 5), R1 (CT.READ 4), R2 (6 over INC.SEND and INC.SEND.ASD: 3 each), R3 (3 over
     * CT.MATHS, CT.READ, AB.ATT: 1 each); R10 completed with 5. October: agreed R4 (INC.SEND.SEMH 5) and R5 (CT.MATHS 2);
     * R1 completed (CT.READ 4), R5 completed (CT.MATHS 2); R3 cancelled (1 each in its three areas). November: agreed R9
     * (AB.BEH 2); R2 completed with 4 (2 in each area), R4 completed with nothing (a row of zeros).
     */
    public static Expected daysDetailed() {
        return new Expected(
                List.of(
                        new DaysRow("2026-09", "AB.ATT", AB_ATT, "AB", AB, 1, d("1"), ZERO, ZERO),
                        new DaysRow("2026-09", "CT.MATHS", CT_MATHS, "CT", CT, 1, d("1"), ZERO, ZERO),
                        new DaysRow("2026-09", "CT.READ", CT_READ, "CT", CT, 2, d("5"), ZERO, ZERO),
                        new DaysRow("2026-09", "INC.SEND", INC_SEND, "INC", INC, 2, d("8"), d("5"), ZERO),
                        new DaysRow("2026-09", "INC.SEND.ASD", INC_SEND_ASD, "INC", INC, 1, d("3"), ZERO, ZERO),
                        new DaysRow("2026-10", "AB.ATT", AB_ATT, "AB", AB, 0, ZERO, ZERO, d("1")),
                        new DaysRow("2026-10", "CT.MATHS", CT_MATHS, "CT", CT, 1, d("2"), d("2"), d("1")),
                        new DaysRow("2026-10", "CT.READ", CT_READ, "CT", CT, 0, ZERO, d("4"), d("1")),
                        new DaysRow("2026-10", "INC.SEND.SEMH", INC_SEND_SEMH, "INC", INC, 1, d("5"), ZERO, ZERO),
                        new DaysRow("2026-11", "AB.BEH", AB_BEH, "AB", AB, 1, d("2"), ZERO, ZERO),
                        new DaysRow("2026-11", "INC.SEND", INC_SEND, "INC", INC, 0, ZERO, d("2"), ZERO),
                        new DaysRow("2026-11", "INC.SEND.ASD", INC_SEND_ASD, "INC", INC, 0, ZERO, d("2"), ZERO),
                        new DaysRow("2026-11", "INC.SEND.SEMH", INC_SEND_SEMH, "INC", INC, 0, ZERO, ZERO, ZERO)),
                // agreed: R10 5 + R1 4 + R2 6 + R3 3 + R4 5 + R5 2 + R9 2 = 27 in 7 engagements;
                // delivered: R10 5 + R1 4 + R5 2 + R2 4 + R4 0 = 15; cancelled: R3 3
                new DaysRow(null, null, null, null, null, 7, d("27"), d("15"), d("3")));
    }

    /** The same rolled up: an engagement counts once under a top level however many of its areas share it. */
    public static Expected daysTop() {
        return new Expected(
                List.of(
                        new DaysRow("2026-09", "AB", AB, "AB", AB, 1, d("1"), ZERO, ZERO),
                        new DaysRow("2026-09", "CT", CT, "CT", CT, 2, d("6"), ZERO, ZERO),
                        new DaysRow("2026-09", "INC", INC, "INC", INC, 2, d("11"), d("5"), ZERO),
                        new DaysRow("2026-10", "AB", AB, "AB", AB, 0, ZERO, ZERO, d("1")),
                        new DaysRow("2026-10", "CT", CT, "CT", CT, 1, d("2"), d("6"), d("2")),
                        new DaysRow("2026-10", "INC", INC, "INC", INC, 1, d("5"), ZERO, ZERO),
                        new DaysRow("2026-11", "AB", AB, "AB", AB, 1, d("2"), ZERO, ZERO),
                        new DaysRow("2026-11", "INC", INC, "INC", INC, 0, ZERO, d("4"), ZERO)),
                new DaysRow(null, null, null, null, null, 7, d("27"), d("15"), d("3")));
    }

    /**
     * Engagements agreed in the period and not cancelled: Brook R10 and R4 (5 + 5 days, 5 + 0 delivered, 15 + 0 posted),
     * Hillcrest R2 (6, 4, 12), Moorside R1 (4, 4, 12), Oakfield R5 (2, 2, 6), Riverside R9 (2, 0, 0; its R3 was cancelled).
     */
    public static Expected schools() {
        return new Expected(
                List.of(
                        new SchoolRow(
                                "100005",
                                "Brook Special School",
                                "888",
                                "Lancashire",
                                "Not applicable",
                                1,
                                2,
                                d("10"),
                                d("5"),
                                15),
                        new SchoolRow(
                                "100002",
                                "Hillcrest Academy",
                                "888",
                                "Lancashire",
                                "Secondary",
                                1,
                                1,
                                d("6"),
                                d("4"),
                                12),
                        new SchoolRow(
                                "100001", "Moorside Primary", "888", "Lancashire", "Primary", 1, 1, d("4"), d("4"), 12),
                        new SchoolRow(
                                "100004",
                                "Oakfield High School",
                                "888",
                                "Lancashire",
                                "Secondary",
                                1,
                                1,
                                d("2"),
                                d("2"),
                                6),
                        new SchoolRow(
                                "100003", "Riverside Infants", "888", "Lancashire", "Primary", 1, 1, d("2"), ZERO, 0)),
                new SchoolRow(null, null, null, null, null, 5, 6, d("24"), d("15"), 45));
    }

    /**
     * LA SEND: R10, R2, R4 agreed (5 + 6 + 5), delivered 5 + 4 + 0, earned 15 (30 Sep) + 12 (2 Nov), rated 3 and 4 on R2.
     * Oakfield: R9 agreed (2), nothing delivered, earned the peer payment of 3. Reading Matters: R1 (4, 4, 12), rated 5, 4.
     * Red Rose: R3 and R5 agreed (3 + 2), R5 delivered 2, earned 6, rated 4 and 5.
     */
    public static Expected providers() {
        return new Expected(
                List.of(
                        new ProviderRow(
                                "P-LA-SEND",
                                "Lancashire SEND Team",
                                "LOCAL_AUTHORITY_SERVICE",
                                1,
                                3,
                                d("16"),
                                d("9"),
                                27,
                                1,
                                d("3"),
                                1,
                                d("4")),
                        new ProviderRow(
                                "100004", "Oakfield High School", "SCHOOL", 1, 1, d("2"), ZERO, 3, 0, null, 0, null),
                        new ProviderRow(
                                "P-CONS",
                                "Reading Matters Consulting",
                                "CONSULTANT",
                                1,
                                1,
                                d("4"),
                                d("4"),
                                12,
                                1,
                                d("5"),
                                1,
                                d("4")),
                        new ProviderRow(
                                "P-HUB", "Red Rose Maths Hub", "HUB", 1, 2, d("5"), d("2"), 6, 1, d("4"), 1, d("5"))),
                // school ratings 5, 3, 4: 4.00; impact 4, 4, 5: 13 / 3 = 4.33
                new ProviderRow(null, null, null, 4, 7, d("27"), d("15"), 48, 3, d("4"), 3, d("4.33")));
    }

    public static Expected providersByType() {
        return new Expected(
                List.of(
                        new ProviderRow(null, null, "CONSULTANT", 1, 1, d("4"), d("4"), 12, 1, d("5"), 1, d("4")),
                        new ProviderRow(null, null, "HUB", 1, 2, d("5"), d("2"), 6, 1, d("4"), 1, d("5")),
                        new ProviderRow(
                                null, null, "LOCAL_AUTHORITY_SERVICE", 1, 3, d("16"), d("9"), 27, 1, d("3"), 1, d("4")),
                        new ProviderRow(null, null, "SCHOOL", 1, 1, d("2"), ZERO, 3, 0, null, 0, null)),
                new ProviderRow(null, null, null, 4, 7, d("27"), d("15"), 48, 3, d("4"), 3, d("4.33")));
    }

    /**
     * September: allocated 40 x 4 + 60 + 5 = 225; holds placed R10 15, R1 12, R2 18, R3 9 = 54; R10 posted 15.
     * October: adjustment 10; holds R4 15, R5 6 = 21; R3 voided: 9 released; R1 posted 12, R5 6: 18 spent and earned.
     * November: hold R9 6; R2 posted 12 of 18 (6 released), R4 voided (15 released): 21; R2's 12 and the peer payment of
     * 3 spent and earned, the 3 by a school (Oakfield).
     */
    public static Expected credits() {
        return new Expected(
                List.of(
                        new CreditsRow("2026-09", 225, 0, 54, 0, 15, 15, 0),
                        new CreditsRow("2026-10", 0, 10, 21, 9, 18, 18, 0),
                        new CreditsRow("2026-11", 0, 0, 6, 21, 15, 15, 3)),
                new CreditsRow(null, 225, 10, 81, 30, 48, 48, 3));
    }

    /**
     * At the end of 30 November. Schools: Moorside 40 in, 12 (R1) + 3 (peer) out; Hillcrest 40 + 10 in, 12 out; Riverside
     * 40 in, R9's 6 held; Oakfield 40 + 3 in, 6 out; Brook 60 in, 15 out; Elm Tree 5. Providers: what they earned.
     * Ordered by kind, then name.
     */
    public static Expected balances() {
        return new Expected(
                List.of(
                        new BalanceRow(
                                "888/P-CONS", "P-CONS", "Reading Matters Consulting", "CONSULTANT", 12, 0, 12, 0),
                        new BalanceRow("888/P-HUB", "P-HUB", "Red Rose Maths Hub", "HUB", 6, 0, 6, 0),
                        new BalanceRow(
                                "888/P-LA-SEND",
                                "P-LA-SEND",
                                "Lancashire SEND Team",
                                "LOCAL_AUTHORITY_SERVICE",
                                27,
                                0,
                                27,
                                0),
                        new BalanceRow("888/100005", "100005", "Brook Special School", "SCHOOL", 60, 15, 45, 0),
                        new BalanceRow("888/100006", "100006", "Elm Tree Primary", "SCHOOL", 5, 0, 5, 0),
                        new BalanceRow("888/100002", "100002", "Hillcrest Academy", "SCHOOL", 50, 12, 38, 0),
                        new BalanceRow("888/100001", "100001", "Moorside Primary", "SCHOOL", 40, 15, 25, 0),
                        new BalanceRow("888/100004", "100004", "Oakfield High School", "SCHOOL", 43, 6, 37, 0),
                        new BalanceRow("888/100003", "100003", "Riverside Infants", "SCHOOL", 40, 0, 40, 6)),
                // 235 = the 225 allocated and the 10 adjusted
                new BalanceRow(null, null, null, null, 283, 48, 235, 6));
    }

    /**
     * Raised: R1, R2, R3 / R4, R5, R6 / R7, R9, R8 (R10 in August). Matched: R1, R2, R3 / R4, R5, R6 / R7, R9. Agreed:
     * R10, R1, R2, R3 / R4, R5 / R9. Completed: R10 / R1, R5 / R2, R4. Cancelled: R3, R6. Refused: R6.
     * Hours to agreement: September R1 48, R3 96, R2 120, R10 312: median 108, p90 at 2.7 = 120 + 0.7 x 192 = 254.4;
     * October R5 72, R4 120: 96, 72 + 0.9 x 48 = 115.2; November R9 72. All seven: 48 72 72 96 120 120 312, median 96,
     * p90 at 5.4 = 120 + 0.4 x 192 = 196.8. Hours to completion: September R10 984; October R5 600, R1 672: 636, 664.8;
     * November R4 1104, R2 1272: 1188, 1255.2. All five: 600 672 984 1104 1272: 984, p90 at 3.6 = 1104 + 0.6 x 168 = 1204.8.
     */
    public static Expected serviceLevels() {
        return new Expected(
                List.of(
                        new ServiceLevelRow("2026-09", 3, 3, 4, 1, 0, 0, d("108"), d("254.4"), d("984"), d("984")),
                        new ServiceLevelRow("2026-10", 3, 3, 2, 2, 2, 1, d("96"), d("115.2"), d("636"), d("664.8")),
                        new ServiceLevelRow("2026-11", 3, 2, 1, 2, 0, 0, d("72"), d("72"), d("1188"), d("1255.2"))),
                new ServiceLevelRow(null, 9, 8, 7, 5, 2, 1, d("96"), d("196.8"), d("984"), d("1204.8")));
    }

    /** At 1 December 00:00 (GMT): R7, raised 3 Nov 09:00, proposed 5 Nov, has waited 27 days 15 hours = 27.625 days. */
    public static Expected waiting14() {
        return new Expected(
                List.of(new WaitingRow(
                        "R7",
                        "100001",
                        "Moorside Primary",
                        "HIGH",
                        Instant.parse("2026-11-03T09:00:00Z"),
                        Instant.parse("2026-11-05T09:00:00Z"),
                        1,
                        d("27.6"))),
                new WaitingRow(null, null, null, null, null, null, 1, null));
    }

    /** With a week's threshold R8 (raised 20 Nov 09:00: 10 days 15 hours) joins it. */
    public static Expected waiting7() {
        return new Expected(
                List.of(
                        new WaitingRow(
                                "R7",
                                "100001",
                                "Moorside Primary",
                                "HIGH",
                                Instant.parse("2026-11-03T09:00:00Z"),
                                Instant.parse("2026-11-05T09:00:00Z"),
                                1,
                                d("27.6")),
                        new WaitingRow(
                                "R8",
                                "100002",
                                "Hillcrest Academy",
                                "HIGH",
                                Instant.parse("2026-11-20T09:00:00Z"),
                                null,
                                1,
                                d("10.6"))),
                new WaitingRow(null, null, null, null, null, null, 2, null));
    }

    /** Ratings in the period: R1 school 5, impact 4 (CT.READ); R2 3, 4 (INC.SEND, INC.SEND.ASD); R5 4, 5 (CT.MATHS). */
    public static Expected impactDetailed() {
        return new Expected(
                List.of(
                        new ImpactRow("CT.MATHS", CT_MATHS, 1, d("4"), 1, d("5")),
                        new ImpactRow("CT.READ", CT_READ, 1, d("5"), 1, d("4")),
                        new ImpactRow("INC.SEND", INC_SEND, 1, d("3"), 1, d("4")),
                        new ImpactRow("INC.SEND.ASD", INC_SEND_ASD, 1, d("3"), 1, d("4"))),
                new ImpactRow(null, null, 3, d("4"), 3, d("4.33")));
    }

    /** R2's two areas are both Inclusion: its ratings count once there. */
    public static Expected impactTop() {
        return new Expected(
                List.of(
                        new ImpactRow("CT", CT, 2, d("4.5"), 2, d("4.5")),
                        new ImpactRow("INC", INC, 1, d("3"), 1, d("4"))),
                new ImpactRow(null, null, 3, d("4"), 3, d("4.33")));
    }

    public static Expected impactByProvider() {
        return new Expected(
                List.of(
                        new ImpactRow("P-LA-SEND", "Lancashire SEND Team", 1, d("3"), 1, d("4")),
                        new ImpactRow("P-CONS", "Reading Matters Consulting", 1, d("5"), 1, d("4")),
                        new ImpactRow("P-HUB", "Red Rose Maths Hub", 1, d("4"), 1, d("5"))),
                new ImpactRow(null, null, 3, d("4"), 3, d("4.33")));
    }
}
