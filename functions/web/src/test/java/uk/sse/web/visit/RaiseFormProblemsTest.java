package uk.sse.web.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.problem.Problem;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.ProblemMessages;

/**
 * The brokerage's refusal of a raise, on the raise form: the school is the page's, not a field of the form, so a refusal
 * naming {@code /urn} (a closed school, one outside the adviser's area) is said at the top in the brokerage's words,
 * after the refusals of the form's own fields.
 */
class RaiseFormProblemsTest {

    @Test
    void aRefusalOfTheSchoolIsSaidAtTheTopInTheBrokeragesWords() {
        Problem closed = new Problem(
                "t",
                "Unprocessable",
                422,
                null,
                "/requests",
                List.of(
                        new Problem.FieldError(
                                "/urn",
                                "Northern Primary School is closed (the register says since 31 August 2024): "
                                        + "requests are raised only for open schools"),
                        new Problem.FieldError("/need", "must not be blank")),
                List.of());
        Errors errors = ProblemMessages.of(closed, RaiseForm.API_FIELDS, "The request could not be raised")
                .ordered(RaiseForm.FIELDS);
        assertThat(errors.list())
                .extracting(Errors.Error::href, Errors.Error::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("#need", "Enter what the school needs"),
                        org.assertj.core.groups.Tuple.tuple(
                                "#main-content",
                                "Northern Primary School is closed (the register says since 31 August 2024): "
                                        + "requests are raised only for open schools"));
    }
}
