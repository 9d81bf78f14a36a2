package io.kecsh.repl.shell;

import java.util.List;

/**
 * Where the cursor is, as completion needs it.
 *
 * @param position what is being typed
 * @param blocks   the enclosing blocks' words, outermost first ({@code instances} in {@code instances { … }})
 * @param call     the call whose arguments the cursor is in ({@code run}, {@code kec.RunInstances}, {@code instances{run}.waitUntil}
 *                 for a member of what a block returns, {@code instances.where().waitUntil} of what a call returns), or null
 * @param param    the named parameter whose value is being typed ({@code type}), or null
 * @param receiver the word before the dot when a member is being typed ({@code kec} in {@code kec.Run}), or null
 * @param prefix   what is typed of the current word (inside a string: of the string's content)
 * @param quote    the open string's quote character when the cursor is inside one, else 0
 */
record CursorContext(
        Position position, List<String> blocks, String call, String param, String receiver, String prefix, char quote) {
    enum Position {
        COMMAND,
        WORD,
        MEMBER,
        PARAM_NAME,
        PARAM_VALUE,
        /** A positional value of a call ({@code terminate '}, {@code waitUntil '}, {@code attach '}): {@link #call} says which. */
        ARGUMENT,
        /** Inside a string that is no argument completion knows: nothing is offered (never a DSL word into a string). */
        STRING
    }

    /** The innermost block word, or null at the top level. */
    String block() {
        return blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
    }

    boolean inString() {
        return quote != 0;
    }
}
