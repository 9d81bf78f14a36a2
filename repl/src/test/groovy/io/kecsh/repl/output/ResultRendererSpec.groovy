package io.kecsh.repl.output

import static io.kecsh.repl.output.OutputFormat.JSON
import static io.kecsh.repl.output.OutputFormat.TABLE
import static io.kecsh.repl.output.OutputFormat.TEXT

import io.kecsh.dsl.result.InstanceInfo
import io.kecsh.dsl.result.KeyInfo
import io.kecsh.runtime.protocol.Response
import spock.lang.Specification

class ResultRendererSpec extends Specification {
    static final List<InstanceInfo> WEB = [
        new InstanceInfo(id: 'i-1', name: 'web-1', type: 'S4.2B', state: 'active', privateIp: '10.0.0.1'),
        new InstanceInfo(id: 'i-2', name: 'web-2', type: 'S4.2B', state: 'stopped', privateIp: '10.0.0.2'),
    ]

    def "scalars print as themselves and null prints nothing"() {
        expect:
        ResultRenderer.render(value, format, 80) == expected

        where:
        value                 | format || expected
        null                  | TABLE  || ''
        null                  | JSON   || ''
        2                     | TABLE  || '2\n'
        'web'                 | TEXT   || 'web\n'
        'web'                 | JSON   || '"web"\n'
        new BigDecimal('1E3') | TABLE  || '1000\n'
        ['a', 'b']            | TABLE  || 'a\nb\n'
        []                    | TABLE  || ''
        []                    | JSON   || '[ ]\n'
    }

    def "a list of results is a table, its fields in the order the result type declares them"() {
        when:
        String table = ResultRenderer.render(WEB, TABLE, 200)
        List<String> lines = table.readLines()

        then:
        lines[0].startsWith('id   name   type   state    privateIp')
        lines[1].startsWith('i-1  web-1  S4.2B  active   10.0.0.1')
        lines[2].startsWith('i-2  web-2  S4.2B  stopped  10.0.0.2')
        lines.every { !it.endsWith(' ') }
    }

    def "a narrow terminal: wide columns are cut with … and the rightmost ones dropped, never wrapped"() {
        given:
        def rows = [[id: 'i-0123456789abcdef', description: 'x' * 60, zone: 'cn-beijing-6a', owner: 'team-platform']]

        expect:
        ResultRenderer.render(rows, TABLE, width).readLines().every { it.length() <= width }
        ResultRenderer.render(rows, TABLE, width).readLines()[0].startsWith(header)
        ResultRenderer.render(rows, TABLE, width).readLines()[1].contains(cell)

        where:
        width || header                                   | cell
        200   || 'id                  description'        | 'x' * 60 + '  cn-beijing-6a  team-platform'
        60    || 'id                  description                zone' | 'i-0123456789abcdef  ' + 'x' * 24 + '…  cn-beijing-6a'
        30    || 'id'                                     | 'i-0123456789abcdef'
        10    || 'id'                                     | 'i-0123456…'
    }

    def "text is tab-separated, one row per line, no header; JSON keeps the declared order"() {
        expect:
        ResultRenderer.render(WEB, TEXT, 80).readLines()[0].startsWith('i-1\tweb-1\tS4.2B\tactive\t10.0.0.1\t')
        ResultRenderer.render(WEB, JSON, 80).indexOf('"id"') < ResultRenderer.render(WEB, JSON, 80).indexOf('"name"')
    }

    def "unordered maps print in a stable (sorted) order"() {
        given:
        def map = new HashMap([zeta: 1, alpha: 2, mid: 3])

        expect:
        ResultRenderer.render([map], TEXT, 80) == '2\t3\t1\n'
        ResultRenderer.render(map, JSON, 80).replaceAll(/\s/, '') == '{"alpha":2,"mid":3,"zeta":1}'
    }

    def "a response's one list of records is the table; JSON keeps the whole answer"() {
        given:
        def response = Response.of('DescribeInstances', [RequestId: 'req-1', InstanceCount: 2, InstancesSet: [
            [InstanceId: 'i-1', InstanceName: 'web-1', InstanceState: [Name: 'active']],
            [InstanceId: 'i-2', InstanceName: 'web-2', InstanceState: [Name: 'stopped']]]])

        expect:
        ResultRenderer.render(response, TABLE, 100).readLines() == [
            'InstanceId  InstanceName  InstanceState',
            'i-1         web-1         active',
            'i-2         web-2         stopped']
        ResultRenderer.render(response, JSON, 100).contains('"RequestId" : "req-1"')
    }

    def "an answer's nested records flatten to the columns a person wants; a footer names what is left out and how to see it"() {
        given:
        def response = Response.of('DescribeInstanceTypeConfigs', [RequestId: 'r', InstanceTypeConfigSet: [
            [AvailabilityZoneSet: [[AvailabilityZone: 'cn-beijing-6a'], [AvailabilityZone: 'cn-beijing-6b']], InstanceType: 'S4.2B',
             InstanceFamily: 'S4', InstanceFamilyName: '标准型S4', CPU: 2, Memory: 4,
             DataDiskQuotaSet: [[DataDiskType: 'SSD3.0', DataDiskMinSize: 10.0]]]]])

        when:
        List<String> lines = ResultRenderer.render(response, TABLE, 160).readLines()

        then: 'the type first, zones as a list, the list of several-member records left out and named'
        lines[0].split(/\s+/) as List == ['InstanceType', 'InstanceFamilyName', 'InstanceFamily', 'CPU', 'Memory', 'AvailabilityZoneSet']
        lines[1] ==~ /S4\.2B\s+标准型S4\s+S4\s+2\s+4\s+cn-beijing-6a, cn-beijing-6b/
        lines[2] == '(1 row; not shown: DataDiskQuotaSet; --output json shows the whole answer)'

        when: 'a narrow terminal'
        List<String> narrow = ResultRenderer.render(response, TABLE, 40).readLines()

        then: 'the columns past the width are named too'
        narrow.last().startsWith('(1 row; not shown: ')
        narrow.last().contains('AvailabilityZoneSet')
    }

    def "cells are padded by display width: a Chinese name takes two columns a character and the next column still lines up"() {
        given:
        def rows = [[id: 'i-1', name: '网站服务器', state: 'active'], [id: 'i-2', name: 'web', state: 'stopped']]

        when:
        List<String> lines = ResultRenderer.render(rows, TABLE, 80).readLines()

        then:
        [lines[0].indexOf('state'), lines[1].indexOf('active'), lines[2].indexOf('stopped')].withIndex()
            .collect { int at, int i -> TableLayout.width(lines[i].substring(0, at)) }.unique().size() == 1
    }

    def "one record is a name/value table"() {
        expect:
        ResultRenderer.render([id: 'i-1', keys: ['k1', 'k2']], TABLE, 80) == 'NAME  VALUE\nid    i-1\nkeys  k1, k2\n'
    }

    static final KeyInfo KEY = new KeyInfo(id: 'k-1', name: 'deploy', privateKey: '-----BEGIN RSA PRIVATE KEY-----xyz')
    static final Map REQUEST = [InstanceType: 'S4.2B', InstancePassword: 'Passw0rd!x', nested: [[password: 'Passw0rd!x']]]

    def "secrets never print, in any format"() {
        expect:
        !ResultRenderer.render(value, format, 200).contains(secret)
        ResultRenderer.render(value, format, 200).contains('****')

        where:
        [value, secret, format] << [
            [[KEY], '-----BEGIN'], [[REQUEST], 'Passw0rd'], [[[KEY]], '-----BEGIN'], [KEY, '-----BEGIN']
        ].collectMany { v -> [TABLE, JSON, TEXT].collect { f -> v + [f] } }
    }
}
