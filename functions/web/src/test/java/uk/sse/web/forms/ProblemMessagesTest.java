package uk.sse.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.problem.Problem;

/** An API's field errors become the form's, in GOV.UK's words, on the field that holds the value. */
class ProblemMessagesTest {

    static final Map<String, ProblemMessages.Field> FIELDS = Map.of(
            "need", new ProblemMessages.Field("need", "What the school needs"),
            "areasOfSupport", new ProblemMessages.Field("areasOfSupport", "Areas of support"),
            "daysWanted", new ProblemMessages.Field("daysWanted", "Days of support"),
            "contact/email", new ProblemMessages.Field("contactEmail", "Contact email"),
            "wantedBy", new ProblemMessages.Field("wantedBy-day", "The date"));

    static Problem problem(Problem.FieldError... errors) {
        return new Problem("t", "Bad", 422, "detail", "/x", List.of(errors), List.of());
    }

    @Test
    void eachFieldErrorLandsOnItsFieldInPlainWords() {
        Errors errors = ProblemMessages.of(
                problem(
                        new Problem.FieldError("/need", "must not be blank"),
                        new Problem.FieldError("/areasOfSupport/2", "is not a code of the taxonomy (see /taxonomy)"),
                        new Problem.FieldError("/daysWanted", "must be less than or equal to 365"),
                        new Problem.FieldError("/contact/email", "must be a well-formed email address"),
                        new Problem.FieldError("/wantedBy", "must be after today")),
                FIELDS,
                "whole");
        assertThat(errors.message("need")).isEqualTo("Enter what the school needs");
        assertThat(errors.message("areasOfSupport"))
                .isEqualTo("Areas of support: is not a code of the taxonomy (see /taxonomy)");
        assertThat(errors.message("daysWanted")).isEqualTo("Days of support must be 365 or fewer");
        assertThat(errors.message("contactEmail")).isEqualTo("Contact email: must be a well-formed email address");
        assertThat(errors.message("wantedBy-day")).isEqualTo("The date: must be after today");
        assertThat(errors.list())
                .extracting(Errors.Error::href)
                .containsExactly("#need", "#areasOfSupport", "#daysWanted", "#contactEmail", "#wantedBy-day");
    }

    @Test
    void aFieldTheFormDoesNotHaveOrNoFieldAtAllIsSaidAtTheTop() {
        Errors unknown = ProblemMessages.of(
                problem(new Problem.FieldError("Idempotency-Key", "was used for a different request")),
                FIELDS,
                "whole");
        assertThat(unknown.list()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEmpty();
            assertThat(e.message()).isEqualTo("Was used for a different request");
        });
        Errors none = ProblemMessages.of(
                new Problem("t", "Conflict", 409, null, null, List.of(), List.of()), FIELDS, "It could not be done");
        assertThat(none.list()).extracting(Errors.Error::message).containsExactly("It could not be done");
    }
}
