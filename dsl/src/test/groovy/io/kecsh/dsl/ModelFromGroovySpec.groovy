package io.kecsh.dsl

import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.validate.Validator
import spock.lang.Specification

/** The runtime's model and validator as the DSL will meet them: Groovy maps, GStrings, GPath. */
class ModelFromGroovySpec extends Specification {
    static final String ID = '48de6f74-e287-45df-b55e-94266d77483f'
    def validator = new Validator(ServiceModel.bundled())

    def "instance types are navigable with GPath"() {
        when:
        def types = ServiceModel.bundled().requireService('kec').requireEnum('InstanceType.RunInstances').values()

        then:
        types.size() == 177
        types.findAll { it.attrs.family == 'S4' }*.value.contains('S4.2B')
        types.find { it.value == 'P4V.56D8' }.attrs.gpus == 8
    }

    def "a Groovy map with GString values validates: #type"() {
        given:
        def family = type.split(/\./)[0]
        def request = [InstanceType: "${family}.${type.split(/\./)[1]}", MinCount: 1, MaxCount: 1, ImageId: ID,
                       SubnetId: ID, SecurityGroupId: ID, ChargeType: 'Daily']

        expect:
        validator.validate('RunInstances', request).valid == valid

        where:
        type    || valid
        'S4.2B' || true
        'C3.4B' || true
        'S4.2X' || false
        'N1.1A' || false
    }
}
