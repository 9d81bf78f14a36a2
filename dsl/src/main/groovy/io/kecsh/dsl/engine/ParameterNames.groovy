package io.kecsh.dsl.engine

import groovy.transform.CompileStatic
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText

/**
 * Turns the names people type into the API's: the short forms below ({@code type} → InstanceType),
 * the API name itself ({@code InstanceType}) or its lower-camel form ({@code instanceType}). Every
 * alias names a real parameter of some operation — a spec checks that against the model — and an
 * unknown name gets the list of valid ones with a "did you mean".
 */
@CompileStatic
final class ParameterNames {
    /** Short forms, tried only where the operation has the target parameter. */
    static final Map<String, String> ALIASES = [
        type         : 'InstanceType',
        image        : 'ImageId',
        name         : 'InstanceName',
        suffix       : 'InstanceNameSuffix',
        subnet       : 'SubnetId',
        securityGroup: 'SecurityGroupId',
        password     : 'InstancePassword',
        keys         : 'KeyId',
        key          : 'KeyId',
        template     : 'ModelId',
        project      : 'ProjectId',
        dataGuard    : 'DataGuardId',
        systemDisk   : 'SystemDisk',
        dataDisks    : 'DataDisk',
        mode         : 'StoppedMode',
        force        : 'ForceStop',
        months       : 'PurchaseTime',
        securityGroups: 'SecurityGroupId',
        ip           : 'PrivateIpAddress',
        zone         : 'AvailabilityZone',
    ].asImmutable()

    /**
     * Parameters whose value a verb also takes by name ({@code subnet: 'default-cn-beijing-6a'},
     * {@code securityGroup: 'web'}, {@code key: 'laptop'}), looked up through the vpc and sks reads.
     */
    public static final Set<String> BY_NAME = (['SubnetId', 'SecurityGroupId', 'KeyId'] as Set<String>).asImmutable()

    private ParameterNames() {
    }

    /** The API name for what was typed, or an error naming the valid ones. */
    static String apiName(Operation op, String typed, String verb, Collection<String> extraFriendly = []) {
        if (op.params().containsKey(typed)) return typed
        String alias = ALIASES[typed]
        if (alias != null && op.params().containsKey(alias)) return alias
        String upper = typed.capitalize()
        if (op.params().containsKey(upper)) return upper
        List<String> valid = (friendlyNames(op) + (extraFriendly as List<String>)).unique()
        // The API names in lower camel are accepted too, so they are worth suggesting (instanceTyp → instanceType).
        List<String> candidates = (valid + op.params().keySet().collect { it.uncapitalize() }).unique()
        throw new IllegalArgumentException("${verb}: unknown parameter ${UserText.quoted(typed)}${Suggestions.didYouMean(typed, candidates)}; " +
            "${verb} takes ${valid.join(', ')}")
    }

    /** The one wording for a word a verb that takes only its own words does not know. */
    static String unknownWord(String verb, String typed, Collection<String> words) {
        "${verb}: unknown parameter ${UserText.quoted(typed)}${Suggestions.didYouMean(typed, words)}; ${verb} takes ${words.join(', ')}"
    }

    /** What a person may type for this operation: the short forms that apply, then the other parameters in lower camel. */
    static List<String> friendlyNames(Operation op) {
        Map<String, String> applying = ALIASES.findAll { String k, String v -> op.params().containsKey(v) }
        List<String> out = new ArrayList<String>(applying.keySet())
        Set<String> covered = new HashSet<String>(applying.values())
        op.params().keySet().each { String p -> if (!covered.contains(p)) out << p.uncapitalize() }
        out
    }
}
