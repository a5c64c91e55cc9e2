package uk.sse.kernel.json;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A date in a body is an ISO calendar date written as such, {@code 2026-09-01}, in ASCII digits: by default a number
 * or a string of digits (Arabic-Indic ones too) would be read as days since 1970.
 */
@Singleton
public class StrictDates implements Deserializer<LocalDate> {

    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    public static final String MESSAGE = "must be a date written yyyy-mm-dd";

    @Override
    public LocalDate deserialize(Decoder decoder, DecoderContext context, Argument<? super LocalDate> type)
            throws IOException {
        String text = decoder.decodeString();
        if (!ISO_DATE.matcher(text).matches()) {
            throw decoder.createDeserializationException(MESSAGE, null);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException impossible) {
            throw decoder.createDeserializationException(MESSAGE + ", a day that exists", null);
        }
    }

    @Override
    public LocalDate deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super LocalDate> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }
}
