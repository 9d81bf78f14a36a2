package io.kecsh.runtime.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.sandbox.SandboxFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox's HTTP front over raw sockets: every malformed request gets an HTTP answer (never a
 * reset), methods other than GET and POST get 405 with Allow, and a seeded fuzz of mutated
 * requests leaves the server answering valid ones. The decisions are in the sandbox's package-info.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxHttpFrontTest {
    private static final String HOST = "Host: 127.0.0.1\r\n";
    private SandboxFixture f;

    @BeforeAll
    void start() {
        f = new SandboxFixture();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    /** What used to be reset without an answer, and what it must get now. */
    Stream<Arguments> unreadableRequests() {
        return Stream.of(
                Arguments.of(
                        "bad percent-escape in a value",
                        "GET /?Action=DescribeRegions&Version=2016-03-04&Marker=%zz HTTP/1.1\r\n" + HOST + "\r\n",
                        "Marker"),
                Arguments.of(
                        "bad percent-escape in a name",
                        "GET /?Action=DescribeRegions&%zz=1 HTTP/1.1\r\n" + HOST + "\r\n",
                        "%zz"),
                Arguments.of(
                        "bad percent-escape in the path",
                        "GET /%zz?Action=DescribeRegions HTTP/1.1\r\n" + HOST + "\r\n",
                        "(request URI)"),
                Arguments.of(
                        "percent-escapes that are not UTF-8",
                        "GET /?Action=DescribeRegions&Marker=%FF%FE HTTP/1.1\r\n" + HOST + "\r\n",
                        "Marker"),
                Arguments.of(
                        "a raw byte that is not UTF-8",
                        "GET /?Action=Describe\u00ffRegions HTTP/1.1\r\n" + HOST + "\r\n",
                        "Action"),
                Arguments.of(
                        "characters a URI may not hold",
                        "GET /?Action=DescribeRegions&a=<>{}|^` HTTP/1.1\r\n" + HOST + "\r\n",
                        null),
                Arguments.of(
                        "a chunk size that is not hex",
                        "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n"
                                + "Content-Type: application/x-www-form-urlencoded\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
                        "(request body)"),
                Arguments.of(
                        "a form body with a bad escape",
                        "POST / HTTP/1.1\r\n" + HOST + "Content-Type: application/x-www-form-urlencoded\r\n"
                                + "Content-Length: 8\r\n\r\nA=%zz&B=",
                        "A"),
                Arguments.of(
                        "a form body that is not UTF-8",
                        "POST / HTTP/1.1\r\n" + HOST + "Content-Type: application/x-www-form-urlencoded\r\n"
                                + "Content-Length: 4\r\n\r\nA=\u00ff\u00fe",
                        "(request body)"),
                Arguments.of(
                        "a Host port that is not a number",
                        "GET /?Action=DescribeRegions HTTP/1.1\r\nHost: 127.0.0.1:xyz\r\n\r\n",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableRequests")
    void unreadableRequest_isAnswered400InvalidQueryParameter_namingWhatIsMalformed(
            String what, String request, String named) {
        RawHttp.Answer answer = RawHttp.send(f.sandbox.port(), request);
        assertEquals(400, answer.status(), what + ": " + answer.head());
        if (named != null) {
            assertTrue(answer.body().contains("<Code>InvalidQueryParameter</Code>"), answer.body());
            assertTrue(
                    answer.body()
                            .contains("The query parameter " + named
                                    + " is malformed or does not adhere to KSC standards."),
                    answer.body());
        }
        assertServing();
    }

    Stream<Arguments> headsHttpCoreRefuses() {
        return Stream.of(
                Arguments.of("no request line", "GARBAGE\r\n\r\n", 400),
                Arguments.of("a header without a colon", "GET / HTTP/1.1\r\n" + HOST + "NoColon\r\n\r\n", 400),
                Arguments.of(
                        "a Content-Length that is not a number",
                        "POST / HTTP/1.1\r\n" + HOST + "Content-Length: abc\r\n\r\n",
                        400),
                Arguments.of(
                        "a negative Content-Length", "POST / HTTP/1.1\r\n" + HOST + "Content-Length: -5\r\n\r\n", 400),
                Arguments.of(
                        "two Content-Lengths",
                        "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                        400),
                Arguments.of("HTTP/9.9", "GET / HTTP/9.9\r\n" + HOST + "\r\n", 505),
                Arguments.of(
                        "a 200 KB request line",
                        "GET /?X=" + "a".repeat(200_000) + " HTTP/1.1\r\n" + HOST + "\r\n",
                        431),
                Arguments.of(
                        "a 200 KB header",
                        "GET / HTTP/1.1\r\n" + HOST + "X-Big: " + "a".repeat(200_000) + "\r\n\r\n",
                        431),
                Arguments.of("300 headers", "GET / HTTP/1.1\r\n" + HOST + "X-A: b\r\n".repeat(300) + "\r\n", 431));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headsHttpCoreRefuses")
    void requestThatIsNotHttp_orIsOversized_getsAnHttpAnswer(String what, String request, int status) {
        RawHttp.Answer answer = RawHttp.send(f.sandbox.port(), request);
        assertEquals(status, answer.status(), what + ": " + answer.head());
        assertServing();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void methodOtherThanGetAndPost_is405WithAllow_andTheDocumentedInvalidMethod(String method, String target) {
        RawHttp.Answer answer = RawHttp.send(
                f.sandbox.port(),
                method + " " + target + " HTTP/1.1\r\n" + HOST
                        + "Accept: application/json\r\nContent-Length: 0\r\n\r\n");
        assertEquals(405, answer.status(), answer.head());
        assertTrue(answer.head().contains("\r\nAllow: GET, POST\r\n"), answer.head());
        if (!method.equals("HEAD")) {
            assertTrue(
                    answer.body().contains("\"Code\":\"InvalidMethod\"")
                            && answer.body()
                                    .contains("The method " + method + " for is not valid for this web service."),
                    answer.body());
        }
    }

    Stream<Arguments> methods() {
        String describe = "/?Action=DescribeRegions&Version=2016-03-04";
        return Stream.of(
                Arguments.of("PUT", describe),
                Arguments.of("DELETE", describe),
                Arguments.of("PATCH", describe),
                Arguments.of("HEAD", describe),
                Arguments.of("OPTIONS", "*"),
                Arguments.of("TRACE", describe),
                Arguments.of("CONNECT", "127.0.0.1:443"),
                Arguments.of("BREW", describe));
    }

    /**
     * Seeded mutations of valid signed requests (bytes flipped, inserted, deleted; lines cut,
     * doubled, CR/LF injected; methods, lengths and escapes garbled): each must get a well-formed
     * HTTP answer (HttpCore's 501 and 505 count: they are protocol answers, not failures) or a clean
     * close within 10 s, and the server must answer valid requests after.
     */
    @Test
    void fuzzedRequests_getAnAnswerOrACleanClose_andTheServerKeepsServing() {
        Random random = new Random(Long.getLong("kecsh.fuzzSeed", 1122L));
        List<String> templates = List.of(
                "GET /?Action=DescribeRegions&Version=2016-03-04&X-Amz-Algorithm=AWS4-HMAC-SHA256 HTTP/1.1\r\n" + HOST
                        + "Accept: application/json\r\n\r\n",
                "POST / HTTP/1.1\r\n" + HOST
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 42\r\n\r\nAction=DescribeRegions&Version=2016-03-04",
                "POST / HTTP/1.1\r\n" + HOST
                        + "Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n"
                        + "16\r\nAction=DescribeRegions\r\n0\r\n\r\n",
                "GET /?Action=DescribeInstances&Version=2016-03-04&Filter.1.Name=instance-id&Filter.1.Value.1=%E4%BD%A0 HTTP/1.1\r\n"
                        + HOST + "\r\n");
        List<String> failures = new ArrayList<>();
        int inputs = Integer.getInteger("kecsh.fuzzInputs", 150);
        for (int n = 0; n < inputs; n++) {
            byte[] request =
                    mutate(templates.get(random.nextInt(templates.size())).getBytes(StandardCharsets.UTF_8), random);
            long start = System.nanoTime();
            RawHttp.Answer answer = RawHttp.send(f.sandbox.port(), request, 10_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (answer.status() == -2
                    || answer.answered()
                            && answer.status() >= 500
                            && answer.status() != 505
                            && answer.status() != 501) {
                failures.add("#" + n + " " + answer.status() + " "
                        + answer.head().lines().findFirst().orElse("") + " after " + millis + " ms for "
                        + new String(request, 0, Math.min(120, request.length), StandardCharsets.ISO_8859_1)
                                .replace("\r\n", "\\r\\n"));
            }
        }
        assertEquals(List.of(), failures);
        assertServing();
    }

    private static byte[] mutate(byte[] in, Random random) {
        List<Byte> b = new ArrayList<>();
        for (byte x : in) b.add(x);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            int at = random.nextInt(b.size());
            switch (random.nextInt(9)) {
                case 0 -> b.set(at, (byte) random.nextInt(256));
                case 1 -> b.add(at, (byte) random.nextInt(256));
                case 2 ->
                    b.subList(at, Math.min(b.size(), at + 1 + random.nextInt(20)))
                            .clear();
                case 3 -> {
                    for (byte x : "\r\n".getBytes(StandardCharsets.US_ASCII)) b.add(at, x);
                }
                case 4 -> {
                    for (byte x : "%".getBytes(StandardCharsets.US_ASCII)) b.add(at, x);
                }
                case 5 -> b.subList(at, b.size()).clear(); // cut short
                case 6 -> {
                    for (byte x : "Content-Length: 99999999999\r\n".getBytes(StandardCharsets.US_ASCII))
                        b.add(Math.min(b.size(), 16), x);
                }
                case 7 -> {
                    for (byte x : ("X-" + random.nextInt(1000) + ": " + "v".repeat(random.nextInt(5000)) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII)) b.add(Math.min(b.size(), 16), x);
                }
                default -> {
                    String[] methods = {"PUT", "DELETE", "G ET", "", "CONNECT", "GET\u0000"};
                    int space = b.indexOf((byte) ' ');
                    if (space > 0) {
                        b.subList(0, space).clear();
                        byte[] m = methods[random.nextInt(methods.length)].getBytes(StandardCharsets.ISO_8859_1);
                        for (int i = m.length - 1; i >= 0; i--) b.add(0, m[i]);
                    }
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) out[i] = b.get(i);
        return out;
    }

    /** A valid signed request through the real client still works. */
    private void assertServing() {
        assertTrue(((List<?>) f.client.call("DescribeRegions", Map.of()).get("RegionSet")).size() > 5);
    }
}
