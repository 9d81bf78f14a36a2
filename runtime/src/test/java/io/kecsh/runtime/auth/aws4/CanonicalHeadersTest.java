package io.kecsh.runtime.auth.aws4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.http.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalHeadersTest {
    @Test
    void trimAll_innerRunsAndEnds_becomeSingleSpacesAndNothing() {
        assertEquals("a b c", CanonicalHeaders.trimAll("  a   b\tc  "));
        assertEquals(
                "\"a b c\"",
                CanonicalHeaders.trimAll("\"a   b   c\""),
                "quotes do not protect runs, as the 2015 suite signs");
    }

    @Test
    void trimAll_obsoleteLineFolding_becomesSingleSpaces() {
        assertEquals("value1 value2 value3", CanonicalHeaders.trimAll("value1\n  value2\r\n     value3"));
    }

    @Test
    void of_repeatedHeaderInMixedCase_joinsValuesInOrderWithCommas() {
        Headers headers =
                Headers.of("My-Header1", "value2", "my-header1", " value2 ", "MY-HEADER1", "value1", "Host", "h");
        assertEquals(List.of("host", "my-header1"), CanonicalHeaders.signedHeaderNames(headers));
        assertEquals(
                "host:h\nmy-header1:value2,value2,value1\n",
                CanonicalHeaders.of(headers, CanonicalHeaders.signedHeaderNames(headers)));
    }

    @Test
    void of_signedHeaderMissingFromRequest_signsAnEmptyValue() {
        assertEquals(
                "host:h\nx-amz-date:\n", CanonicalHeaders.of(Headers.of("Host", "h"), List.of("host", "x-amz-date")));
    }

    @Test
    void canonicalNames_asAServerReceivesThem_lowerCasedDistinctSorted() {
        assertEquals(List.of("host", "x-amz-date"), CanonicalHeaders.canonicalNames(List.of("host", "x-amz-date")));
        assertEquals(List.of("host", "x-amz-date"), CanonicalHeaders.canonicalNames(List.of("x-amz-date", "host")));
        assertEquals(List.of("host", "x-amz-date"), CanonicalHeaders.canonicalNames(List.of("Host", "X-Amz-Date")));
        assertEquals(List.of("host"), CanonicalHeaders.canonicalNames(List.of("host", "host")));
        assertEquals(List.of("host"), CanonicalHeaders.canonicalNames(List.of("host", "HOST")));
    }
}
