package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic

import java.time.Clock
import java.time.LocalTime
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter

/**
 * The head of every progress line: when (UTC, to the second) and in which region, so the lines of a
 * long run — or of regions run in parallel — can be told apart and matched with the audit log.
 */
@CompileStatic
final class ProgressStamp {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'")

    private ProgressStamp() {
    }

    static String of(Clock clock, String region) {
        String time = LocalTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(TIME)
        "${time} [${region ?: '-'}] ".toString()
    }
}
