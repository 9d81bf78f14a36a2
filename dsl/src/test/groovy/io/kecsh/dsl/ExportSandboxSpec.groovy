package io.kecsh.dsl

import com.fasterxml.jackson.databind.ObjectMapper

/** table(), toCsv() and toJson() on any list a script holds: maps, results, a parallel's outcomes. */
class ExportSandboxSpec extends KecshSandboxSpecification {

    def "a list of maps the script built prints as a table, CSV and JSON"() {
        when:
        def out = kecsh.eval('''
            def rows = [[id: 'a', count: 2], [id: 'b,c', note: 'said "hi"', tags: ['x', 'y']]]
            [rows.table(), rows.toCsv(), rows.toJson()]
        ''') as List<String>

        then:
        out[0].readLines()[0].split(/\s+/) as List == ['id', 'count', 'note', 'tags']
        out[0].readLines()[2].startsWith('b,c')
        out[1] == 'id,count,note,tags\r\na,2,,\r\n"b,c",,"said ""hi""",x;y\r\n'
        new ObjectMapper().readValue(out[2], List) == [[id: 'a', count: 2], [id: 'b,c', note: 'said "hi"', tags: ['x', 'y']]]
    }

    def "results export by their properties: instances, regions"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', count: 2, name: 'web', suffix: 1 }.waitUntil('active')")

        when:
        def csv = kecsh.eval("instances.list().toCsv()") as String
        def json = new ObjectMapper().readValue(kecsh.eval("instances.list().toJson()") as String, List) as List<Map>
        def regions = kecsh.eval("regions().table()") as String

        then:
        csv.readLines()[0].split(',').toList().containsAll(['id', 'name', 'type', 'state', 'privateIp'])
        csv.readLines().size() == 3
        json*.name.toSet() == ['web-1', 'web-2'] as Set
        json*.state.unique() == ['active']
        regions.readLines()[0].startsWith('id')
        regions.contains('cn-shanghai-2')
    }
}
