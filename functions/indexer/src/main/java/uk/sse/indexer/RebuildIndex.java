package uk.sse.indexer;

import io.micronaut.context.ApplicationContext;
import java.util.Locale;
import uk.sse.kernel.search.SearchIndices;

/**
 * The rebuild as a command: {@code RebuildIndex offers|schools}, configured like the function (system
 * properties or environment: {@code sse.opensearch.url}, {@code sse.aws.endpoint}, {@code sse.indexer.directory-table}).
 */
public final class RebuildIndex {

    private RebuildIndex() {}

    public static void main(String[] args) {
        if (args.length != 1 || !(args[0].equals("offers") || args[0].equals("schools"))) {
            System.err.println("usage: RebuildIndex offers|schools");
            System.exit(2);
        }
        SearchIndices which = SearchIndices.valueOf(args[0].toUpperCase(Locale.ROOT));
        try (ApplicationContext context = ApplicationContext.run()) {
            String index = context.getBean(IndexRebuild.class).rebuild(which);
            System.out.println(which.alias() + " -> " + index);
        }
    }
}
