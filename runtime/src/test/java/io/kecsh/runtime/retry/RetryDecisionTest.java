package io.kecsh.runtime.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDecisionTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final Service KEC = MODEL.requireService("kec");
    private static final Operation RUN = MODEL.requireOperation("RunInstances");
    private static final Operation DESCRIBE = MODEL.requireOperation("DescribeInstances");
    private static final Operation BSS_MODIFY = MODEL.requireOperation("ModifyInstance");

    @Test
    void throttling_isRetriedForEveryCall_evenAMutation() {
        assertTrue(
                RetryDecision.afterServiceError(
                        KEC,
                        RUN,
                        "LimitExceeded",
                        409,
                        "Request was rejected because the request speed of this openAPI is beyond the current flow control limit."));
    }

    @Test
    void aServiceTimeout_isRetriedForReads_butNotForAMutationWithoutClientToken() {
        assertTrue(RetryDecision.afterServiceError(
                KEC, DESCRIBE, "ServiceTimeout", 500, "Internal Service is unavailable because of time out."));
        assertFalse(RetryDecision.afterServiceError(
                KEC, RUN, "ServiceTimeout", 500, "Internal Service is unavailable because of time out."));
    }

    @Test
    void serviceUnavailable_isJudgedByWhichOfItsMeaningsTheMessageHas() {
        assertTrue(RetryDecision.afterServiceError(
                KEC,
                RUN,
                "ServiceUnavailable",
                500,
                "Auth Service is unavailable because of an unknown error, exception or failure"));
        assertFalse(RetryDecision.afterServiceError(
                KEC, RUN, "ServiceUnavailable", 500, "Exception java.lang.NullPointerException"));
        assertFalse(RetryDecision.afterServiceError(KEC, RUN, "ServiceUnavailable", 500, null));
    }

    @Test
    void clientErrors_areNeverRetried() {
        assertFalse(RetryDecision.afterServiceError(KEC, DESCRIBE, "InvalidParameterValue", 400, "x"));
        assertFalse(RetryDecision.afterServiceError(KEC, DESCRIBE, "SignatureDoesNotMatch", 403, "x"));
    }

    @Test
    void clientTokenOperations_areIdempotent() {
        Service bss = MODEL.requireService("bss");
        assertTrue(RetryDecision.idempotent(BSS_MODIFY));
        assertTrue(RetryDecision.afterServiceError(
                bss,
                MODEL.requireOperation("RenewChangeInstance"),
                "InternalError",
                500,
                "The request processing has failed due to some unknown error."));
        assertTrue(RetryDecision.afterTransportFailure(BSS_MODIFY, true));
        assertFalse(RetryDecision.afterTransportFailure(RUN, true));
        assertTrue(RetryDecision.afterTransportFailure(RUN, false));
    }

    @Test
    void backoff_growsExponentially_withinItsCap() {
        Backoff top = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);
        assertEquals(Duration.ofMillis(100), top.delay(1));
        assertEquals(Duration.ofMillis(400), top.delay(3));
        assertEquals(Duration.ofSeconds(1), top.delay(10));
        assertEquals(Duration.ZERO, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0).delay(5));
    }
}
