package uk.sse.bench.eval;

import java.util.List;

/**
 * Ranking measures over graded results ({@code 0} = not relevant, 1-3 as graded). An offer graded 2 or more counts as
 * relevant for recall and reciprocal rank; nDCG uses every grade, with gain {@code 2^grade - 1}.
 */
public final class Metrics {

    public static final int RELEVANT = 2;

    private Metrics() {}

    /** nDCG@k: the ranking's discounted gain over the best possible one's, from every graded offer search could return. */
    public static double ndcg(List<Integer> ranked, List<Integer> ideal, int k) {
        double best = dcg(ideal.stream().sorted((a, b) -> b - a).toList(), k);
        return best == 0 ? 0 : dcg(ranked, k) / best;
    }

    static double dcg(List<Integer> grades, int k) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, grades.size()); i++) {
            sum += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }

    /**
     * Recall@k: the relevant offers in the first {@code k} over those there are, or over {@code k} when there are more
     * (a page cannot hold more), so that a perfect first page scores 1.
     */
    public static double recall(List<Integer> ranked, List<Integer> ideal, int k) {
        long relevant = ideal.stream().filter(g -> g >= RELEVANT).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(g -> g >= RELEVANT).count();
        return (double) found / Math.min(k, relevant);
    }

    /** 1 / the rank of the first relevant offer, 0 if none is in the ranking. */
    public static double reciprocalRank(List<Integer> ranked) {
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i) >= RELEVANT) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }
}
