package uk.sse.kernel.area;

/** Who commissions support in an area (decision 0080). */
public enum AreaKind {
    /** A local authority: its id is its 3-digit LA code, its members the schools the register places in it. */
    LA,
    /** A multi-academy trust (or another GIAS trust), commissioning for its academies in whatever LA they are. */
    TRUST,
    /** LAs or trusts commissioning together, e.g. two LAs sharing one school-improvement company. */
    PARTNERSHIP,
    /** A teaching school hub's region. */
    HUB
}
