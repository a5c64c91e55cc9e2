package uk.sse.directory.application;

import jakarta.inject.Singleton;
import uk.sse.directory.register.GiasCsvReader;
import uk.sse.directory.register.GiasParse;
import uk.sse.directory.register.RejectedRow;
import uk.sse.directory.register.School;
import uk.sse.kernel.outcome.Outcome;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports a GIAS establishment file into the register. Re-importing updates schools in place and writes
 * only what changed, so the counts say what the file did: created, updated, unchanged, rejected.
 */
@Singleton
public class ImportSchoolRegister {

    private static final int CHUNK = 500;

    private final SchoolStore schools;

    public ImportSchoolRegister(SchoolStore schools) {
        this.schools = schools;
    }

    public record Report(int linesRead, int created, int updated, int unchanged, List<RejectedRow> rejected) { }

    public Outcome<Report> importFile(InputStream csv) {
        return switch (GiasCsvReader.read(csv)) {
            case GiasParse.Refused refused -> Outcome.invalid("body", refused.reason());
            case GiasParse.Parsed parsed -> Outcome.done(store(parsed));
        };
    }

    private Report store(GiasParse.Parsed parsed) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<School> rows = parsed.rows();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<School> chunk = rows.subList(from, Math.min(from + CHUNK, rows.size()));
            Map<String, School> existing = schools.findAll(chunk.stream().map(School::urn).toList());
            List<School> changed = new ArrayList<>();
            for (School school : chunk) {
                School before = existing.get(school.urn());
                if (before == null) {
                    created++;
                    changed.add(school);
                } else if (!before.equals(school)) {
                    updated++;
                    changed.add(school);
                } else {
                    unchanged++;
                }
            }
            schools.putAll(changed);
        }
        return new Report(parsed.linesRead(), created, updated, unchanged, parsed.rejected());
    }
}
