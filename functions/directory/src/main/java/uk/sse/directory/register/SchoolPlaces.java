package uk.sse.directory.register;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where every school of the register with a location is, and what kind of school it is (what its phases of education
 * are read from): what a search near a school needs of it, for the whole register in a few hundred kilobytes, so that
 * the search reads it once instead of a school at a time (docs/decisions/0118). The register's import writes it after
 * each run; a school not in it (no location, or created since) is read from the register as before.
 */
public final class SchoolPlaces {

    /** What a school's phases are read from ({@code SchoolPhases}): few distinct ones across the register. */
    public record Kind(String phase, String type, Integer statutoryLowAge, Integer statutoryHighAge) {

        public static Kind of(School s) {
            return new Kind(s.phase(), s.type(), s.statutoryLowAge(), s.statutoryHighAge());
        }
    }

    /** A school's place and kind. */
    public record Located(double latitude, double longitude, Kind kind) {}

    private static final int FORMAT = 1;

    private record Place(double latitude, double longitude, int kind) {}

    private final List<Kind> kinds;
    private final Map<String, Place> places;

    private SchoolPlaces(List<Kind> kinds, Map<String, Place> places) {
        this.kinds = kinds;
        this.places = places;
    }

    /** The places of the schools given that have a location. */
    public static SchoolPlaces of(Collection<School> schools) {
        Map<Kind, Integer> kindIndex = new LinkedHashMap<>();
        Map<String, Place> places = new HashMap<>();
        for (School s : schools) {
            if (s.hasLocation()) {
                int kind = kindIndex.computeIfAbsent(Kind.of(s), k -> kindIndex.size());
                places.put(s.urn(), new Place(s.latitude(), s.longitude(), kind));
            }
        }
        return new SchoolPlaces(List.copyOf(kindIndex.keySet()), places);
    }

    /** The place and kind of the school with this URN; empty when it had no location or was not in the register. */
    public Optional<Located> find(String urn) {
        Place p = places.get(urn);
        return p == null
                ? Optional.empty()
                : Optional.of(new Located(p.latitude(), p.longitude(), kinds.get(p.kind())));
    }

    public int size() {
        return places.size();
    }

    /** The bytes {@link #decode} reads back: the kinds once, then each school's URN, place and kind. */
    public byte[] encoded() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + places.size() * 26);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(kinds.size());
            for (Kind k : kinds) {
                writeText(out, k.phase());
                writeText(out, k.type());
                writeNumber(out, k.statutoryLowAge());
                writeNumber(out, k.statutoryHighAge());
            }
            out.writeInt(places.size());
            for (Map.Entry<String, Place> e : places.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue().latitude());
                out.writeDouble(e.getValue().longitude());
                out.writeShort(e.getValue().kind());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The places {@link #encoded} wrote; {@link IllegalArgumentException} when the bytes are not such a record. */
    public static SchoolPlaces decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("not a record of schools' places in format " + FORMAT);
            }
            int kindCount = in.readInt();
            List<Kind> kinds = new ArrayList<>();
            for (int i = 0; i < kindCount; i++) {
                kinds.add(new Kind(readText(in), readText(in), readNumber(in), readNumber(in)));
            }
            int count = in.readInt();
            Map<String, Place> places = HashMap.newHashMap(count);
            for (int i = 0; i < count; i++) {
                String urn = in.readUTF();
                Place p = new Place(in.readDouble(), in.readDouble(), in.readUnsignedShort());
                if (p.kind() >= kinds.size()) {
                    throw new IllegalArgumentException("a place names kind " + p.kind() + " of " + kinds.size());
                }
                places.put(urn, p);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the last place");
            }
            return new SchoolPlaces(List.copyOf(kinds), places);
        } catch (IOException e) {
            throw new IllegalArgumentException("a record of schools' places cut short", e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeNumber(DataOutputStream out, Integer n) throws IOException {
        out.writeInt(n == null ? Integer.MIN_VALUE : n);
    }

    private static Integer readNumber(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n == Integer.MIN_VALUE ? null : n;
    }
}
