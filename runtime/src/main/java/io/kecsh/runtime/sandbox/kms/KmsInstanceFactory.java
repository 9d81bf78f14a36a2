package io.kecsh.runtime.sandbox.kms;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds plausible KMS instances as GetKmsInstance documents them: kst-/vpc-/vsw- IDs, two zones,
 * a bound VPC, a PEM-looking CA chain, and dates as Alibaba keeps them (a subscription ends at
 * midnight China time; a pay-as-you-go instance carries Alibaba's far-future 2099 date). Related
 * IDs are drawn from a generator seeded by the instance ID, so one sandbox state always looks the
 * same.
 */
public final class KmsInstanceFactory {
    /** Alibaba bills in China time: a subscription term ends at 00:00 there. */
    public static final ZoneId BILLING_ZONE = ZoneId.of("Asia/Shanghai");
    /** The expiry Alibaba shows for pay-as-you-go resources. */
    public static final String PAY_AS_YOU_GO_END = "2099-12-31T15:59:59Z";

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** The quotas and switches a new instance gets. */
    public record Spec(long spec, long keyNum, String secretNum, long vpcNum, long log, long logStorage) {
        public static final Spec STANDARD = new Spec(1000, 1000, "1000", 5, 1, 100);
    }

    private KmsInstanceFactory() {}

    /**
     * A Connected instance created at {@code created}: PREPAY ones get the ddi product type and a
     * {@code months}-month term, POSTPAY ones the ppi type and no end of term.
     */
    public static Map<String, Object> create(
            String instanceId,
            String chargeType,
            String region,
            Instant created,
            int months,
            Spec spec,
            boolean hasBackup) {
        Random random = new Random(instanceId.hashCode());
        boolean prepay = KmsInstances.PREPAY.equals(chargeType);
        Instant start = created.truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("InstanceId", instanceId);
        i.put("InstanceName", instanceId);
        i.put("Status", "Connected");
        i.put("CreateTime", start.toString());
        i.put("Spec", spec.spec());
        i.put("KeyNum", spec.keyNum());
        i.put("SecretNum", spec.secretNum());
        i.put("VpcNum", spec.vpcNum());
        String vpcId = id("vpc-", random);
        i.put("VpcId", vpcId);
        i.put("ZoneIds", new ArrayList<>(List.of(region + "-k", region + "-j")));
        i.put("VswitchIds", new ArrayList<>(List.of(id("vsw-", random), id("vsw-", random))));
        i.put("EndDate", prepay ? termEnd(start, months).toString() : PAY_AS_YOU_GO_END);
        i.put("StartDate", start.toString());
        i.put("CaCertificateChainPem", pem(random));
        Map<String, Object> bound = new LinkedHashMap<>();
        bound.put("RegionId", region);
        bound.put("VpcId", id("vpc-", random));
        bound.put("VpcOwnerId", digits(16, random));
        bound.put("VSwitchId", id("vsw-", random));
        List<Object> bindVpc = new ArrayList<>();
        bindVpc.add(bound);
        Map<String, Object> bindVpcs = new LinkedHashMap<>();
        bindVpcs.put("BindVpc", bindVpc);
        i.put("BindVpcs", bindVpcs);
        i.put("ChargeType", chargeType);
        i.put("ProductVersion", "3");
        i.put("SaleStatus", "Normal");
        i.put("Log", spec.log());
        i.put("LogStorage", spec.logStorage());
        i.put("ProductType", prepay ? "kms_ddi_public_cn" : "kms_ppi_public_cn");
        i.put(KmsInstances.HAS_BACKUP, hasBackup);
        return i;
    }

    /** The end of a term of {@code months} months begun at {@code start}: midnight China time after that many months. */
    public static Instant termEnd(Instant start, int months) {
        return start.atZone(BILLING_ZONE)
                .toLocalDate()
                .plusDays(1)
                .plusMonths(months)
                .atStartOfDay(BILLING_ZONE)
                .toInstant();
    }

    /** An end of term moved {@code months} calendar months later (counted in China time). */
    public static Instant extend(Instant end, long months) {
        return end.atZone(BILLING_ZONE).plusMonths(months).toInstant();
    }

    private static String id(String prefix, Random random) {
        StringBuilder s = new StringBuilder(prefix);
        for (int n = 0; n < 21; n++) s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        return s.toString();
    }

    private static String digits(int count, Random random) {
        StringBuilder s = new StringBuilder().append(1 + random.nextInt(9));
        while (s.length() < count) s.append(random.nextInt(10));
        return s.toString();
    }

    /** A certificate-shaped PEM block (a DER SEQUENCE header, then noise), CRLF-separated as in the document. */
    private static String pem(Random random) {
        byte[] der = new byte[957];
        random.nextBytes(der);
        der[0] = 0x30;
        der[1] = (byte) 0x82;
        der[2] = 0x03;
        der[3] = (byte) 0xB9;
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\r\n");
        for (int at = 0; at < base64.length(); at += 64) {
            pem.append(base64, at, Math.min(base64.length(), at + 64)).append("\r\n");
        }
        return pem.append("-----END CERTIFICATE-----").toString();
    }
}
