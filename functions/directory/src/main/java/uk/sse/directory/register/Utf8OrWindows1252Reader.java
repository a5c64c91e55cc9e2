package uk.sse.directory.register;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes bytes as UTF-8 if they are UTF-8 and as Windows-1252 otherwise, as a stream.
 *
 * <p>The choice is made at the first non-ASCII character: ASCII reads the same in both, so until
 * then trying UTF-8 loses nothing. If that first sequence is valid UTF-8 the text is UTF-8, otherwise
 * the rest is read as Windows-1252 (a Windows-1252 text whose first accented characters happen to
 * form valid UTF-8, such as "Ã©", is vanishingly rare). Invalid UTF-8 after UTF-8 text means a file
 * of mixed encodings, reported as a {@link CharConversionException}. A leading byte order mark is
 * dropped.
 */
final class Utf8OrWindows1252Reader extends Reader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final InputStream in;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private boolean decided;
    private boolean endOfInput;
    private boolean finished;
    private boolean atStart = true;
    private long bytesBeforeBuffer;

    Utf8OrWindows1252Reader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Decodes more characters into {@code chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        if (finished) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0 && !finished) {
            int before = chars.position();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (!decided) {
                decided = anyNonAscii(before, chars.position());
            }
            if (result.isError()) {
                switchToWindows1252();
            } else if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(chars);
                    finished = true;
                } else {
                    readBytes();
                }
            }
        }
        chars.flip();
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
        }
        return true;
    }

    private boolean anyNonAscii(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars.get(i) > 0x7F) {
                return true;
            }
        }
        return false;
    }

    private void switchToWindows1252() throws CharConversionException {
        if (decided) {
            throw new CharConversionException("invalid UTF-8 at byte " + (bytesBeforeBuffer + bytes.position())
                    + " after UTF-8 text earlier in the file: the file mixes encodings");
        }
        // Five byte values are undefined in Windows-1252; they become U+FFFD rather than refusing a file.
        decoder = WINDOWS_1252
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        decided = true;
    }

    private void readBytes() throws IOException {
        bytesBeforeBuffer += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
