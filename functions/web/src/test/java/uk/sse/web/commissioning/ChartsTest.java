package uk.sse.web.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void barsAreInProportionWithTheirValuesAndLabelsEscaped() {
        String svg = Charts.bars(
                "Days <by> month",
                List.of("Commissioned", "Delivered"),
                List.of(
                        new Charts.Group("September 2026", List.of(new BigDecimal("10.00"), new BigDecimal("5"))),
                        new Charts.Group("Maths & English", Arrays.asList(new BigDecimal("2.5"), null))));
        assertThat(svg)
                .startsWith("<svg")
                .contains("<title>Days &lt;by&gt; month</title>", "Maths &amp; English", "viewBox=\"0 0 320 ");
        // the largest value fills the width less room for its figure (264), the others in proportion; none is not drawn
        assertThat(svg).contains("width=\"264\"", "width=\"132\"", "width=\"66\"", ">10</text>", ">2.5</text>");
        assertThat(svg.split("<rect", -1)).hasSize(1 + 2 + 3);
    }

    @Test
    void aLongLabelIsShortenedToFit() {
        assertThat(Charts.shortened("Leadership and management: governance and trust boards"))
                .hasSizeLessThanOrEqualTo(43)
                .startsWith("Leadership and management: governance")
                .endsWith("…");
    }
}
