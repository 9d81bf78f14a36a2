package io.kecsh.runtime.auth.aws4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalUriTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                        | /",
                "/                         | /",
                "//example//               | /example/",
                "/example/..               | /",
                "/example1/example2/../..  | /",
                "/./example                | /example",
                "/a/./b/../c/              | /a/c/",
                "/a/b/.                    | /a/b/",
                "/../../a                  | /a",
                "/example space/           | /example%20space/",
                "/ሴ                        | /%E1%88%B4",
                "/example/$delete          | /example/%24delete",
                "/a:b@c+d                  | /a%3Ab%40c%2Bd",
            })
    void of_decodedPath_isNormalizedThenEncodedOnce(String path, String expected) {
        assertEquals(expected, CanonicalUri.of(path));
    }
}
