package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** A delivery's id is stable for its subscription and event, distinct otherwise, and of one shape. */
class WebhookIdsTest {

    @Test
    void theSameSubscriptionAndEventGiveTheSameId() {
        String id = WebhookIds.of("sub_01JF3Q7Z9X2M8K4T6V0B1C5D7E", "R-1/5");
        assertThat(id)
                .isEqualTo(WebhookIds.of("sub_01JF3Q7Z9X2M8K4T6V0B1C5D7E", "R-1/5"))
                .matches(WebhookIds.PATTERN);
        assertThat(id)
                .isNotEqualTo(WebhookIds.of("sub_01JF3Q7Z9X2M8K4T6V0B1C5D7F", "R-1/5"))
                .isNotEqualTo(WebhookIds.of("sub_01JF3Q7Z9X2M8K4T6V0B1C5D7E", "R-1/6"));
        // the separator cannot be forged by moving characters between the two ids
        assertThat(WebhookIds.of("a", "b\nc")).isNotEqualTo(WebhookIds.of("a\nb", "c"));
    }

    @Property(tries = 300)
    void everyIdHasTheShapeAndAShardInRange(@ForAll String subscription, @ForAll String event) {
        String id = WebhookIds.of(subscription, event);
        assertThat(id).matches(WebhookIds.PATTERN);
        assertThat(WebhookIds.shard(id, 8)).isBetween(0, 7);
    }
}
