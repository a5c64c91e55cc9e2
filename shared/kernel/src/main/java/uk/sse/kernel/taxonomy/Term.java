package uk.sse.kernel.taxonomy;

/** One area of support: a stable code, its parent's code (null at the top) and a label for people. */
public record Term(String code, String parent, String label) {

    public int depth() {
        return (int) code.chars().filter(c -> c == '.').count();
    }
}
