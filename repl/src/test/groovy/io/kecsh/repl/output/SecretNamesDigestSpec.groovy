package io.kecsh.repl.output

import io.kecsh.runtime.model.ServiceModel
import spock.lang.Specification

/**
 * The digest of secret names shipped in the jar is what {@link SecretNames#collect} finds in the
 * shipped model today: a member marked sensitive later must reach the digest, or its values would
 * be shown. To update after changing the model, from the repl module:
 * {@code mvn test -Dtest=SecretNamesDigestSpec -Dkecsh.secretNames.update=true}.
 */
class SecretNamesDigestSpec extends Specification {

    def "the shipped digest lists exactly the secret names of the shipped model"() {
        given:
        List<String> collected = SecretNames.collect(ServiceModel.bundled()).sort()
        String generated = collected.join('\n') + '\n'

        expect:
        if (System.getProperty('kecsh.secretNames.update') == 'true') {
            new File('src/main/resources/io/kecsh/repl/output/' + SecretNames.DIGEST).text = generated
        } else {
            assert SecretNames.digest().sort() == collected, 'secret-names.txt is stale: regenerate it (see this spec)'
        }
        collected.containsAll(['instancepassword', 'password'])
    }
}
