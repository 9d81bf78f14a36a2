import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JVM's own floor for bench/cold-memory.py --floor: what a JVM holds when it does nothing of kecsh's.
 * {@code java JvmFloor} prints its peak RSS and ends; {@code java JvmFloor http-client|url-connection N URL} first
 * makes N plain GETs of URL with one of the JDK's own HTTP clients ({@code java.net.http}, or the older
 * {@code HttpURLConnection}, which keeps the connection alive between calls): no signing, no JSON, no service model,
 * a cold run of N calls at its least.
 * Compiled by cold-memory.py with javac into a temporary directory (not part of the build).
 */
public final class JvmFloor {
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("http-client")) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create(args[2])).build();
            for (int i = Integer.parseInt(args[1]); i > 0; i--) client.send(get, HttpResponse.BodyHandlers.ofByteArray());
        } else if (args.length == 3 && args[0].equals("url-connection")) {
            URL url = URI.create(args[2]).toURL();
            for (int i = Integer.parseInt(args[1]); i > 0; i--) {
                HttpURLConnection c = (HttpURLConnection) url.openConnection();
                try (InputStream body = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
                    body.readAllBytes();
                }
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("VmHWM:")) System.out.println("peak RSS " + line.replaceAll("\\D", "") + " kB");
    }
}
