package io.kecsh.runtime.auth.aws4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.auth.Hashes;
import org.junit.jupiter.api.Test;

class Aws4SigningKeyTest {
    /** AWS's published example for deriving a signing key (General Reference, "Signature Version 4": IAM, 20120215). */
    @Test
    void derive_awsDocumentedExample_givesThePublishedKey() {
        byte[] key = Aws4SigningKey.derive("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
        assertEquals("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", Hashes.hex(key));
    }
}
