package io.kecsh.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Rfc3986Test {
    private static final String UNRESERVED = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void encode_unreservedCharacters_areKept() {
        assertEquals(UNRESERVED, Rfc3986.encode(UNRESERVED));
    }

    @Test
    void encode_spaceAndPlusAndStar_arePercentEncoded() {
        // The three places java.net.URLEncoder differs: '+' for space, '*' kept, '~' escaped.
        assertEquals("a%20b%2Bc%2Ad~", Rfc3986.encode("a b+c*d~"));
    }

    @Test
    void encode_reservedAndNonAscii_areUpperCaseUtf8Escapes() {
        assertEquals("%2F%3A%3D%26%3F%23%25%E1%88%B4", Rfc3986.encode("/:=&?#%ሴ"));
    }

    @Test
    void encodePath_slashes_areKept() {
        assertEquals("/example%20space/%24delete", Rfc3986.encodePath("/example space/$delete"));
    }

    @Test
    void decode_escapesAndRawUtf8_giveTheText() {
        assertEquals("ሴ=a b+c/ሴ", Rfc3986.decode("%E1%88%B4%3Da%20b+c%2Fሴ"));
    }

    @Test
    void decode_malformedEscape_isRefusedWithoutEchoingTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rfc3986.decode("Secret%zz9"));
        assertEquals("malformed percent-encoding at position 6", e.getMessage());
        assertFalse(e.getMessage().contains("Secret"));
        assertThrows(IllegalArgumentException.class, () -> Rfc3986.decode("trailing%4"));
    }
}
