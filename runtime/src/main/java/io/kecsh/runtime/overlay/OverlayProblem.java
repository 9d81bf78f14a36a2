package io.kecsh.runtime.overlay;

import java.nio.file.Path;

/**
 * Why one overlay file was not loaded: the file, the entry in it ({@code operations.RunInstances.params.Foo})
 * and what is wrong. The built-in model and the other overlay files are unaffected.
 */
public record OverlayProblem(Path file, String entry, String problem) {
    /** One line: {@code kecsh: model overlay FILE: ENTRY: PROBLEM; the file is not used}. */
    public String message() {
        return "kecsh: model overlay " + file + ": " + (entry.isEmpty() ? "" : entry + ": ") + problem
                + "; the file is not used (the built-in model and the other overlays are)";
    }

    @Override
    public String toString() {
        return message();
    }
}
