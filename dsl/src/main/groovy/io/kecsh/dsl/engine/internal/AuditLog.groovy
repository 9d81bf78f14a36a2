package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.plan.Masking
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.ServiceModel

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.nio.file.attribute.PosixFilePermissions
import java.time.Clock
import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * {@code ~/.kecsh/audit.log}: one line for every mutating call kecsh sent — time, region, action,
 * the resource IDs it named or got back, and how it ended. Only IDs and error codes are written,
 * never a parameter's value or a service's message (either may quote a password), and the request is
 * masked by the model's {@code sensitive} marks before IDs are taken from it. The directory is
 * 0700 and the file 0600, made so before the first byte is written.
 */
@CompileStatic
final class AuditLog {
    /** Parameters whose names end in Id but are not resources (ClientToken is a nonce, RequestId the answer's). */
    private static final Set<String> NOT_RESOURCES = ['RequestId', 'ClientToken', 'ProjectId', 'TagId'] as Set

    final Path file
    /** Where the calls went: {@code cloud}, or {@code sandbox} (its lines are marked so, never mistaken for the cloud's). */
    final String backend
    private final Clock clock

    AuditLog(Path file, String backend, Clock clock = Clock.systemUTC()) {
        this.file = file
        this.backend = backend
        this.clock = clock
    }

    /** The audit log of a home directory ({@code <home>/.kecsh/audit.log}), or null without a home. */
    static AuditLog inHome(Path home, String backend) {
        home == null ? null : new AuditLog(home.resolve('.kecsh').resolve('audit.log'), backend)
    }

    /** Records one sent call: {@code outcome} is {@code ok} or the error's code. */
    void record(ServiceModel model, Operation op, String region, Map<String, ?> params, Map<String, ?> answer, String outcome) {
        Map<String, Object> masked = Masking.masked(model, op, params ?: [:])
        Set<String> ids = new LinkedHashSet<String>()
        collectIds(masked, ids)
        if (answer != null) collectIds(answer, ids)
        ids.remove(Masking.MASK)
        String line = [Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), region ?: '-', op.name(),
                       'ids=' + (ids ? ids.join(',') : '-'), 'outcome=' + oneWord(outcome), 'via=' + backend].join(' ')
        append(line)
    }

    private synchronized void append(String line) {
        Path dir = file.parent
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir)
            restrict(dir, 'rwx------')
        }
        if (!Files.exists(file)) {
            Files.createFile(file)
            restrict(file, 'rw-------')
        }
        Files.writeString(file, line + '\n', StandardCharsets.UTF_8, StandardOpenOption.APPEND)
    }

    private static void restrict(Path path, String mode) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode))
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system (Windows): the user's profile directory is private already
        }
    }

    /** Values of members named …Id (strings or lists of them), at any depth. */
    private static void collectIds(Object node, Set<String> into) {
        if (node instanceof Map) {
            ((Map) node).each { Object k, Object v ->
                String key = k as String
                if (key.endsWith('Id') && !NOT_RESOURCES.contains(key)) {
                    if (v instanceof CharSequence) into << v.toString()
                    else if (v instanceof Collection) ((Collection) v).each { if (it instanceof CharSequence) into << it.toString() }
                    else if (v instanceof Map || v instanceof Collection) collectIds(v, into)
                } else if (v instanceof Map || v instanceof Collection) {
                    collectIds(v, into)
                }
            }
        } else if (node instanceof Collection) {
            ((Collection) node).each { collectIds(it, into) }
        }
    }

    /** An outcome is a word (ok, an error code): anything else is cut at its first space. */
    private static String oneWord(String outcome) {
        String s = (outcome ?: 'unknown').trim()
        int space = s.indexOf(' ')
        space < 0 ? s : s.substring(0, space)
    }
}
