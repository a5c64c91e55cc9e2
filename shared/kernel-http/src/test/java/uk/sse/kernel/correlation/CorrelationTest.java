package uk.sse.kernel.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationTest {

    @Property
    void whateverACallerSendsTheIdUsedIsASafeTokenAndAnAcceptableOneIsKept(@ForAll String offered) {
        String used = Correlation.acceptOrMake(offered);
        assertThat(used).matches("[A-Za-z0-9][A-Za-z0-9._:/=+-]{0,99}");
        if (!offered.isEmpty() && offered.length() <= 100 && offered.matches("[A-Za-z0-9][A-Za-z0-9._:/=+-]*")) {
            assertThat(used).isEqualTo(offered);
        } else {
            assertThat(used).isNotEqualTo(offered);
        }
    }

    @Test
    void aWrappedClientSendsTheCurrentIdUnlessTheRequestNamesItsOwn() {
        HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/transfers"))
                .header("Accept", "application/json")
                .build();
        assertThat(CorrelatedHttpClient.correlated(plain).headers().firstValue(Correlation.HEADER))
                .isEmpty();
        Correlation.during("visit-7", () -> {
            HttpRequest sent = CorrelatedHttpClient.correlated(plain);
            assertThat(sent.headers().firstValue(Correlation.HEADER)).contains("visit-7");
            assertThat(sent.headers().firstValue("Accept")).contains("application/json");
            HttpRequest own = HttpRequest.newBuilder(plain.uri())
                    .header(Correlation.HEADER, "own")
                    .build();
            assertThat(CorrelatedHttpClient.correlated(own).headers().allValues(Correlation.HEADER))
                    .containsExactly("own");
        });
        assertThat(MDC.get(Correlation.KEY)).isNull();
        try (HttpClient client = CorrelatedHttpClient.wrap(HttpClient.newHttpClient())) {
            assertThat(CorrelatedHttpClient.wrap(client)).isSameAs(client);
        }
    }
}
