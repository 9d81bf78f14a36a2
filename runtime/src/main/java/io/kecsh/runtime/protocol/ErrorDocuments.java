package io.kecsh.runtime.protocol;

import io.kecsh.runtime.model.Member;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the error a body describes. Read tolerantly: any of the envelopes' error shapes is
 * recognised whatever the service, since a gateway in front of one may answer in another's.
 * <ul>
 *   <li>Kingsoft (spec §2.3): {@code {RequestId, Error: {Type, Code, Message}}}, in XML
 *       {@code <ErrorResponse><RequestId/><Error><Type/><Code/><Message/></Error></ErrorResponse>};</li>
 *   <li>Alibaba: {@code {RequestId, HostId, Code, Message}}, in XML {@code <Error>…</Error>};</li>
 *   <li>cloud-market: {@code {RequestId, Code, Msg, Status}}.</li>
 * </ul>
 * Some bodies report failure with HTTP 200 (§7.3, §7.4, §8.3 item 23): Alibaba's BSS with
 * {@code Success=false} or a Code other than {@code Success}, cloud-market with a Code other than
 * 200 or a Status other than {@code Y}.
 */
final class ErrorDocuments {
    private ErrorDocuments() {}

    /** The error in a body that came with a status of 300 or more. */
    static Optional<ServiceError> read(Map<?, ?> root, int status) {
        Map<?, ?> nested = PlainTrees.structure(root, "Error");
        if (nested != null && PlainTrees.has(nested, "Code")) {
            return Optional.of(new ServiceError(
                    status,
                    PlainTrees.text(nested, "Code"),
                    message(nested),
                    PlainTrees.text(nested, "Type"),
                    requestId(root)));
        }
        String code = PlainTrees.text(root, "Code");
        if (code != null && (PlainTrees.has(root, "Message") || PlainTrees.has(root, "Msg"))) {
            return Optional.of(
                    new ServiceError(status, code, message(root), PlainTrees.text(root, "Type"), requestId(root)));
        }
        return Optional.empty();
    }

    /** The failure a 2xx body reports, if it reports one. */
    static Optional<ServiceError> failureInSuccess(Envelope envelope, Map<?, ?> root, Member output, int status) {
        boolean errorIsAMember = output.members().containsKey("Error");
        Map<?, ?> nested = PlainTrees.structure(root, "Error");
        if (!errorIsAMember && nested != null && PlainTrees.has(nested, "Code")) return read(root, status);
        return switch (envelope) {
            case ACS -> alibabaFailure(root, status);
            case CLOUD_MARKET -> cloudMarketFailure(root, status);
            case KSYUN -> Optional.empty();
        };
    }

    private static Optional<ServiceError> alibabaFailure(Map<?, ?> root, int status) {
        Object success = PlainTrees.get(root, "Success");
        String code = PlainTrees.text(root, "Code");
        // Success, when present, is the answer; Code alone decides only when Success is absent.
        boolean failed = success != null
                ? "false".equalsIgnoreCase(String.valueOf(success).trim())
                : code != null && !code.equalsIgnoreCase("Success");
        if (!failed) return Optional.empty();
        return Optional.of(
                new ServiceError(status, code != null ? code : "Unsuccessful", message(root), null, requestId(root)));
    }

    private static Optional<ServiceError> cloudMarketFailure(Map<?, ?> root, int status) {
        String code = PlainTrees.text(root, "Code");
        String state = PlainTrees.text(root, "Status");
        BigDecimal numeric = code == null ? null : Numbers.exact(code);
        boolean badCode = code != null && (numeric == null || numeric.compareTo(BigDecimal.valueOf(200)) != 0);
        boolean badStatus = state != null && !state.trim().equalsIgnoreCase("Y");
        if (!badCode && !badStatus) return Optional.empty();
        String reported = badCode ? code : "Status" + state.trim();
        return Optional.of(new ServiceError(status, reported, message(root), null, requestId(root)));
    }

    private static String message(Map<?, ?> map) {
        String message = PlainTrees.text(map, "Message");
        return message != null ? message : PlainTrees.text(map, "Msg");
    }

    /** RequestId from the root, or from ResponseMetadata where Kingsoft's success shape keeps it. */
    static String requestId(Map<?, ?> root) {
        String id = PlainTrees.text(root, "RequestId");
        if (id != null) return id;
        Map<?, ?> metadata = PlainTrees.structure(root, "ResponseMetadata");
        return metadata == null ? null : PlainTrees.text(metadata, "RequestId");
    }
}
