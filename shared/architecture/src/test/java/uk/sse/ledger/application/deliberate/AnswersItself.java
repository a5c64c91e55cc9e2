package uk.sse.ledger.application.deliberate;

/** Breaks INSIDE_USES_THE_PLAIN_KERNEL on purpose: a use case answering with the HTTP edge's Responses (sse-kernel-http). */
public class AnswersItself {

    public Object answer(uk.sse.kernel.outcome.Outcome<String> outcome) {
        return uk.sse.kernel.http.Responses.class;
    }
}
