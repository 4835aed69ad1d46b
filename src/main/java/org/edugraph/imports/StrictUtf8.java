package org.edugraph.imports;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an uploaded file as UTF-8 and refuses it at the first byte that is not, rather than
 * importing names garbled: Excel's default "CSV (逗号分隔)" on Chinese Windows writes GBK.
 * When the bytes read last are plainly GBK/GB18030 (or the file starts as UTF-16), the
 * refusal says so; the file is never converted on a guess.
 */
final class StrictUtf8 {

    /** The refusal of a file that is not UTF-8; its message is for the person who saved the file. */
    static final class NotUtf8Exception extends CharConversionException {
        NotUtf8Exception(String message) {
            super(message);
        }
    }

    static final String NOT_UTF8 = "the file is not UTF-8 text";
    static final String SAVE_AS = "in Excel save it as \"CSV UTF-8 (逗号分隔)\" (CSV UTF-8 (Comma delimited))";

    /** The decoder reads 8 KiB at a time; twice that holds the bytes it failed on and those before. */
    private static final int WINDOW = 16 * 1024;

    private StrictUtf8() {
    }

    /** A reader of {@code in} whose reads throw {@link NotUtf8Exception} at bytes that are not UTF-8. */
    static Reader reader(InputStream in) {
        Recent recent = new Recent(in);
        Reader decoded = new InputStreamReader(recent, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new FilterReader(decoded) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (CharacterCodingException e) {
                    throw new NotUtf8Exception(message(recent.bytes(), recent.fromStart()));
                }
            }

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (CharacterCodingException e) {
                    throw new NotUtf8Exception(message(recent.bytes(), recent.fromStart()));
                }
            }
        };
    }

    /** Why the file is refused, naming the encoding it is in when that is plain from {@code bytes}. */
    static String message(byte[] bytes, boolean fromStart) {
        if (fromStart && bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return NOT_UTF8 + " but UTF-16 (Excel's \"Unicode text\"); " + SAVE_AS;
        }
        if (looksLikeGbk(bytes, fromStart)) {
            return NOT_UTF8 + ": it reads as GBK/GB18030, as Excel's \"CSV (逗号分隔)\" writes it on Chinese Windows; " + SAVE_AS;
        }
        return NOT_UTF8 + "; " + SAVE_AS;
    }

    /**
     * True when the lines in {@code bytes} are well-formed GBK/GB18030 and nearly all their
     * two-byte characters lie in GB2312's range (both bytes 0xA1-0xFE), as Chinese names
     * written in GBK do. Latin-1 or Windows-1252 text rarely passes: an accented letter is
     * followed by an ASCII byte (not a GBK trail byte) or by a byte below 0xA1.
     */
    static boolean looksLikeGbk(byte[] bytes, boolean fromStart) {
        int start = 0;
        if (!fromStart) {
            // A line feed is never part of a GBK character, so after one the bytes are aligned.
            start = indexOf(bytes, (byte) '\n', 0) + 1;
            if (start == 0) {
                return false;
            }
        }
        int twoByte = 0;
        int gb2312 = 0;
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            if (b == 0x80 || b == 0xFF) {
                return false;
            }
            if (i + 1 >= bytes.length) {
                break; // the window ends inside a character
            }
            int second = bytes[i + 1] & 0xFF;
            if (second >= 0x30 && second <= 0x39) { // GB18030's four-byte form
                if (i + 3 >= bytes.length) {
                    break;
                }
                int third = bytes[i + 2] & 0xFF;
                int fourth = bytes[i + 3] & 0xFF;
                if (third < 0x81 || third > 0xFE || fourth < 0x30 || fourth > 0x39) {
                    return false;
                }
                twoByte++;
                i += 4;
                continue;
            }
            if (second < 0x40 || second == 0x7F || second == 0xFF) {
                return false;
            }
            twoByte++;
            if (b >= 0xA1 && second >= 0xA1) {
                gb2312++;
            }
            i += 2;
        }
        return gb2312 > 0 && gb2312 * 10 >= twoByte * 9;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Passes bytes through, keeping the last {@link #WINDOW} of them for the refusal's message. */
    private static final class Recent extends FilterInputStream {
        private final byte[] window = new byte[WINDOW];
        private int size;
        private long dropped;

        Recent(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                keep(buffer, offset, n);
            }
            return n;
        }

        private void keep(byte[] buffer, int offset, int n) {
            if (n >= WINDOW) {
                dropped += size + n - WINDOW;
                System.arraycopy(buffer, offset + n - WINDOW, window, 0, WINDOW);
                size = WINDOW;
                return;
            }
            int drop = Math.max(0, size + n - WINDOW);
            if (drop > 0) {
                System.arraycopy(window, drop, window, 0, size - drop);
                size -= drop;
                dropped += drop;
            }
            System.arraycopy(buffer, offset, window, size, n);
            size += n;
        }

        byte[] bytes() {
            return Arrays.copyOf(window, size);
        }

        boolean fromStart() {
            return dropped == 0;
        }
    }
}
