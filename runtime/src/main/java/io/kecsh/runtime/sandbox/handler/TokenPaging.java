package io.kecsh.runtime.sandbox.handler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NextToken/MaxResults paging as the vpc and sks reads do it: a page of at most MaxResults items
 * (1000 when absent), and a NextToken only when more follow. The token is the offset of the next
 * item, as text; the sandbox refuses one it could not have handed out, so a client that loses
 * track of its token fails loudly instead of reading a page twice.
 */
public final class TokenPaging {
    /** A page without MaxResults holds this many (the largest the model allows). */
    public static final int DEFAULT_PAGE = 1000;

    private TokenPaging() {}

    /** {@code listName} → this page's items, plus NextToken when the list goes on. */
    public static Map<String, Object> page(SandboxRequest request, List<?> all, String listName) {
        int from = offset(request, all.size());
        int size = request.number("MaxResults").map(Long::intValue).orElse(DEFAULT_PAGE);
        int to = (int) Math.min((long) from + size, all.size());
        Map<String, Object> out = new LinkedHashMap<>();
        if (to < all.size()) out.put("NextToken", Integer.toString(to));
        out.put(listName, List.copyOf(all.subList(from, to)));
        return out;
    }

    private static int offset(SandboxRequest request, int total) {
        String token = request.string("NextToken").orElse(null);
        if (token == null) return 0;
        try {
            int offset = Integer.parseInt(token);
            if (offset > 0 && offset <= total) return offset;
        } catch (NumberFormatException notOurs) {
            // falls through to the refusal below
        }
        throw request.invalid(
                "NextToken",
                "NextToken " + token + " is not one this list handed out" + " (it has " + total + " item"
                        + (total == 1 ? "" : "s") + "); start again without NextToken.");
    }
}
