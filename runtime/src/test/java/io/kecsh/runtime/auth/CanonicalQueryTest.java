package io.kecsh.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.http.QueryParam;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalQueryTest {
    @Test
    void of_unsortedParameters_sortByEncodedNameThenValue() {
        List<QueryParam> params = List.of(
                new QueryParam("b", "2"), new QueryParam("a", "z"), new QueryParam("a", "y"), new QueryParam("B", "1"));
        assertEquals("B=1&a=y&a=z&b=2", CanonicalQuery.of(params));
    }

    @Test
    void of_emptyValueAndReservedCharacters_keepEqualsAndEncode() {
        assertEquals(
                "empty=&k%20ey=v%2Fa%3Dl",
                CanonicalQuery.of(List.of(new QueryParam("k ey", "v/a=l"), new QueryParam("empty", ""))));
    }

    @Test
    void of_nonAsciiName_sortsByItsEscapes() {
        // "%E1..." sorts before letters because '%' is 0x25: the order of the 2015 suite's
        // get-vanilla-query-order-encoded case.
        assertEquals(
                "%E1%88%B4=Value1&Param=Value2&Param-3=Value3",
                CanonicalQuery.of(List.of(
                        new QueryParam("Param-3", "Value3"),
                        new QueryParam("Param", "Value2"),
                        new QueryParam("ሴ", "Value1"))));
    }

    @Test
    void without_signature_dropsEveryParameterOfThatName() {
        List<QueryParam> params =
                List.of(new QueryParam("Signature", "x"), new QueryParam("A", "1"), new QueryParam("Signature", "y"));
        assertEquals(List.of(new QueryParam("A", "1")), CanonicalQuery.without(params, "Signature"));
    }
}
