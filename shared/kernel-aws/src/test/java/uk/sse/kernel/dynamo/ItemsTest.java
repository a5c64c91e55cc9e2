package uk.sse.kernel.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemsTest {

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue streamed() {
        return new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    }

    @Test
    void aStreamImageReadsAsTheSameItemScanned() {
        Map<String, AttributeValue> scanned = Items.builder()
                .s("pk", "OFFER#off_1")
                .n("price", 12)
                .n("lat", new BigDecimal("53.75"))
                .bool("online", true)
                .strings("phases", List.of("PRIMARY", "SECONDARY"))
                .map("place", Items.builder().s("postcode", "PR1 2HE"))
                .build();
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image = Map.of(
                "pk",
                streamed().withS("OFFER#off_1"),
                "price",
                streamed().withN("12"),
                "lat",
                streamed().withN("53.75"),
                "online",
                streamed().withBOOL(true),
                "phases",
                streamed().withL(List.of(streamed().withS("PRIMARY"), streamed().withS("SECONDARY"))),
                "place",
                streamed().withM(Map.of("postcode", streamed().withS("PR1 2HE"))));

        for (Items item : List.of(Items.of(scanned), Items.ofStreamImage(image))) {
            assertThat(item.s("pk")).isEqualTo("OFFER#off_1");
            assertThat(item.n("price")).isEqualTo(12L);
            assertThat(item.decimal("lat")).isEqualByComparingTo("53.75");
            assertThat(item.bool("online")).isTrue();
            assertThat(item.strings("phases")).containsExactly("PRIMARY", "SECONDARY");
            assertThat(item.map("place").s("postcode")).isEqualTo("PR1 2HE");
            assertThat(item.s("absent")).isNull();
            assertThat(item.strings("absent")).isEmpty();
        }
        assertThat(Items.ofStreamImage(image).build()).isEqualTo(scanned);
    }

    @Test
    void aStringSetReadsAsAListAndNoImageAsAnEmptyItem() {
        assertThat(Items.ofStreamImage(Map.of("tags", streamed().withSS("a", "b")))
                        .strings("tags"))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(Items.ofStreamImage(null).isEmpty()).isTrue();
        assertThat(Items.of(null).isEmpty()).isTrue();
    }
}
