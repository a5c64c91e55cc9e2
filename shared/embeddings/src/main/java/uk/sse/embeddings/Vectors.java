package uk.sse.embeddings;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Unit vectors and their compact form in a search document: each component as a signed byte scaled by the vector's
 * largest component, after that scale as a float, in base64: 388 bytes (520 characters) for 384 dimensions instead of
 * some 4 KB of JSON numbers. The cosine of two decoded vectors is within about 0.01 of the original's.
 */
public final class Vectors {

    private Vectors() {}

    /** The vector scaled to unit length (the zero vector stays as it is). */
    public static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return u;
    }

    /** The dot product: for unit vectors, their cosine similarity. */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    public static String encode(float[] v) {
        float largest = 0;
        for (float x : v) {
            largest = Math.max(largest, Math.abs(x));
        }
        ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES + v.length);
        bytes.putFloat(largest);
        for (float x : v) {
            bytes.put(largest == 0 ? 0 : (byte) Math.round(x / largest * 127));
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /**
     * The unit vector {@link #encode} wrote. The scale cancels out in the unit vector, so it is the bytes over their
     * length: one pass for the length (an exact sum of squares in an int), one multiplication a component.
     */
    public static float[] decode(String encoded) {
        byte[] bytes = Base64.getDecoder().decode(encoded);
        int sumOfSquares = 0;
        for (int i = Float.BYTES; i < bytes.length; i++) {
            sumOfSquares += bytes[i] * bytes[i];
        }
        float[] v = new float[bytes.length - Float.BYTES];
        if (sumOfSquares == 0) {
            return v;
        }
        float inverse = (float) (1 / Math.sqrt(sumOfSquares));
        for (int i = 0; i < v.length; i++) {
            v[i] = bytes[Float.BYTES + i] * inverse;
        }
        return v;
    }
}
