package uk.sse.kernel.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The areas of support. The top level is Ofsted's renewed report-card areas (November 2025), so an
 * adviser's findings map straight onto it; subject, programme and SEND areas sit beneath. A child's code
 * is its parent's code plus one segment, so codes never change when labels do and a prefix finds a subtree.
 */
public final class Taxonomy {

    private static final Taxonomy STANDARD = build();

    private final Map<String, Term> terms;

    private Taxonomy(Map<String, Term> terms) {
        this.terms = terms;
    }

    public static Taxonomy standard() {
        return STANDARD;
    }

    public Collection<Term> terms() {
        return terms.values();
    }

    public Optional<Term> find(String code) {
        return Optional.ofNullable(code == null ? null : terms.get(code));
    }

    public boolean isKnown(String code) {
        return code != null && terms.containsKey(code);
    }

    /** The code and every code beneath it: what a search for the code should match. */
    public Set<String> subtree(String code) {
        Set<String> codes = new TreeSet<>();
        if (isKnown(code)) {
            for (String candidate : terms.keySet()) {
                if (candidate.equals(code) || candidate.startsWith(code + ".")) {
                    codes.add(candidate);
                }
            }
        }
        return codes;
    }

    /** The code's ancestors from the top, then the code itself. */
    public List<String> lineage(String code) {
        List<String> lineage = new ArrayList<>();
        for (Term term = terms.get(code);
                term != null;
                term = term.parent() == null ? null : terms.get(term.parent())) {
            lineage.add(0, term.code());
        }
        return lineage;
    }

    private static Taxonomy build() {
        Map<String, Term> t = new LinkedHashMap<>();
        top(t, "INC", "Inclusion");
        child(t, "INC.SEND", "Special educational needs and disabilities (SEND)");
        child(t, "INC.SEND.SPLD", "Specific learning difficulty (SpLD)");
        child(t, "INC.SEND.MLD", "Moderate learning difficulty (MLD)");
        child(t, "INC.SEND.SLD", "Severe learning difficulty (SLD)");
        child(t, "INC.SEND.PMLD", "Profound and multiple learning difficulty (PMLD)");
        child(t, "INC.SEND.SEMH", "Social, emotional and mental health (SEMH)");
        child(t, "INC.SEND.SLCN", "Speech, language and communication needs (SLCN)");
        child(t, "INC.SEND.HI", "Hearing impairment (HI)");
        child(t, "INC.SEND.VI", "Visual impairment (VI)");
        child(t, "INC.SEND.MSI", "Multi-sensory impairment (MSI)");
        child(t, "INC.SEND.PD", "Physical disability (PD)");
        child(t, "INC.SEND.ASD", "Autistic spectrum disorder (ASD)");
        child(t, "INC.EAL", "English as an additional language (EAL) and new arrivals");
        child(t, "INC.DIS", "Disadvantaged pupils and pupil premium");
        child(t, "INC.AP", "Alternative provision and reintegration");

        top(t, "CT", "Curriculum and teaching");
        child(t, "CT.READ", "Early reading and phonics");
        child(t, "CT.ENG", "English");
        child(t, "CT.MATHS", "Maths mastery");
        child(t, "CT.SCI", "Science");
        child(t, "CT.HUM", "History, geography and religious education");
        child(t, "CT.MFL", "Modern foreign languages");
        child(t, "CT.ARTS", "Arts, music and design");
        child(t, "CT.PE", "Physical education and sport");
        child(t, "CT.COMP", "Computing");
        child(t, "CT.DESIGN", "Curriculum design and sequencing");
        child(t, "CT.PED", "Teaching and instruction");
        child(t, "CT.ASSESS", "Assessment and feedback");

        top(t, "ACH", "Achievement");
        child(t, "ACH.DATA", "Using data to track and raise attainment");
        child(t, "ACH.KS2", "Key stage 2 outcomes");
        child(t, "ACH.KS4", "Key stage 4 outcomes");

        top(t, "AB", "Attendance and behaviour");
        child(t, "AB.ATT", "Attendance and persistent absence");
        child(t, "AB.BEH", "Behaviour and routines");
        child(t, "AB.EXC", "Suspensions and exclusions");

        top(t, "PDW", "Personal development and well-being");
        child(t, "PDW.MH", "Mental health and well-being");
        child(t, "PDW.RSHE", "Relationships, sex and health education");
        child(t, "PDW.CAREERS", "Careers education and guidance");
        child(t, "PDW.ENRICH", "Enrichment and character");

        top(t, "LG", "Leadership and governance");
        child(t, "LG.SAFE", "Safeguarding");
        child(t, "LG.GOV", "Governance");
        child(t, "LG.SBM", "School business management");
        child(t, "LG.SL", "Senior leadership");
        child(t, "LG.ML", "Middle and subject leadership");
        child(t, "LG.ECT", "Early career teachers and mentoring");
        child(t, "LG.WELL", "Staff workload and well-being");

        top(t, "EY", "Early years");
        child(t, "EY.CL", "Communication and language");
        child(t, "EY.MATHS", "Early mathematics");
        child(t, "EY.TRANS", "Transition into reception and year 1");

        top(t, "SF", "Sixth form");
        child(t, "SF.CURR", "Sixth form curriculum and study programmes");
        child(t, "SF.DEST", "Destinations and progression");
        return new Taxonomy(java.util.Collections.unmodifiableMap(t));
    }

    private static void top(Map<String, Term> t, String code, String label) {
        t.put(code, new Term(code, null, label));
    }

    private static void child(Map<String, Term> t, String code, String label) {
        String parent = code.substring(0, code.lastIndexOf('.'));
        if (!t.containsKey(parent)) {
            throw new IllegalStateException("parent of " + code + " must be defined first");
        }
        t.put(code, new Term(code, parent, label));
    }
}
