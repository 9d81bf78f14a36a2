package io.kecsh.runtime.protocol;

/** Member paths for messages, in the shape the validator uses: {@code InstancesSet[0].InstanceId}. */
final class Paths {
    private Paths() {}

    static String member(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
