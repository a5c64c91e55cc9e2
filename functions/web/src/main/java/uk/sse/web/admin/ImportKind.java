package uk.sse.web.admin;

import java.util.List;

/**
 * What differs between the kinds of file the registrar imports as jobs (decision 0061): where the directory keeps their
 * jobs, where their pages are, and how the pages word the file and its report.
 *
 * @param api       the directory's jobs of this kind, e.g. {@code /schools/imports}
 * @param page      the web's pages of them, e.g. {@code /register-imports}
 * @param id        the pattern of a job's id
 * @param listName  the list page's name, as the back link says it
 * @param caption   a job page's caption
 * @param fileLabel the file input's label
 * @param fileHint  the file input's hint
 * @param accept    the file input's {@code accept}
 * @param keyHeader the rejected rows' key column (what identifies a row)
 * @param curlFile  the file name in the {@code curl} command shown without JavaScript
 */
public record ImportKind(
        String api,
        String page,
        String id,
        String listName,
        String caption,
        String fileLabel,
        String fileHint,
        String accept,
        String keyHeader,
        String curlFile) {

    static final ImportKind SCHOOLS = new ImportKind(
            "/schools/imports",
            "/register-imports",
            "(imp_" + uk.sse.kernel.ids.Ids.BODY + "|schools-[0-9]{8})",
            "Register imports",
            "Register import",
            "Choose the register file",
            "A CSV file from Get Information about Schools",
            ".csv,text/csv",
            "URN",
            "register.csv");

    static final ImportKind POSTCODES = new ImportKind(
            "/postcodes/imports",
            "/postcode-imports",
            "imp_" + uk.sse.kernel.ids.Ids.BODY,
            "Postcode imports",
            "Postcode import",
            "Choose the postcode file",
            "OS Code-Point Open: the zip as OS publishes it, or one CSV with a header row (it may be gzipped)",
            ".zip,.csv,.gz,application/zip,text/csv,application/gzip",
            "Postcode",
            "codepo_gb.zip");

    /** The report's figures, labelled for this kind. */
    List<RegisterImports.Count> counts(RegisterImports.Counts c) {
        if (equals(POSTCODES)) {
            return List.of(
                    new RegisterImports.Count("Rows read", c.read()),
                    new RegisterImports.Count("Postcodes added", c.created()),
                    new RegisterImports.Count("Postcodes moved", c.updated()),
                    new RegisterImports.Count("Postcodes unchanged", c.unchanged()),
                    new RegisterImports.Count("Postcodes removed", c.removed()),
                    new RegisterImports.Count("Rows rejected", c.rejected()));
        }
        return List.of(
                new RegisterImports.Count("Rows read", c.read()),
                new RegisterImports.Count("Schools created", c.created()),
                new RegisterImports.Count("Schools updated", c.updated()),
                new RegisterImports.Count("Schools unchanged", c.unchanged()),
                new RegisterImports.Count("Rows rejected", c.rejected()),
                new RegisterImports.Count("Schools closed", c.closed()),
                new RegisterImports.Count("Schools moved", c.moved()));
    }
}
