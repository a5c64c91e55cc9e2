package uk.sse.kernel.text;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every string a body carries is read by {@link FreeText}'s rule at the edge, before any use case sees it: refused with
 * the field named if it breaks it, stored in NFC if not. A field annotated {@link MultiLine} may hold line breaks and tabs.
 */
@Singleton
public class FreeTextDeserializer implements Deserializer<String> {

    private final boolean multiLine;

    public FreeTextDeserializer() {
        this(false);
    }

    private FreeTextDeserializer(boolean multiLine) {
        this.multiLine = multiLine;
    }

    @Override
    public Deserializer<String> createSpecific(DecoderContext context, Argument<? super String> type)
            throws SerdeException {
        boolean several = type.getAnnotationMetadata().hasAnnotation(MultiLine.class);
        return several == multiLine ? this : new FreeTextDeserializer(several);
    }

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        String text = decoder.decodeString();
        var problem = FreeText.problemWith(text, multiLine);
        if (problem.isPresent()) {
            throw decoder.createDeserializationException(problem.get(), null);
        }
        return FreeText.normal(text);
    }

    @Override
    public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }
}
