package io.kecsh.runtime.sandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct reading of X-Amz-Date gives what the formatter gives, odd dates included. */
class KingsoftDateTest {
    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "20261122T040000Z",
                "20000229T235959Z",
                "20260231T120000Z",
                "20261122T240000Z",
                "19700101T000000Z"
            })
    void basicDate_sameAsTheFormatter(String amzDate) {
        assertEquals(Instant.from(BASIC.parse(amzDate)), KingsoftSignatureCheck.basicDate(amzDate));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "20261322T040000Z",
                "2026112T040000Z",
                "20261122T04000aZ",
                "20261122 040000Z",
                "20261122T040000",
                "x"
            })
    void basicDate_notADate_formatterException(String amzDate) {
        assertThrows(DateTimeParseException.class, () -> KingsoftSignatureCheck.basicDate(amzDate));
    }
}
