package io.kecsh.repl.shell

import static io.kecsh.repl.shell.CursorContext.Position.*

import spock.lang.Specification

class CursorAnalyserSpec extends Specification {

    def "#buffer → #position, blocks #blocks, call #call, param #param, prefix '#prefix'"() {
        when:
        CursorContext at = CursorAnalyser.analyse(buffer, buffer.length())

        then:
        at.position() == position
        at.blocks() == blocks
        at.call() == call
        at.param() == param
        at.prefix() == prefix

        where:
        buffer                                         || position    | blocks                  | call                         | param  | prefix
        'ins'                                          || WORD        | []                      | null                         | null   | 'ins'
        'instances { ru'                               || WORD        | ['instances']           | null                         | null   | 'ru'
        'instances {\n    st'                          || WORD        | ['instances']           | null                         | null   | 'st'
        'instances { run ty'                           || PARAM_NAME  | ['instances']           | 'run'                        | null   | 'ty'
        'instances { run '                             || PARAM_NAME  | ['instances']           | 'run'                        | null   | ''
        "instances { run type: 'S4.2B', cou"           || PARAM_NAME  | ['instances']           | 'run'                        | null   | 'cou'
        "instances { run type: 'S4."                   || PARAM_VALUE | ['instances']           | 'run'                        | 'type' | 'S4.'
        "instances { run(type: 'S4."                   || PARAM_VALUE | ['instances']           | 'run'                        | 'type' | 'S4.'
        'instances { run type: '                       || PARAM_VALUE | ['instances']           | 'run'                        | 'type' | ''
        "instances { stop mode: 'Sto"                  || PARAM_VALUE | ['instances']           | 'stop'                       | 'mode' | 'Sto'
        "x = instances.where(state: '"                 || PARAM_VALUE | []                      | 'instances.where'            | 'state'| ''
        'kec.'                                         || MEMBER      | []                      | 'kec'                        | null   | ''
        'kec.RunI'                                     || MEMBER      | []                      | 'kec'                        | null   | 'RunI'
        'kec.RunInstances('                            || PARAM_NAME  | []                      | 'kec.RunInstances'           | null   | ''
        'kec.RunInstances(InstanceT'                   || PARAM_NAME  | []                      | 'kec.RunInstances'           | null   | 'InstanceT'
        "instances { run type: 'S4.2B' }\nimages { "   || WORD        | ['images']              | null                         | null   | ''
        "instances { where name: 'a'; stop mode: '"    || PARAM_VALUE | ['instances']           | 'stop'                       | 'mode' | ''
        ':he'                                          || COMMAND     | []                      | null                         | null   | ':he'
        ':help Run'                                    || COMMAND     | []                      | ':help'                      | null   | 'Run'
        "instances { terminate 'we"                    || ARGUMENT    | ['instances']           | 'terminate'                  | null   | 'we'
        "keys { attach '"                              || ARGUMENT    | ['keys']                | 'attach'                     | null   | ''
        "instances { where ids: ['"                    || PARAM_VALUE | ['instances']           | 'where'                      | 'ids'  | ''
        "instances.where(ids: ['a', 'b"                || PARAM_VALUE | []                      | 'instances.where'            | 'ids'  | 'b'
        "instances { run type: 'S4.2B' }.waitUntil '"  || ARGUMENT    | []                      | 'instances{run}.waitUntil'   | null   | ''
        "instances.where(name: 'a').waitUntil 'ac"     || ARGUMENT    | []                      | 'instances.where().waitUntil'| null   | 'ac'
        "web.waitUntil '"                              || ARGUMENT    | []                      | 'web.waitUntil'              | null   | ''
        "println 'ab"                                  || ARGUMENT    | []                      | 'println'                    | null   | 'ab'
        "x = ['"                                       || STRING      | []                      | null                         | null   | ''
    }

    def "a string or a bracket left open means the input continues"() {
        expect:
        Lexer.incomplete(input) == open

        where:
        input                                   || open
        'instances {'                           || true
        'instances {\n run type: "S4.2B"\n}'    || false
        "println '''a"                          || true
        'kec.RunInstances(InstanceType: "S4.2B"'|| true
        'x = [1, 2'                             || true
        '/* a comment'                          || true
        "println '}'"                           || false
        "println 'a"                            || false
        '1 + 2'                                 || false
    }
}
