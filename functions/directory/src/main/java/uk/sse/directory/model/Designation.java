package uk.sse.directory.model;

/** National and local recognitions a provider holds; advisers weigh them when choosing support. */
public enum Designation {
    NATIONAL_LEADER_OF_EDUCATION,
    LOCAL_LEADER_OF_EDUCATION,
    SPECIALIST_LEADER_OF_EDUCATION,
    NATIONAL_LEADER_OF_GOVERNANCE,
    TEACHING_SCHOOL_HUB,
    MATHS_HUB,
    ENGLISH_HUB,
    SCIENCE_LEARNING_PARTNERSHIP,
    RESEARCH_SCHOOL,
    BEHAVIOUR_HUB,
    ATTENDANCE_HUB,
    COMPUTING_HUB,
    MUSIC_HUB
}
