package uk.sse.directory.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import uk.sse.directory.model.GeoPoint;

/** A WGS84 point. The bounds are England's and its neighbours', wide enough for any provider who travels here. */
@Serdeable
public record PointBody(
        @NotNull @DecimalMin("49.0") @DecimalMax("61.0") Double lat,
        @NotNull @DecimalMin("-9.0") @DecimalMax("3.0") Double lon) {

    GeoPoint toPoint() {
        return new GeoPoint(lat, lon);
    }
}
