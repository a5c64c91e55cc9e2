package uk.sse.directory.model;

/** A WGS84 point, in degrees. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || Double.isNaN(lat) || Double.isNaN(lon)) {
            throw new IllegalArgumentException("not a WGS84 point: " + lat + "," + lon);
        }
    }

    public static boolean valid(Double lat, Double lon) {
        return lat != null && lon != null && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    }
}
