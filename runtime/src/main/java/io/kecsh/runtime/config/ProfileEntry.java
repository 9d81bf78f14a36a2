package io.kecsh.runtime.config;

/**
 * One {@code key = value} line of a profile: the value and the line it came from, so later
 * warnings can point at the file. {@link #toString()} leaves the value out because it may be
 * a secret.
 */
record ProfileEntry(String value, int line) {
    @Override
    public String toString() {
        return "line " + line;
    }
}
