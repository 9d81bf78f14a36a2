package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.error.ServiceException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSmokeTest {
    @Test
    void aSignedCallReachesDispatch_andAWrongSecretIsRefused() {
        try (SandboxFixture f = new SandboxFixture()) {
            ServiceException none = assertThrows(
                    ServiceException.class,
                    () -> f.client.call(
                            "ModifyDataGuardGroups",
                            Map.of("DataGuardId", "00000000-0000-4000-8000-000000000000", "DataGuardName", "x")));
            assertEquals(
                    "InvalidParameterValue",
                    none.code(),
                    "the handler ran and found no group 00000000-0000-4000-8000-000000000000");
            try (CloudClient wrong = f.clientWith(
                    new Credentials(f.sandbox.credentials().kingsoft().accessKeyId(), "not-the-secret"),
                    f.sandbox.credentials().alibaba())) {
                ServiceException e =
                        assertThrows(ServiceException.class, () -> wrong.call("DescribeRegions", Map.of()));
                assertEquals("SignatureDoesNotMatch", e.code());
                assertEquals(403, e.httpStatus());
            }
        }
    }
}
