package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an answer means, for a JSON and a Slack subscription. */
class VerdictsTest {

    static SendResult answered(int status, String body) {
        return new SendResult.Answered(status, null, body, 12);
    }

    @ParameterizedTest(name = "{0} {1}: json {2}, slack {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "200|ok|Delivered|Delivered",
                "204||Delivered|Delivered",
                "299||Delivered|Delivered",
                "410||Disable|Disable",
                "410|channel_is_archived|Disable|Disable",
                "404|channel_not_found|Retry|Disable",
                "403|action_prohibited|Retry|Disable",
                "403|invalid_token|Retry|Disable",
                "404|no_service|Retry|Disable",
                "404|' Channel_Not_Found  '|Retry|Disable",
                "404|not found|Retry|Retry",
                "400|invalid_payload|Retry|Retry",
                "500|channel_not_found|Retry|Retry",
                "429|rate_limited|Retry|Retry",
                "500||Retry|Retry",
                "503||Retry|Retry",
                "301||Retry|Retry",
                "302||Retry|Retry",
                "307||Retry|Retry",
                "100||Retry|Retry"
            })
    void anAnswer(int status, String body, String json, String slack) {
        assertThat(Verdicts.of(answered(status, body), Format.JSON).getClass().getSimpleName())
                .isEqualTo(json);
        assertThat(Verdicts.of(answered(status, body), Format.SLACK).getClass().getSimpleName())
                .isEqualTo(slack);
    }

    @Test
    void noAnswerIsTriedAgainSayingWhy() {
        for (SendResult.Failure failure : SendResult.Failure.values()) {
            Verdict v = Verdicts.of(new SendResult.NoAnswer(failure, "details", 10), Format.SLACK);
            assertThat(v).isInstanceOf(Verdict.Retry.class);
            assertThat(v.reason()).contains("details");
        }
        assertThat(Verdicts.of(answered(302, null), Format.JSON).reason()).contains("redirects are not followed");
    }
}
