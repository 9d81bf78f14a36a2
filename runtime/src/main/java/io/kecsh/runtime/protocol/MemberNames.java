package io.kecsh.runtime.protocol;

import io.kecsh.runtime.model.Member;
import java.util.Map;
import java.util.Set;

/**
 * Which model member a name in a body stands for. The exact name wins; otherwise a member whose
 * name differs only in case ({@code <requestId>} in DescribeInstanceVnc's sample, spec §8.3 item 17),
 * provided exactly one member matches that way and the body does not also carry the exact name.
 * Names that are distinct members in the model (DataDiskMaxsize and DataDiskMaxSize) stay distinct.
 */
final class MemberNames {
    private MemberNames() {}

    /**
     * The model name for {@code name}, or null when the model does not know it.
     *
     * @param members  the structure's members, keyed by model name
     * @param siblings every name present beside {@code name} in the same body object
     */
    static String resolve(Map<String, Member> members, String name, Set<String> siblings) {
        if (members.containsKey(name)) return name;
        String found = null;
        for (String candidate : members.keySet()) {
            if (!candidate.equalsIgnoreCase(name) || siblings.contains(candidate)) continue;
            if (found != null) return null;
            found = candidate;
        }
        return found;
    }
}
