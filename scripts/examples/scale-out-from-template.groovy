// Scale out from a launch template: make sure COUNT instances launched from TEMPLATE (named
// TEMPLATE-1 … TEMPLATE-COUNT) exist and are active. Never scales in.
//
// Idempotent: instances already named TEMPLATE-<n> count; only the difference is launched.
// The template must exist (templates { create … } or the console); its name is looked up.
//
//   kecsh run scripts/examples/scale-out-from-template.groovy TEMPLATE COUNT
//   kecsh run scripts/examples/scale-out-from-template.groovy web 5

if (args.length < 2) throw new IllegalArgumentException('usage: scale-out-from-template.groovy TEMPLATE COUNT')
String name = args[0]
int count = args[1] as int

def template = templates.list().find { it.name == name }
if (template == null) {
    throw new IllegalStateException("no launch template called ${name}; templates here: ${templates.list()*.name.join(', ') ?: 'none'}")
}
def named = ~/^${java.util.regex.Pattern.quote(name)}-\d+$/
def existing = instances.where(name: named)
int missing = count - existing.size()
if (missing <= 0) {
    println "${existing.size()} instance(s) from ${name} already; nothing to do"
    return existing*.id
}
int next = (existing.collect { it.name.substring(name.length() + 1) as int }.max() ?: 0) + 1
println "scaling ${name} from ${existing.size()} to ${count}"
def added = instances { run template: template, count: missing, name: name, suffix: next }.waitUntil('active')
(existing*.id + added*.id)
