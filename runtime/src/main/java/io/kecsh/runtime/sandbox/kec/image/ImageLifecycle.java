package io.kecsh.runtime.sandbox.kec.image;

import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import io.kecsh.runtime.sandbox.state.Transition;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How an image comes into being: {@code queued}, then {@code saving} (which takes
 * {@link #SAVING_FACTOR} times a normal transition), then {@code active}. CreateImage, ImportImage
 * and CopyImage all go this way; the ImageAvailable waiter watches for {@code active}.
 */
final class ImageLifecycle {
    static final String QUEUED = "queued";
    static final String SAVING = "saving";
    static final String ACTIVE = "active";
    /** Saving an image takes three times as long as a state change of an instance. */
    static final int SAVING_FACTOR = 3;

    private ImageLifecycle() {}

    /** A new image that is queued now and will be saved. */
    static void begin(Image image, SandboxClock clock) {
        image.state = QUEUED;
        image.transition = Transition.start(SAVING, clock);
        image.creationDate = isoNow(clock);
    }

    /**
     * Applies whatever is due (queued → saving → active, several steps at once when time has
     * moved far enough); {@code described} counts one describe that saw the image toward a
     * transition that completes after describes.
     */
    static void settle(Image image, SandboxClock clock, boolean described) {
        boolean applied = false;
        while (image.transition != null && image.transition.due(clock)) {
            Transition done = image.transition;
            image.state = done.target();
            image.transition = SAVING.equals(done.target()) ? after(done, ACTIVE, clock) : null;
            applied = true;
        }
        if (!applied && described && image.transition != null && clock.describesPerTransition() > 0) {
            image.transition = image.transition.seen();
        }
    }

    /** The progress the Image type reports, as text: 0 while queued, 50 while saving, 100 once done. */
    static String progress(Image image) {
        return switch (image.state) {
            case QUEUED -> "0";
            case SAVING -> "50";
            default -> "100";
        };
    }

    /** The next step, timed from when the previous one was due (not from when someone looked). */
    private static Transition after(Transition previous, String target, SandboxClock clock) {
        long millis = clock.transitionDelay().multipliedBy(SAVING_FACTOR).toMillis();
        return new Transition(
                target, previous.readyAtMillis() + millis, clock.describesPerTransition() * SAVING_FACTOR);
    }

    static String isoNow(SandboxClock clock) {
        return iso(clock.instant());
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
