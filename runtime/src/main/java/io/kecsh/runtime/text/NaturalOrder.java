package io.kecsh.runtime.text;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders names the way people read them: S4.2B before S4.12B (runs of digits compare as numbers). */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();
    private static final Pattern RUNS = Pattern.compile("\\d+|\\D+");

    private NaturalOrder() {}

    @Override
    public int compare(String a, String b) {
        Matcher x = RUNS.matcher(a);
        Matcher y = RUNS.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            boolean numbers = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0));
            int c = numbers ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (c != 0) return c;
        }
        return Integer.compare(a.length(), b.length());
    }
}
